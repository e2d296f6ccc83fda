// A task that many callers ask for and one run serves: runs never overlap, and every caller is
// served by a run that starts after its call. Calls made while a run is waiting to start share it.
// A failing run is swallowed (the next call runs again).

export function coalescing(task: () => Promise<unknown>): () => Promise<void> {
  let tail: Promise<void> = Promise.resolve();
  /** The run queued behind the current one, not started yet: later callers share it. */
  let waiting: Promise<void> | null = null;
  return () => {
    if (waiting) return waiting;
    const run = tail
      .then(() => {
        waiting = null;
        return task();
      })
      .then(
        () => {},
        () => {},
      );
    waiting = run;
    tail = run;
    return run;
  };
}
