import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { scoreWithCli } from './harness/cli';
import {
  badgeButtons,
  clickInBadge,
  launchFirefox,
  listSections,
  openDialogName,
  openExtensionPage,
  sendToBackground,
  waitForBadge,
  waitForBadgeButton,
  waitForRegisteredScripts,
  type Firefox,
} from './harness/firefox';
import { EXAMPLE_PROFILE } from './harness/profiles';
import { HOSPITAL } from './harness/sites';

// The whole path in Firefox ESR (MV2, e2e build: every site granted, so the background registers
// the program-site content script at start-up with scripting.registerContentScripts): a hospital
// FAQ served from a local HTTP server gets the badge with the tier `npm run score` gives; "Add to
// list" in the badge saves it, and the popup lists it under that tier's heading.

const TIER_WORD = { reach: 'Reach', realistic: 'Realistic', safety: 'Safety', ineligible: 'Not eligible', unknown: 'Unknown' } as const;

describe('Firefox ESR, e2e build: badge on a program website', () => {
  let ff: Firefox;
  beforeAll(async () => {
    ff = await launchFirefox({ pages: HOSPITAL.pages });
  });
  afterAll(() => ff?.close());

  test('FAQ page → badge with its tier → "Add to list" → listed in the popup under that tier', async () => {
    const control = await openExtensionPage(ff.browser, 'popup.html');
    expect((await sendToBackground(control, { type: 'profile/set', profile: EXAMPLE_PROFILE })).ok).toBe(true);
    // The open page alone, as the CLI reads it: the FAQ links to the IMG page on the same server, and
    // reading it too (tests/e2e/site-reading.e2e.ts covers that) would change the tier mid-test.
    expect((await sendToBackground(control, { type: 'settings/read-site', enabled: false })).ok).toBe(true);
    await waitForRegisteredScripts(control);

    // Step 2 CK ≥ 225 (first attempt only), answered inside a collapsed accordion; the applicant has 214.
    const url = ff.server!.url('/gme/internal-medicine/faq');
    const cli = scoreWithCli(EXAMPLE_PROFILE, 'hospital/im-faq.html', url);
    expect(cli.tier).toBe('ineligible');
    const page = await ff.browser.newPage();
    await page.goto(url);
    expect(await waitForBadge(page, { state: 'ready' })).toEqual({ tier: cli.tier, state: 'ready' });
    const [pillName] = await badgeButtons(page);
    expect(pillName).toMatch(new RegExp(`^SmartPick: ✕?\\s*${TIER_WORD[cli.tier]}`));

    // Open the panel from the pill; its name carries the program's name.
    await clickInBadge(page, 'SmartPick:');
    await page.waitForFunction(
      () => !!document.querySelector('smartpick-badge')?.shadowRoot?.querySelector('[role="dialog"]:not([hidden])'),
      { timeout: 5000, polling: 100 },
    );
    const dialogName = await openDialogName(page);
    expect(dialogName).toMatch(/^SmartPick fit for \S/);
    const name = dialogName!.replace(/^SmartPick fit for /, '');

    await clickInBadge(page, 'Add to list');
    await waitForBadgeButton(page, `In your list · ${TIER_WORD[cli.tier]}`);
    const list = await sendToBackground<{ programs: { program: { name: string }; tier: string }[] }>(control, { type: 'list/get' });
    expect(list.ok && list.data.programs.map((p) => [p.program.name, p.tier])).toEqual([[name, cli.tier]]);

    // The popup, opened afresh, lists it under its tier's heading.
    const popup = await openExtensionPage(ff.browser, 'popup.html');
    await popup.waitForFunction((n: string) => [...document.querySelectorAll('li')].some((li) => li.textContent?.includes(n)), { timeout: 10_000, polling: 100 }, name);
    const sections = await listSections(popup);
    const heading = Object.keys(sections).find((h) => h.startsWith(TIER_WORD[cli.tier]));
    expect(heading, `a heading beginning "${TIER_WORD[cli.tier]}" in ${JSON.stringify(sections)}`).toBe(`${TIER_WORD[cli.tier]} (1)`);
    expect(sections[heading!]!.some((item) => item.includes(name))).toBe(true);
    await Promise.all([page.close(), popup.close(), control.close()]);
  });
});
