// A task that many callers ask for and one run serves: calls made while it runs share one more
// run after it (never two at once, never a caller served by a run that started before its call).

export function coalescing(task: () => Promise<unknown>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const start = (): Promise<void> => {
    const run = Promise.resolve()
      .then(task)
      .then(
        () => {},
        () => {},
      )
      .finally(() => {
        if (running === run) running = null;
      });
    running = run;
    return run;
  };
  return () => {
    if (!running) return start();
    queued ??= running.then(() => {
      queued = null;
      return start();
    });
    return queued;
  };
}
