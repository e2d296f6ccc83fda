// Single-page apps (FREIDA is Angular) render the program after load and on route changes: wait
// until the page looks ready and has stopped changing for a moment, but never longer than a bound.

export interface WaitOptions {
  /** Quiet time with no DOM mutations before reading. */
  quietMs?: number;
  /** Give up waiting (and read whatever is there) after this long. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Resolve at once when the page is already ready (a server-rendered first load). */
  immediate?: boolean;
}

export function waitForContent(doc: Document, isReady: () => boolean, opts: WaitOptions = {}): Promise<'ready' | 'timeout' | 'aborted'> {
  const quietMs = opts.quietMs ?? 200;
  const timeoutMs = opts.timeoutMs ?? 8000;
  if (opts.immediate && !opts.signal?.aborted && isReady()) return Promise.resolve('ready');
  return new Promise((resolve) => {
    let quietTimer: ReturnType<typeof setTimeout> | undefined;
    const finish = (how: 'ready' | 'timeout' | 'aborted') => {
      observer.disconnect();
      clearTimeout(quietTimer);
      clearTimeout(hardTimer);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve(how);
    };
    const onAbort = () => finish('aborted');
    const arm = () => {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(() => (isReady() ? finish('ready') : undefined), quietMs);
    };
    const observer = new MutationObserver(arm);
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    const hardTimer = setTimeout(() => finish('timeout'), timeoutMs);
    opts.signal?.addEventListener('abort', onAbort);
    if (opts.signal?.aborted) return finish('aborted');
    arm();
  });
}
