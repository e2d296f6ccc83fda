// Real-Chromium figures for `npm run bench`: time from DOMContentLoaded to a ready badge, and what
// the content script costs on a large page that is not a program page. Debian's Chromium and the
// built extension (production for FREIDA, e2e for program sites) must exist; otherwise this says so.
import { existsSync } from 'node:fs';
import { SAMPLE_PROFILE as PROFILE } from './sample-profiles';
import { CHROMIUM_PATH, chromeBuildDir, launchChromium, openExtensionPage, routeFixtures, sendToBackground } from './chromium';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};


// In the page's own world: when does <smartpick-badge data-state="ready"> appear?
const WATCH = `
  window.__sp = { ready: null };
  new MutationObserver(() => {
    const b = document.querySelector('smartpick-badge');
    if (b && b.dataset.state === 'ready' && window.__sp.ready === null) window.__sp.ready = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
`;

/** The duration of the content script's timing entry (0 ms is a real answer, hence the wrapper). */
async function measured(page: import('playwright-core').Page, name: string): Promise<number> {
  const h = await page.waitForFunction((n) => {
    const e = performance.getEntriesByName(n)[0];
    return e ? { d: e.duration } : null;
  }, name, { timeout: 10_000 });
  return ((await h.jsonValue()) as { d: number }).d;
}

export interface BrowserBench {
  dclToBadgeMs: number;
  loads: number;
  freidaNonProgramMs: number;
  sitePrecheckMs: number;
  siteLargePageKb: number;
}

function storePage(): string {
  let body = '';
  for (let i = 0; body.length < 1024 * 1024; i++) body += `<div class="card"><h3>Lamp ${i}</h3><p>Warm light, brass base, ships in two days. Free returns within 30 days.</p></div>`;
  return `<!doctype html><html><head><title>Lighting sale | Example Store</title></head><body><h1>Lighting</h1>${body}</body></html>`;
}

export async function benchInChromium(loads = 20): Promise<BrowserBench | string> {
  if (!existsSync(CHROMIUM_PATH)) return `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`;
  if (!existsSync(chromeBuildDir('production')) || !existsSync(chromeBuildDir('e2e'))) return 'builds missing: run npm run build && npm run build:e2e';

  const freida = { 'https://freida.ama-assn.org/program/1403521104*': 'freida/program-1403521104.html', 'https://freida.ama-assn.org/search/list*': 'freida/search-list.html', 'https://freida.ama-assn.org/assets/spa-router.js': 'freida/spa-router.js' };
  const prod = await launchChromium({ build: 'production' });
  const result: Partial<BrowserBench> = { loads };
  try {
    await routeFixtures(prod.context, freida);
    const ext = await openExtensionPage(prod.context, prod.extensionId, 'popup.html');
    await sendToBackground(ext, { type: 'profile/set', profile: PROFILE });
    const page = await prod.context.newPage();
    await page.addInitScript(WATCH);
    const times: number[] = [];
    for (let i = 0; i < loads + 2; i++) {
      await page.goto('https://freida.ama-assn.org/program/1403521104', { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => (window as unknown as { __sp: { ready: number | null } }).__sp.ready !== null, undefined, { timeout: 15_000 });
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return (window as unknown as { __sp: { ready: number } }).__sp.ready - nav.domContentLoadedEventStart;
      });
      if (i >= 2) times.push(t); // the first loads warm up the service worker
    }
    result.dclToBadgeMs = median(times);
    const costs: number[] = [];
    for (let i = 0; i < 10; i++) {
      await page.goto('https://freida.ama-assn.org/search/list?spec=140', { waitUntil: 'load' });
      costs.push(await measured(page, 'smartpick:not-program'));
    }
    result.freidaNonProgramMs = median(costs);
  } finally {
    await prod.close();
  }

  const html = storePage();
  result.siteLargePageKb = html.length / 1024;
  const e2e = await launchChromium({ build: 'e2e' });
  try {
    await e2e.context.route('https://www.example-store.com/**', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: html }));
    const ext = await openExtensionPage(e2e.context, e2e.extensionId, 'popup.html');
    await ext.waitForFunction(async () => ((await (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }).chrome.scripting.getRegisteredContentScripts()).length > 0), undefined, { timeout: 10_000 });
    const page = await e2e.context.newPage();
    const costs: number[] = [];
    for (let i = 0; i < 10; i++) {
      await page.goto(`https://www.example-store.com/lighting?i=${i}`, { waitUntil: 'load' });
      costs.push(await measured(page, 'smartpick:precheck-rejected'));
    }
    result.sitePrecheckMs = median(costs);
  } finally {
    await e2e.close();
  }
  return result as BrowserBench;
}
