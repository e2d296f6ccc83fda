// Site reading measured in real Chromium (for `npm run bench`): on the test site — a program home
// page that states no rules, linking to its FAQ and IMG pages (and, from the FAQ, to its
// eligibility criteria) and to another website — how many pages the extension fetched and how long
// from DOMContentLoaded until the badge took its final form (all pages read and merged). A second
// visit is measured too: it reads from the cache and fetches nothing.
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, chromeBuildDir, launchChromium, openExtensionPage, sendToBackground, waitForRegisteredScripts } from './chromium';
import type { FixtureMap } from './fixtures';

export const VALLEY_ORIGIN = 'http://www.valley-general.org';
export const ELSEWHERE_HOST = 'www.elsewhere.org';

/** The test site (http: served by a local server through --host-resolver-rules). */
export const VALLEY_SITE = {
  hosts: ['www.valley-general.org', ELSEWHERE_HOST],
  home: `${VALLEY_ORIGIN}/gme/internal-medicine/`,
  pages: {
    // States the specialty and the state, and no rule: no visa policy, no minimum.
    '/gme/internal-medicine/': 'site/home.html',
    // J-1 yes, H-1B no; links to the eligibility criteria (a second-level page).
    '/gme/internal-medicine/faq': 'site/faq.html',
    // Step 2 CK 220 or higher required; H-1B case by case (disagrees with the FAQ).
    '/gme/internal-medicine/international-medical-graduates': 'site/img.html',
    // Graduation within the past 5 years.
    '/gme/internal-medicine/eligibility-criteria': 'site/eligibility.html',
    // On www.elsewhere.org: must never be requested.
    '/img-visa-guide': 'site/elsewhere.html',
  } satisfies FixtureMap,
  /** Paths of the program's other pages, in the order they are read. */
  read: ['/gme/internal-medicine/faq', '/gme/internal-medicine/international-medical-graduates', '/gme/internal-medicine/eligibility-criteria'],
};

const PROFILE = {
  step1: { result: 'pass', score: null, attempts: 1 }, step2ck: { score: 232, attempts: 1 }, step3: { passed: false },
  graduationYear: 2023, visa: 'j1', usce: { months: 3, handsOn: true }, specialties: ['internal-medicine'], states: [],
};

export interface SiteBench {
  /** Requests the extension made for the program's other pages on the first visit. */
  pagesFetched: number;
  /** DOMContentLoaded → final badge (every page read and merged), first visit. */
  msToFinalBadge: number;
  /** DOMContentLoaded → the first badge (the open page alone). */
  msToFirstBadge: number;
  /** Second visit: pages fetched (0: all from the cache) and time to the final badge. */
  cachedPagesFetched: number;
  cachedMsToFinalBadge: number;
}

export async function benchSiteReading(): Promise<SiteBench | string> {
  if (!existsSync(CHROMIUM_PATH)) return `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`;
  if (!existsSync(chromeBuildDir('e2e'))) return 'e2e build missing: run npm run build:e2e';
  const ch = await launchChromium({ build: 'e2e', serve: { hosts: VALLEY_SITE.hosts, pages: VALLEY_SITE.pages } });
  try {
    const control = await openExtensionPage(ch.context, ch.extensionId, 'popup.html');
    await sendToBackground(control, { type: 'profile/set', profile: PROFILE });
    await waitForRegisteredScripts(control);
    const server = ch.server!;
    const visit = async () => {
      const before = server.requests.length;
      const page = await ch.context.newPage();
      await page.goto(VALLEY_SITE.home, { waitUntil: 'domcontentloaded' });
      // The content script marks the end of site reading (a timing entry: no DOM change).
      await page.waitForFunction(() => performance.getEntriesByName('smartpick:site-read').length > 0, undefined, { timeout: 30_000, polling: 50 });
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const first = performance.getEntriesByName('smartpick:badge')[0];
        const done = performance.getEntriesByName('smartpick:site-read')[0]!;
        return { first: first ? first.startTime + first.duration - nav.domContentLoadedEventStart : NaN, done: done.startTime - nav.domContentLoadedEventStart };
      });
      const fetched = server.requests.slice(before).filter((r) => r.path !== '/gme/internal-medicine/' && r.path !== '/favicon.ico').length;
      await page.close();
      return { ...t, fetched };
    };
    const cold = await visit();
    const warm = await visit();
    return {
      pagesFetched: cold.fetched,
      msToFinalBadge: Math.round(cold.done),
      msToFirstBadge: Math.round(cold.first),
      cachedPagesFetched: warm.fetched,
      cachedMsToFinalBadge: Math.round(warm.done),
    };
  } finally {
    await ch.close();
  }
}
