import { describe, expect, test } from 'vitest';
import { coalescing } from '../../../lib/core/coalesce';

// coalescing(task): one run at a time; calls made while a run is going share exactly one more run
// after it, and no caller is served by a run that started before its call.

/** A task whose runs wait until the test lets each one finish; logs starts, ends and calls. */
function gated(opts: { fail?: (run: number) => boolean } = {}) {
  const log: string[] = [];
  const gates: (() => void)[] = [];
  let runs = 0;
  let active = 0;
  let maxActive = 0;
  const task = async () => {
    const n = ++runs;
    active++;
    maxActive = Math.max(maxActive, active);
    log.push(`start ${n}`);
    try {
      await new Promise<void>((r) => gates.push(r));
      if (opts.fail?.(n)) throw new Error(`run ${n} failed`);
    } finally {
      active--;
      log.push(`end ${n}`);
    }
  };
  return {
    task,
    log,
    get runs() {
      return runs;
    },
    get maxActive() {
      return maxActive;
    },
    get waiting() {
      return gates.length;
    },
    /** Lets the oldest run finish, then lets every promise reaction settle. */
    async finish() {
      const g = gates.shift();
      if (!g) throw new Error('no run is waiting');
      g();
      await settle();
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

/** Marks in the log when the caller's promise resolves (or rejects). */
function track(log: string[], name: string, p: Promise<void>): Promise<void> {
  return p.then(
    () => void log.push(`${name} resolved`),
    () => void log.push(`${name} rejected`),
  );
}

describe('coalescing', () => {
  test('one call runs the task once and resolves after it', async () => {
    const t = gated();
    const run = coalescing(t.task);
    const a = track(t.log, 'a', run());
    await settle();
    expect(t.runs).toBe(1);
    expect(t.log).toEqual(['start 1']);
    await t.finish();
    await a;
    expect(t.log).toEqual(['start 1', 'end 1', 'a resolved']);
    expect(t.runs).toBe(1);
  });

  test('sequential calls (each after the last finished) each run once', async () => {
    const t = gated();
    const run = coalescing(t.task);
    for (let k = 1; k <= 3; k++) {
      const p = run();
      await settle();
      await t.finish();
      await p;
      expect(t.runs).toBe(k);
    }
    expect(t.maxActive).toBe(1);
  });

  test('calls during a run share exactly one more run, started after the first ends', async () => {
    const t = gated();
    const run = coalescing(t.task);
    const a = track(t.log, 'a', run());
    await settle();
    const b = track(t.log, 'b', run());
    const c = track(t.log, 'c', run());
    const d = track(t.log, 'd', run());
    await settle();
    expect(t.runs).toBe(1); // nothing new while the first runs
    await t.finish();
    expect(t.runs).toBe(2);
    expect(t.log).toEqual(['start 1', 'end 1', 'a resolved', 'start 2']);
    await t.finish();
    await Promise.all([a, b, c, d]);
    expect(t.log).toEqual(['start 1', 'end 1', 'a resolved', 'start 2', 'end 2', 'b resolved', 'c resolved', 'd resolved']);
    expect(t.runs).toBe(2);
    expect(t.maxActive).toBe(1);
  });

  test('calls made before a run starts share it (one promise, one run); calls during it share the next', async () => {
    const t = gated();
    const run = coalescing(t.task);
    const a = run();
    const b = run();
    expect(b).toBe(a);
    await settle();
    expect(t.runs).toBe(1);
    const c = run();
    const d = run();
    expect(d).toBe(c);
    expect(c).not.toBe(a);
    await t.finish();
    await t.finish();
    await Promise.all([a, b, c, d]);
    expect(t.runs).toBe(2);
  });

  test('every caller resolves only after a run that started after its call', async () => {
    const t = gated();
    const run = coalescing(t.task);
    const a = track(t.log, 'a', run());
    await settle();
    const b = track(t.log, 'b', run());
    await t.finish(); // run 1 ends; run 2 starts for b
    // c comes while run 2 runs: run 2 started before c's call, so c must wait for run 3.
    const c = track(t.log, 'c', run());
    await settle();
    expect(t.log).toEqual(['start 1', 'end 1', 'a resolved', 'start 2']);
    await t.finish();
    expect(t.log).toEqual(['start 1', 'end 1', 'a resolved', 'start 2', 'end 2', 'b resolved', 'start 3']);
    await t.finish();
    await Promise.all([a, b, c]);
    expect(t.log.slice(-2)).toEqual(['end 3', 'c resolved']);
    expect(t.runs).toBe(3);
    expect(t.maxActive).toBe(1);
  });

  test('a throwing task rejects no caller and does not block later runs', async () => {
    const t = gated({ fail: (n) => n <= 2 });
    const run = coalescing(t.task);
    const a = track(t.log, 'a', run());
    await settle();
    const b = track(t.log, 'b', run());
    await t.finish();
    await t.finish();
    await Promise.all([a, b]);
    expect(t.log).toEqual(['start 1', 'end 1', 'a resolved', 'start 2', 'end 2', 'b resolved']);
    const c = track(t.log, 'c', run());
    await settle();
    expect(t.runs).toBe(3);
    await t.finish();
    await c;
    expect(t.log.slice(-3)).toEqual(['start 3', 'end 3', 'c resolved']);
  });

  test('a task that throws synchronously is swallowed too', async () => {
    let calls = 0;
    const run = coalescing(() => {
      calls++;
      throw new Error('sync');
    });
    await expect(run()).resolves.toBeUndefined();
    await expect(run()).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });

  test('never two runs at once, even when a caller calls again as soon as its run ends', async () => {
    // a calls again from the continuation of its own await; b was queued during a's run. The
    // queued run and a's new call must not both start a run at once.
    const t = gated();
    const run = coalescing(t.task);
    let again: Promise<void> | undefined;
    const a = (async () => {
      await run();
      again = run();
    })();
    await settle();
    const b = run();
    await t.finish(); // run 1 ends
    expect(t.maxActive, 'runs going at the same time').toBe(1);
    expect(t.waiting).toBe(1);
    while (t.waiting) await t.finish();
    await Promise.all([a, b, again]);
    expect(t.maxActive).toBe(1);
    expect(t.runs).toBeLessThanOrEqual(3);
  });
});
