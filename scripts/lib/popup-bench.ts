// Popup figures for `npm run bench`, in Debian Chromium with the built extension: first render of
// the popup with 1,000 saved programs, and re-scoring 1,000 programs after a profile change (the
// background's list/get: read, parse and fit every program).
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, chromeBuildDir, launchChromium, openExtensionPage, sendToBackground } from './chromium';
import { benchProgram } from './sample-programs';
import { withStep2 as profile } from './sample-profiles';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};


export interface PopupBench { programs: number; firstRenderMs: number; fullListMs: number; rescoreMs: number }

export async function benchPopup(n = 1000): Promise<PopupBench | string> {
  if (!existsSync(CHROMIUM_PATH)) return `Chromium not found at ${CHROMIUM_PATH}`;
  if (!existsSync(chromeBuildDir('production'))) return 'build missing: run npm run build';
  const c = await launchChromium({ build: 'production' });
  try {
    const ext = await openExtensionPage(c.context, c.extensionId, 'popup.html');
    const now = new Date().toISOString();
    const backup = { format: 'smartpick-backup', version: 1, exportedAt: now, profile: profile(232), programs: Array.from({ length: n }, (_, i) => benchProgram(i)), pages: [] };
    const imported = await sendToBackground(ext, { type: 'backup/import', backup, mode: 'replace' });
    if (!imported.ok) return `import failed: ${imported.error}`;
    // The toolbar popup (its first screen reads the list digest) and the full list page (every
    // program read, parsed and scored), each timed to the list's first rows.
    const firstRender = async (hash: string) => {
      const renders: number[] = [];
      for (let i = 0; i < 7; i++) {
        await ext.goto(`chrome-extension://${c.extensionId}/popup.html?run=${i}${hash}`);
        const h = await ext.waitForFunction(() => {
          const e = performance.getEntriesByName('smartpick:list-rendered')[0];
          return e ? { t: e.startTime } : null;
        }, undefined, { timeout: 20_000 });
        if (i >= 2) renders.push(((await h.jsonValue()) as { t: number }).t);
      }
      return median(renders);
    };
    const firstRenderMs = await firstRender('');
    const fullListMs = await firstRender('#list');
    const rescores: number[] = [];
    for (let i = 0; i < 7; i++) {
      await sendToBackground(ext, { type: 'profile/set', profile: profile(220 + i) });
      const t = await ext.evaluate(async () => {
        const t0 = performance.now();
        const r = (await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; data: { programs: unknown[] } }> } } }).chrome.runtime.sendMessage({ type: 'list/get' })) ;
        if (!r.ok) throw new Error('list/get failed');
        return { ms: performance.now() - t0, n: r.data.programs.length };
      });
      if (i >= 2) rescores.push(t.ms);
    }
    return { programs: n, firstRenderMs, fullListMs, rescoreMs: median(rescores) };
  } finally {
    await c.close();
  }
}
