// Bundled into a page by scripts/lib/read-bench-chromium.ts: the whole read and its floor, timed in
// the page's own context on its own DOM (the way the content script meets it, with the rules the
// background runs added in the same page so the two stages run back to back as in the bench).
import { extractSignals } from '../../lib/core/signals/index';
import { readPageText } from '../../lib/platform/page-text';

function floor(): number {
  const walker = document.createTreeWalker(document.body ?? document.documentElement, 4 /* SHOW_TEXT */);
  const out: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push((n as Text).data);
  return out.length;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/**
 * µs per call: the median of `rounds` batches, each running its function until 5 ms have passed
 * (a page's clock is coarse, ~0.1 ms), the three interleaved as npm run bench does in Node.
 */
function run(rounds: number): { floorUs: number; readUs: number; wholeUs: number } {
  const f: number[] = [];
  const r: number[] = [];
  const w: number[] = [];
  const batch = (fn: () => unknown) => {
    const t0 = performance.now();
    let n = 0;
    let t = t0;
    while (t - t0 < 5) {
      fn();
      n++;
      t = performance.now();
    }
    return ((t - t0) / n) * 1000;
  };
  for (let i = 0; i < 3; i++) extractSignals(readPageText(document, location.href));
  for (let i = 0; i < rounds; i++) {
    f.push(batch(floor));
    r.push(batch(() => readPageText(document, location.href)));
    w.push(batch(() => extractSignals(readPageText(document, location.href))));
  }
  return { floorUs: median(f), readUs: median(r), wholeUs: median(w) };
}

(globalThis as unknown as { __smartpickReadBench: typeof run }).__smartpickReadBench = run;
