import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, openExtensionPage, sendToBackground, waitForRegisteredScripts, type Chromium } from '../../scripts/lib/chromium';
import type { ServerQuirks } from '../../scripts/lib/fixtures';
import { ELSEWHERE_HOST, VALLEY_ORIGIN, VALLEY_SITE } from '../../scripts/lib/site-bench';
import { badge, pill, waitForBadge } from './harness/badge';
import { EXAMPLE_PROFILE } from './harness/profiles';

// Reading a program's other pages, in Chromium with the e2e build (every site granted). The site is
// served over http by a local server that Chromium reaches through --host-resolver-rules: the
// background's own fetches never pass through context.route (../shared/TESTING.md), and the server's
// request log shows exactly what the extension fetched.

let browser: Chromium | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

async function start(pages: Record<string, string>, quirks: ServerQuirks = {}): Promise<{ ch: Chromium; control: Page }> {
  const ch = await launchChromium({ build: 'e2e', serve: { hosts: VALLEY_SITE.hosts, pages, ...quirks } });
  browser = ch;
  const control = await openExtensionPage(ch.context, ch.extensionId, 'popup.html');
  expect((await sendToBackground(control, { type: 'profile/set', profile: EXAMPLE_PROFILE })).ok).toBe(true);
  await waitForRegisteredScripts(control);
  return { ch, control };
}

/** How often the server was asked for `path` on the program's site. */
const hits = (ch: Chromium, path: string) => ch.server!.requests.filter((r) => r.host === 'www.valley-general.org' && r.path === path).length;

/** The panel's note on the pages read ("Reading 2 more pages…", "Read 4 pages: …"). */
const pagesNote = (page: Page) => badge(page).locator('.sp-note').filter({ hasText: /^Read(?:ing)? \d/ });

async function openPanel(page: Page): Promise<void> {
  await waitForBadge(page, { state: 'ready' });
  await pill(page).click();
  await badge(page).getByRole('dialog').waitFor();
}

describe('reading the program\'s other pages (e2e build)', () => {
  test('a home page with no rules: the FAQ and IMG pages (and the FAQ\'s eligibility page) are read and merged; another site is never asked', async () => {
    const { ch, control } = await start(VALLEY_SITE.pages);
    const page = await ch.context.newPage();
    await page.goto(VALLEY_SITE.home);
    await openPanel(page);

    // Final: every page named, the open page first.
    await expect
      .poll(() => pagesNote(page).textContent(), { timeout: 20_000 })
      .toBe('Read 4 pages: this page, FAQ, International Medical Graduates, Eligibility Criteria');
    // Merged facts: the minimum (IMG page) is above the applicant's 214 → not eligible, and the
    // badge quotes it; J-1 sponsorship comes from the FAQ.
    expect(await waitForBadge(page, { state: 'ready', tier: 'ineligible' })).toEqual({ state: 'ready', tier: 'ineligible' });
    const dialog = badge(page).getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toMatch(/220/);
    await expect.poll(() => dialog.textContent()).toMatch(/J-1/);
    // FAQ says no H-1B, the IMG page "case by case": both kept, named by page.
    const conflicts = dialog.getByRole('region', { name: 'Conflicts' });
    await expect.poll(() => conflicts.textContent()).toMatch(/H-1B visa.*FAQ: no.*International Medical Graduates: conditional/);

    // Each page fetched once; the PDF, the news/patients/careers menus and the other site never.
    for (const path of VALLEY_SITE.read) expect(hits(ch, path), path).toBe(1);
    expect(ch.server!.requests.filter((r) => r.host === ELSEWHERE_HOST)).toEqual([]);
    expect(ch.server!.requests.map((r) => r.path)).not.toContain('/gme/internal-medicine/faq.pdf');
    for (const path of ['/news', '/patients', '/careers', '/giving', '/privacy', '/contact', '/gme/internal-medicine/curriculum']) expect(hits(ch, path), path).toBe(0);

    // "Show on page" for a fact of another page opens that page in a new tab.
    const row = dialog.getByRole('listitem').filter({ hasText: /220/ }).first();
    const [opened] = await Promise.all([ch.context.waitForEvent('page'), row.getByRole('button', { name: 'Show on page' }).click()]);
    await expect.poll(() => opened.url()).toBe(`${VALLEY_ORIGIN}/gme/internal-medicine/international-medical-graduates`);
    await opened.close();

    // "Add to list" saves the merged signals and every page's address.
    await dialog.getByRole('button', { name: 'Add to list' }).click();
    await dialog.getByRole('button', { name: /^In your list/ }).waitFor();
    const list = await sendToBackground<{ programs: { program: { urls: string[]; signals: { step2MinScore: { value: number } | null; visaJ1: { value: string } | null }; conflicts: { field: string }[] } }[] }>(control, { type: 'list/get' });
    expect(list.ok).toBe(true);
    const saved = list.ok ? list.data.programs[0]!.program : null;
    expect(saved?.signals.step2MinScore?.value).toBe(220);
    expect(saved?.signals.visaJ1?.value).toBe('yes');
    expect(new Set(saved?.urls)).toEqual(new Set([VALLEY_SITE.home, ...VALLEY_SITE.read.map((p) => VALLEY_ORIGIN + p)]));
    expect(saved?.conflicts.map((c) => c.field)).toContain('H-1B visa');

    // A second visit reads the same pages from the cache: the server is not asked for them again.
    const asked = () => VALLEY_SITE.read.map((p) => hits(ch, p));
    const before = asked();
    const again = await ch.context.newPage();
    await again.goto(VALLEY_SITE.home);
    await openPanel(again);
    await expect
      .poll(() => pagesNote(again).textContent(), { timeout: 20_000 })
      .toBe('Read 4 pages: this page, FAQ, International Medical Graduates, Eligibility Criteria');
    expect(await waitForBadge(again, { state: 'ready', tier: 'ineligible' })).toEqual({ state: 'ready', tier: 'ineligible' });
    expect(asked()).toEqual(before);
    expect(hits(ch, '/gme/internal-medicine/')).toBe(2);
  });

  test('a slow page (no answer within the timeout) and a failing page (500) do not break the badge', async () => {
    const home = '/residency/internal-medicine/';
    const { ch } = await start(
      {
        [home]: 'site/home-slow.html',
        '/residency/internal-medicine/faq': 'site/faq.html',
        '/residency/internal-medicine/international-medical-graduates': 'site/img.html',
      },
      { delayMs: { '/residency/internal-medicine/faq': 10_000 }, status: { '/residency/internal-medicine/how-to-apply': 500 } },
    );
    const page = await ch.context.newPage();
    const started = Date.now();
    await page.goto(VALLEY_ORIGIN + home);
    await openPanel(page);
    // While the slow page is awaited: the progress note, the fit so far (the IMG page's minimum is
    // already merged), and the badge stays 'ready' — no spinner state, no flicker.
    await expect.poll(() => pagesNote(page).textContent(), { timeout: 10_000 }).toBe('Reading 2 more pages…');
    expect(await waitForBadge(page, { state: 'ready', tier: 'ineligible' })).toEqual({ state: 'ready', tier: 'ineligible' });
    await expect
      .poll(() => pagesNote(page).textContent(), { timeout: 20_000 })
      .toBe('Read 2 pages: this page, International Medical Graduates (2 could not be read)');
    // The slow page was given up on after the timeout (4 s), not waited for (10 s).
    expect(Date.now() - started).toBeLessThan(9_000);
    expect(await waitForBadge(page, { state: 'ready', tier: 'ineligible' })).toEqual({ state: 'ready', tier: 'ineligible' });
    expect(hits(ch, '/residency/internal-medicine/faq')).toBe(1);
    expect(hits(ch, '/residency/internal-medicine/how-to-apply')).toBe(1);
  });

  test('turned off ("Read the program\'s other pages"): only the open page is read', async () => {
    const { ch, control } = await start(VALLEY_SITE.pages);
    expect(await sendToBackground(control, { type: 'settings/read-site', enabled: false })).toEqual({ ok: true, data: { readSite: false } });
    expect(await sendToBackground(control, { type: 'settings/get' })).toMatchObject({ ok: true, data: { readSite: false } });
    const page = await ch.context.newPage();
    await page.goto(VALLEY_SITE.home);
    await page.waitForFunction(() => performance.getEntriesByName('smartpick:site-read').length > 0, undefined, { timeout: 15_000 });
    await openPanel(page);
    expect(await pagesNote(page).count()).toBe(0);
    for (const path of VALLEY_SITE.read) expect(hits(ch, path), path).toBe(0);
  });
});
