import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, openExtensionPage, routeFixtures, sendToBackground, type Chromium } from '../../scripts/lib/chromium';
import { routesOf } from '../../scripts/lib/fixtures';
import { badge, pill, waitForBadge } from './harness/badge';
import { scoreWithCli } from './harness/cli';
import { EXAMPLE_PROFILE } from './harness/profiles';
import { FREIDA, NAMES, URLS } from './harness/sites';

// The badge with the keyboard alone (UX.md "Expanded panel": click or Enter/Space on the pill;
// Escape closes; focus returns to the pill), on a FREIDA program page with the production build.
// Where focus is, is read from the page: document.activeElement is the badge host and its shadow
// root's activeElement the control inside.

const TIER_WORD = { reach: 'Reach', realistic: 'Realistic', safety: 'Safety', ineligible: 'Not eligible', unknown: 'Unknown' } as const;

/** Bounds every "press Tab until …" loop: the fixture page has a handful of links. */
const MAX_TABS = 200;

let ch: Chromium;
let control: Page;
let page: Page | undefined;
beforeAll(async () => {
  ch = await launchChromium({ build: 'production' });
  await routeFixtures(ch.context, routesOf(FREIDA));
  control = await openExtensionPage(ch.context, ch.extensionId, 'popup.html');
});
afterAll(() => ch?.close());
beforeEach(async () => {
  expect((await sendToBackground(control, { type: 'data/delete-all' })).ok).toBe(true);
  expect((await sendToBackground(control, { type: 'profile/set', profile: EXAMPLE_PROFILE })).ok).toBe(true);
});
afterEach(async () => {
  await page?.close();
  page = undefined;
});

interface Focus {
  /** document.activeElement is <smartpick-badge>. */
  inBadge: boolean;
  /** The focused element inside the badge: tag, then its accessible-ish name. */
  inner: string | null;
  /** The focused element outside the badge, when it is not in it. */
  outer: string;
}

async function focus(p: Page): Promise<Focus> {
  return p.evaluate(() => {
    const describe = (el: Element | null) => {
      if (!el) return '';
      const name = el.getAttribute('aria-label') ?? el.textContent?.replace(/\s+/g, ' ').trim().slice(0, 80) ?? '';
      return `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} ${name}`.trim();
    };
    const active = document.activeElement;
    const inBadge = active?.tagName.toLowerCase() === 'smartpick-badge';
    return { inBadge, inner: inBadge ? describe(active!.shadowRoot?.activeElement ?? null) : null, outer: describe(active) };
  });
}

/** Whether the pill itself (the button whose name starts "SmartPick") has focus. */
async function pillFocused(p: Page): Promise<boolean> {
  return p.evaluate(() => {
    const root = document.querySelector('smartpick-badge')?.shadowRoot;
    const el = root?.activeElement;
    return document.activeElement === root?.host && !!el && el.classList.contains('sp-pill');
  });
}

/** Presses `key` until `done()` holds; fails with the focus path walked when it never does. */
async function pressUntil(p: Page, key: string, done: () => Promise<boolean>, max = MAX_TABS): Promise<number> {
  const path: string[] = [];
  for (let i = 1; i <= max; i++) {
    await p.keyboard.press(key);
    if (await done()) return i;
    const f = await focus(p);
    path.push(f.inBadge ? `badge › ${f.inner}` : f.outer);
  }
  throw new Error(`${key} ×${max} never got there; focus went: ${path.slice(0, 40).join(' → ')}`);
}

const dialog = (p: Page) => badge(p).locator('[role="dialog"]');

async function openProgram(): Promise<{ p: Page; tier: keyof typeof TIER_WORD }> {
  const cli = scoreWithCli(EXAMPLE_PROFILE, 'freida/program-1203811207.html', URLS.programFm);
  const p = await ch.context.newPage();
  page = p;
  await p.goto(URLS.programFm);
  await waitForBadge(p, { state: 'ready', tier: cli.tier });
  // Focus starts on the document, as after a page load with the mouse untouched.
  expect((await focus(p)).outer).toMatch(/^body/);
  return { p, tier: cli.tier };
}

describe('keyboard only', () => {
  test('Tab reaches the pill; Enter opens the panel, Escape closes it and focus returns to the pill; Space toggles too', async () => {
    const { p } = await openProgram();
    await pressUntil(p, 'Tab', () => pillFocused(p));
    expect(await pill(p).getAttribute('aria-expanded')).toBe('false');
    expect(await dialog(p).isVisible()).toBe(false);

    // Enter: open, focus moves into the dialog.
    await p.keyboard.press('Enter');
    await dialog(p).waitFor({ state: 'visible' });
    await expect.poll(() => pill(p).getAttribute('aria-expanded')).toBe('true');
    expect(await dialog(p).getAttribute('aria-label')).toBe(`SmartPick fit for ${NAMES.programFm}`);
    await expect.poll(async () => (await focus(p)).inner).toMatch(/^div\[role=dialog\]/);

    // Escape: closed, focus back on the pill.
    await p.keyboard.press('Escape');
    await dialog(p).waitFor({ state: 'hidden' });
    await expect.poll(() => pill(p).getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => pillFocused(p)).toBe(true);

    // Space opens it (once: the keyup's native click must not toggle it back)…
    await p.keyboard.press(' ');
    await dialog(p).waitFor({ state: 'visible' });
    await p.waitForTimeout(150);
    expect(await dialog(p).isVisible()).toBe(true);
    await expect.poll(() => pill(p).getAttribute('aria-expanded')).toBe('true');
    // …and, back on the pill with Shift+Tab, closes it.
    await pressUntil(p, 'Shift+Tab', () => pillFocused(p), 10);
    expect(await dialog(p).isVisible(), 'moving focus back to the pill leaves the panel open').toBe(true);
    await p.keyboard.press(' ');
    await dialog(p).waitFor({ state: 'hidden' });
    await p.waitForTimeout(150);
    expect(await dialog(p).isVisible()).toBe(false);
    expect(await pill(p).getAttribute('aria-expanded')).toBe('false');
    expect(await pillFocused(p)).toBe(true);
  });

  test('Tab inside the open panel reaches "Add to list"; Enter saves and the button says "In your list · <Tier>"', async () => {
    const { p, tier } = await openProgram();
    await pressUntil(p, 'Tab', () => pillFocused(p));
    await p.keyboard.press('Enter');
    await dialog(p).waitFor({ state: 'visible' });

    const onAdd = async () => (await focus(p)).inner === 'button Add to list';
    await pressUntil(p, 'Tab', onAdd, 40);
    await p.keyboard.press('Enter');
    const saved = badge(p).getByRole('button', { name: new RegExp(`^In your list · ${TIER_WORD[tier]}`) });
    await saved.waitFor();
    // The same button, so focus stays where the user's finger is.
    expect((await focus(p)).inner).toMatch(new RegExp(`^button In your list · ${TIER_WORD[tier]}`));
    const list = await sendToBackground<{ programs: { program: { name: string }; tier: string }[] }>(control, { type: 'list/get' });
    expect(list.ok && list.data.programs.map((x) => [x.program.name, x.tier])).toEqual([[NAMES.programFm, tier]]);
  });

  test("keys typed in the badge do not reach the page's own key listeners", async () => {
    const { p } = await openProgram();
    // The page's shortcuts, as a site would register them: keydown/keypress/keyup on window and document.
    await p.evaluate(() => {
      const w = window as unknown as { __keys: string[] };
      w.__keys = [];
      for (const target of [window, document]) {
        for (const type of ['keydown', 'keypress', 'keyup']) {
          target.addEventListener(type, (e) => w.__keys.push(`${target === window ? 'window' : 'document'} ${type} ${(e as KeyboardEvent).key}`));
        }
      }
    });
    const heard = () => p.evaluate(() => (window as unknown as { __keys: string[] }).__keys.splice(0));

    // The listeners work: a key pressed on the page is heard.
    await p.keyboard.press('j');
    expect(await heard()).toContain('window keydown j');

    await pressUntil(p, 'Tab', () => pillFocused(p));
    await heard(); // Tab presses that landed on page links

    // On the pill: printable keys, shortcuts pages use, and the keys the pill handles itself.
    for (const key of ['j', 'k', '/', '?', 'Shift+A', '1', 'ArrowDown', 'Enter']) await p.keyboard.press(key);
    expect((await focus(p)).inBadge, 'focus is still in the badge').toBe(true);
    expect(await heard(), 'keys on the pill (and in the panel Enter opened)').toEqual([]);

    // Inside the open panel, on "Add to list": typing there is not heard either.
    await dialog(p).waitFor({ state: 'visible' });
    await pressUntil(p, 'Tab', async () => (await focus(p)).inner === 'button Add to list', 40);
    await heard(); // keyup of the last Tab fired where focus landed: still in the badge, so nothing
    for (const key of ['j', 'g', 'ArrowUp', 'Home', 'Escape']) await p.keyboard.press(key);
    expect((await focus(p)).inBadge).toBe(true);
    expect(await heard(), 'keys inside the panel').toEqual([]);
  });
});
