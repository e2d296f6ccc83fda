import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { badgeState, contentScriptWorlds, launchChromium, openExtensionPage, routeFixtures, sendToBackground, waitForRegisteredScripts, type Build, type Chromium } from '../../scripts/lib/chromium';
import { badge, domChanges, highlightedText, highlightIsVisible, listSections, pill, pillScore, waitForBadge, watchDom } from './harness/badge';
import { scoreWithCli } from './harness/cli';
import { routesOf } from '../../scripts/lib/fixtures';
import { EXAMPLE_PROFILE, STRONG_PROFILE } from './harness/profiles';
import { FREIDA, HOSPITAL, NAMES, URLS } from './harness/sites';

// The badge on real pages in Chromium: FREIDA with the production build (its static content
// script), hospital sites with the e2e build (all sites granted, so the site script is registered
// at start-up). Expected tiers come from the page's facts where they decide it (a stated minimum
// above the applicant's score) and otherwise from `npm run score` on the same page and profile.

const TIER_WORD = { reach: 'Reach', realistic: 'Realistic', safety: 'Safety', ineligible: 'Not eligible', unknown: 'Unknown' } as const;

let browser: Chromium | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

async function start(build: Build, profile: unknown | null): Promise<{ ch: Chromium; control: Page }> {
  const ch = await launchChromium({ build });
  browser = ch;
  await routeFixtures(ch.context, routesOf(FREIDA, HOSPITAL));
  // An extension page to talk to the background from, as the popup does.
  const control = await openExtensionPage(ch.context, ch.extensionId, 'popup.html');
  if (profile) expect((await sendToBackground(control, { type: 'profile/set', profile })).ok).toBe(true);
  if (build === 'e2e') await waitForRegisteredScripts(control);
  return { ch, control };
}

async function open(ch: Chromium, url: string): Promise<Page> {
  const page = await ch.context.newPage();
  await page.goto(url);
  return page;
}

describe('FREIDA (production build)', () => {
  test('tier and score on two programs', async () => {
    const { ch } = await start('production', EXAMPLE_PROFILE);

    // Step 2 CK 214 against a stated minimum of 220: a dealbreaker, whatever the model's weights.
    const im = await open(ch, URLS.programIm);
    expect(await waitForBadge(im, { state: 'ready' })).toEqual({ tier: 'ineligible', state: 'ready' });
    await expect.poll(() => pill(im).textContent()).toContain('Not eligible');

    const fm = await open(ch, URLS.programFm);
    const cli = scoreWithCli(EXAMPLE_PROFILE, 'freida/program-1203811207.html', URLS.programFm);
    expect(cli.tier).not.toBe('ineligible');
    expect(await waitForBadge(fm, { state: 'ready' })).toEqual({ tier: cli.tier, state: 'ready' });
    await expect.poll(() => pill(fm).textContent()).toContain(TIER_WORD[cli.tier]);
    expect(await pillScore(fm)).toBe(Math.round(cli.score!));
  });

  test('"Show on page" on a FREIDA label/value row highlights the row', async () => {
    const { ch } = await start('production', EXAMPLE_PROFILE);
    const page = await open(ch, URLS.programIm);
    await waitForBadge(page, { state: 'ready', tier: 'ineligible' });
    await pill(page).click();
    // The dealbreaker comes first; its row quotes the page's "Minimum score 220".
    const row = badge(page).getByRole('listitem').filter({ hasText: /minimum of 220/ }).first();
    await row.getByRole('button', { name: 'Show on page' }).click();
    await expect.poll(() => highlightedText(page)).toMatch(/Minimum score\s*:?\s*220/);
    expect(await highlightIsVisible(page)).toBe(true);
  });

  test('"Add to list" saves the program: the button turns into "In your list · <Tier>"', async () => {
    const { ch, control } = await start('production', EXAMPLE_PROFILE);
    const cli = scoreWithCli(EXAMPLE_PROFILE, 'freida/program-1203811207.html', URLS.programFm);
    const page = await open(ch, URLS.programFm);
    await waitForBadge(page, { state: 'ready', tier: cli.tier });
    await pill(page).click();
    await badge(page).getByRole('button', { name: 'Add to list' }).click();
    await badge(page).getByRole('button', { name: new RegExp(`^In your list · ${TIER_WORD[cli.tier]}`) }).waitFor();

    const list = await sendToBackground<{ programs: { program: { name: string }; tier: string }[] }>(control, { type: 'list/get' });
    expect(list.ok && list.data.programs.map((p) => [p.program.name, p.tier])).toEqual([[NAMES.programFm, cli.tier]]);
  });

  test('a program added from the badge is listed in the popup under its tier', async () => {
    const { ch } = await start('production', EXAMPLE_PROFILE);
    const cli = scoreWithCli(EXAMPLE_PROFILE, 'freida/program-1203811207.html', URLS.programFm);
    const page = await open(ch, URLS.programFm);
    await waitForBadge(page, { state: 'ready', tier: cli.tier });
    await pill(page).click();
    await badge(page).getByRole('button', { name: 'Add to list' }).click();
    await badge(page).getByRole('button', { name: /^In your list/ }).waitFor();

    const popup = await openExtensionPage(ch.context, ch.extensionId, 'popup.html');
    await popup.getByRole('listitem').filter({ hasText: NAMES.programFm }).waitFor();
    const sections = await listSections(popup);
    const heading = Object.keys(sections).find((h) => h.startsWith(TIER_WORD[cli.tier]));
    expect(heading, `a heading beginning "${TIER_WORD[cli.tier]}" in ${JSON.stringify(sections)}`).toBeDefined();
    expect(sections[heading!]!.some((item) => item.includes(NAMES.programFm))).toBe(true);
  });

  test('search list, then a client-side route to a program shows the badge; a route to another program updates it', async () => {
    const { ch } = await start('production', EXAMPLE_PROFILE);
    const page = await open(ch, URLS.search);
    await expect.poll(() => contentScriptWorlds(page, ch.extensionId)).not.toEqual([]);
    expect(await badgeState(page)).toBeNull();

    await page.getByRole('link', { name: NAMES.programIm }).click();
    await expect.poll(() => page.url()).toBe(URLS.programIm);
    expect(await waitForBadge(page, { state: 'ready' })).toEqual({ tier: 'ineligible', state: 'ready' });

    const cli = scoreWithCli(EXAMPLE_PROFILE, 'freida/program-1203811207.html', URLS.programFm);
    await page.getByRole('link', { name: NAMES.programFm }).click();
    await expect.poll(() => page.url()).toBe(URLS.programFm);
    expect(await waitForBadge(page, { state: 'ready', tier: cli.tier })).toEqual({ tier: cli.tier, state: 'ready' });
    expect(await badge(page).count()).toBe(1);

    // Back on a list route: no badge.
    await page.getByRole('link', { name: 'Back to search results' }).click();
    await expect.poll(() => badge(page).count()).toBe(0);
  });

  test('a route away from a page load reads the new program, not the first load\'s transfer state', async () => {
    // The Family Medicine page's ng-state says Step 2 CK minimum 200; after routing to the Internal
    // Medicine program it is stale, and only the rendered "Minimum score 220" is current.
    const { ch } = await start('production', EXAMPLE_PROFILE);
    const page = await open(ch, URLS.programFm);
    await waitForBadge(page, { state: 'ready' });
    await page.getByRole('link', { name: NAMES.programIm }).click();
    await expect.poll(() => page.url()).toBe(URLS.programIm);
    expect(await waitForBadge(page, { state: 'ready', tier: 'ineligible' })).toEqual({ tier: 'ineligible', state: 'ready' });
  });

  test('a search page (not a program page) gets no badge and no DOM change', async () => {
    const { ch } = await start('production', EXAMPLE_PROFILE);
    const page = await ch.context.newPage();
    await watchDom(page);
    await page.goto(URLS.search);
    // The content script did run here (its isolated world exists)…
    await expect.poll(() => contentScriptWorlds(page, ch.extensionId)).not.toEqual([]);
    // …and, given time to read and mount, left the page as it was.
    await page.waitForTimeout(1500);
    const dom = await domChanges(page);
    expect(dom.now).toBe(dom.atLoad);
    expect(dom.mutations).toBe(0);
    expect(await badge(page).count()).toBe(0);
  });

  test('a profile set through profile/set changes an open badge', async () => {
    const { ch, control } = await start('production', null);
    const page = await open(ch, URLS.programIm);
    // No profile yet: no tier, an invitation to set one up.
    expect(await waitForBadge(page, { state: 'ready' })).toEqual({ tier: 'unknown', state: 'ready' });
    await expect.poll(() => pill(page).textContent()).toContain('Set up your profile');

    expect((await sendToBackground(control, { type: 'profile/set', profile: EXAMPLE_PROFILE })).ok).toBe(true);
    await waitForBadge(page, { state: 'ready', tier: 'ineligible' });

    const strong = scoreWithCli(STRONG_PROFILE, 'freida/program-1403521104.html', URLS.programIm);
    expect(strong.tier).not.toBe('ineligible');
    expect((await sendToBackground(control, { type: 'profile/set', profile: STRONG_PROFILE })).ok).toBe(true);
    await waitForBadge(page, { state: 'ready', tier: strong.tier });
  });
});

describe('hospital program sites (e2e build: all sites granted)', () => {
  test('tier and score on a FAQ (answers in collapsed accordions) and an IMG page', async () => {
    const { ch } = await start('e2e', EXAMPLE_PROFILE);

    // "Step 2 CK score of 225 or higher", inside a collapsed answer.
    const faq = await open(ch, URLS.hospitalFaq);
    expect(await waitForBadge(faq, { state: 'ready' })).toEqual({ tier: 'ineligible', state: 'ready' });

    const img = await open(ch, URLS.hospitalImg);
    const cli = scoreWithCli(EXAMPLE_PROFILE, 'hospital/im-img.html', URLS.hospitalImg);
    expect(await waitForBadge(img, { state: 'ready' })).toEqual({ tier: cli.tier, state: 'ready' });
    if (cli.tier !== 'ineligible') expect(await pillScore(img)).toBe(Math.round(cli.score!));
  });

  test('"Show on page" highlights the quoted sentence; Escape clears it', async () => {
    const { ch } = await start('e2e', EXAMPLE_PROFILE);
    const page = await open(ch, URLS.hospitalImg);
    await waitForBadge(page, { state: 'ready' });
    await pill(page).click();
    const row = badge(page).getByRole('listitem').filter({ hasText: /J-1/ }).first();
    await row.getByRole('button', { name: 'Show on page' }).click();
    await expect.poll(() => highlightedText(page)).toBe('We sponsor J-1 visas through ECFMG.');
    expect(await highlightIsVisible(page)).toBe(true);
    // The highlight paints a range: the page's DOM is not touched.
    expect(await page.locator('mark').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => highlightedText(page)).toBe('');
  });

  test('"Show on page" on a collapsed FAQ answer highlights the sentence where it can be seen', async () => {
    const { ch } = await start('e2e', EXAMPLE_PROFILE);
    const page = await open(ch, URLS.hospitalFaq);
    await waitForBadge(page, { state: 'ready', tier: 'ineligible' });
    await pill(page).click();
    const row = badge(page).getByRole('listitem').filter({ hasText: /225/ });
    await row.getByRole('button', { name: 'Show on page' }).first().click();
    await expect.poll(() => highlightedText(page)).toContain('225 or higher');
    expect(await highlightIsVisible(page), 'the highlighted sentence is laid out (its accordion answer was opened)').toBe(true);
  });

  test('a hospital news story gets no badge and no DOM change', async () => {
    const { ch } = await start('e2e', EXAMPLE_PROFILE);
    const page = await ch.context.newPage();
    await watchDom(page);
    await page.goto(URLS.hospitalNews);
    await expect.poll(() => contentScriptWorlds(page, ch.extensionId)).not.toEqual([]);
    await page.waitForTimeout(1500);
    const dom = await domChanges(page);
    expect(dom.now).toBe(dom.atLoad);
    expect(dom.mutations).toBe(0);
    expect(await badge(page).count()).toBe(0);
  });
});
