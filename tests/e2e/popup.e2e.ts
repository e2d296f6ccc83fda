import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchChromium, openExtensionPage, routeFixtures, sendToBackground, waitForRegisteredScripts, type Chromium } from '../../scripts/lib/chromium';
import { routesOf } from '../../scripts/lib/fixtures';
import { trainingStartYear } from '../../lib/core/fit/years-out';
import type { ProfileInput } from '../../lib/core/schema/profile';
import { badge, listSections, pill, pillScore, waitForBadge } from './harness/badge';
import { makeProgram, minutesAfterStart } from '../fixtures/programs';
import { scoreWithCli, type CliScore } from './harness/cli';
import { FREIDA, HOSPITAL, NAMES, UNIVERSITY, URLS } from './harness/sites';

// The popup in Chromium with the built extension (e2e build: every site granted, so hospital and
// university pages get the badge too): the profile typed into the editor reaches the badge,
// programs added from pages are listed under their tiers, the applicant's changes (tier moved,
// note, status) survive closing the page and restarting the browser on the same profile
// directory, and the list goes out as CSV and comes back from the JSON backup.
// Expected tiers and scores come from `npm run score` on the same page and profile.

type CliTier = CliScore['tier'];
const TIER_WORD = { reach: 'Reach', realistic: 'Realistic', safety: 'Safety', ineligible: 'Not eligible', unknown: 'Not scored yet' } as const;
const HEADINGS = ['Reach', 'Realistic', 'Safety', 'Not eligible'] as const;

/** What the applicant types into the profile editor; everything else keeps the form's defaults. */
interface Typed {
  step2: number;
  visa: 'j1' | 'h1b' | 'none';
  graduationYear: number;
  usceMonths: number;
  specialties: ('internal-medicine' | 'family-medicine')[];
}

const VISA_LABEL = { j1: 'J-1', h1b: 'H-1B', none: 'No visa needed' } as const;
const SPECIALTY_LABEL = { 'internal-medicine': 'Internal Medicine', 'family-medicine': 'Family Medicine' } as const;

/** The profile the editor saves for `t` (its defaults: Step 1 passed once, one Step 2 CK attempt, hands-on USCE). */
const profileOf = (t: Typed): ProfileInput => ({
  step1: { result: 'pass', score: null, attempts: 1 },
  step2ck: { score: t.step2, attempts: 1 },
  step3: { passed: false },
  graduationYear: t.graduationYear,
  visa: t.visa,
  usce: { months: t.usceMonths, handsOn: true },
  specialties: [...t.specialties],
  states: [],
  ecfmgCertified: false,
  usResidencyMonths: 0,
});

// Years out are counted at the start of training, so graduation years are relative to it.
const START = trainingStartYear(new Date());

/** Within every graduation limit in the fixtures (Lakeshore: 5 years); Lakeshore sponsors J-1, not H-1B. */
const RECENT: Typed = { step2: 236, visa: 'j1', graduationYear: START - 3, usceMonths: 6, specialties: ['internal-medicine', 'family-medicine'] };

/**
 * Six years out, Step 2 CK 232: Lakeshore (graduation within 5 years) is Not eligible, Maple Valley
 * (Step 2 CK minimum 200, no limit) a Safety, Example Hospital (215 preferred, within 7 years)
 * Realistic, Northbridge (university, 250 preferred, 5% IMG) a Reach: one program per heading.
 * The score of 232 keeps both middle programs clear of the Safety line (70): 74 and 66 today.
 */
const SIX_OUT = profileOf({ ...RECENT, step2: 232, graduationYear: START - 6 });

/** The pages "Add to list" is pressed on, the fixture `npm run score` reads, and the program's name. */
const PAGES = [
  { url: URLS.programIm, fixture: 'freida/program-1403521104.html', name: NAMES.programIm },
  { url: URLS.programFm, fixture: 'freida/program-1203811207.html', name: NAMES.programFm },
  { url: URLS.hospitalImg, fixture: 'hospital/im-img.html', name: NAMES.hospital },
  { url: URLS.university, fixture: 'hospital/university-im.html', name: NAMES.university },
] as const;

/**
 * The applicant's own changes in the full list: Maple Valley moved from Safety to Realistic, with
 * status Interview and a plain note (saved with its button); Example Hospital a note that a
 * spreadsheet would run as a formula, with a comma, quotes and a second line (saved on blur);
 * Northbridge marked Applied.
 */
const MOVED = { name: NAMES.programFm, from: 'safety', to: 'realistic', status: 'interview', note: 'Ask about night float' } as const;
const FORMULA_NOTE = '=HYPERLINK("https://evil.example","Open"), said the coordinator\nInvites go out in October';
const NOTED = { name: NAMES.hospital, note: FORMULA_NOTE } as const;
const APPLIED = { name: NAMES.university, status: 'applied' } as const;
/** Headings once Maple Valley has moved. */
const MOVED_COUNTS = { Reach: 1, Realistic: 2, Safety: 0, 'Not eligible': 1 } as const;

let browser: Chromium | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await browser?.close();
  browser = undefined;
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function tempDir(prefix: string): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

async function start(options: { userDataDir?: string } = {}): Promise<{ ch: Chromium; control: Page }> {
  const ch = await launchChromium({ build: 'e2e', ...options });
  browser = ch;
  await routeFixtures(ch.context, routesOf(FREIDA, HOSPITAL, UNIVERSITY));
  // An extension page to talk to the background from, as the popup does.
  const control = await openExtensionPage(ch.context, ch.extensionId, 'popup.html');
  await waitForRegisteredScripts(control);
  return { ch, control };
}

async function open(ch: Chromium, url: string): Promise<Page> {
  const page = await ch.context.newPage();
  await page.goto(url);
  return page;
}

/** popup.html (or #list, #profile) in a tab, once its view has settled. */
async function openPopup(ch: Chromium, hash = ''): Promise<Page> {
  const page = await ch.context.newPage();
  await page.goto(`chrome-extension://${ch.extensionId}/popup.html${hash}`);
  // main.tsx draws once, then again once tabs.getCurrent() says it is in a tab.
  await page.waitForFunction(() => document.documentElement.dataset.mode === 'page');
  return page;
}

async function fillProfile(page: Page, t: Typed): Promise<void> {
  await page.getByRole('group', { name: 'Exams' }).waitFor();
  await page.getByLabel('Step 2 CK score', { exact: true }).fill(String(t.step2));
  await page.getByLabel('Graduation year', { exact: true }).fill(String(t.graduationYear));
  await page.getByRole('radio', { name: VISA_LABEL[t.visa], exact: true }).check();
  await page.getByLabel('US clinical experience (USCE), months').fill(String(t.usceMonths));
  await page.getByRole('radio', { name: 'Hands-on', exact: true }).check();
  for (const s of t.specialties) {
    await page.getByLabel('Choose a specialty').selectOption({ label: SPECIALTY_LABEL[s] });
    await page.getByRole('button', { name: 'Add specialty' }).click();
  }
}

async function saveProfile(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: /^Saved/ }).count()).toBe(1);
}

type ListReply = { profileSet: boolean; programs: { program: { name: string; urls: string[]; tierOverride: string | null; status: string; notes: string }; tier: string }[] };

async function listGet(control: Page): Promise<ListReply> {
  const r = await sendToBackground<ListReply>(control, { type: 'list/get' });
  if (!r.ok) throw new Error(r.error);
  return r.data;
}

/** Presses the badge's "Add to list" on each page (its tier checked against the CLI); answers name → badge tier. */
async function addFromPages(ch: Chromium, control: Page, profile: ProfileInput): Promise<Map<string, string>> {
  const tiers = new Map<string, string>();
  for (const { url, fixture, name } of PAGES) {
    const cli = scoreWithCli(profile, fixture, url);
    const page = await open(ch, url);
    const { tier } = await waitForBadge(page, { state: 'ready', tier: cli.tier });
    await pill(page).click();
    await badge(page).getByRole('button', { name: 'Add to list' }).click();
    await badge(page).getByRole('button', { name: new RegExp(`^In your list · ${TIER_WORD[cli.tier]}`) }).waitFor();
    await page.close();
    tiers.set(name, tier!);
  }
  const saved = await listGet(control);
  expect(saved.programs.map((p) => p.program.name).sort(), 'the programs saved, by name').toEqual(PAGES.map((p) => p.name).sort());
  return tiers;
}

/** A saved program's row, by the name it links with (other rows name it too, in "same program as"). */
const row = (page: Page, name: string): Locator => page.locator('li.sp-row').filter({ has: page.getByRole('link', { name, exact: true }) });

async function headingsAre(page: Page, counts: Record<(typeof HEADINGS)[number], number>): Promise<void> {
  for (const h of HEADINGS) await page.getByRole('heading', { name: `${h} (${counts[h]})`, exact: true }).waitFor();
}

/** Makes MOVED, NOTED and APPLIED's changes through the full list's controls, and waits until the background has them. */
async function makeChanges(page: Page, control: Page): Promise<void> {
  const moved = row(page, MOVED.name);
  await moved.getByLabel(`Tier of ${MOVED.name}`, { exact: true }).selectOption(MOVED.to);
  await moved.getByText('moved by you').waitFor();
  await headingsAre(page, MOVED_COUNTS);
  await moved.getByLabel(`Status of ${MOVED.name}`, { exact: true }).selectOption(MOVED.status);
  await moved.getByRole('button', { name: `Add note about ${MOVED.name}` }).click();
  await moved.getByLabel(`Notes for ${MOVED.name}`).fill(MOVED.note);
  await moved.getByRole('button', { name: `Save notes for ${MOVED.name}` }).click();
  await moved.getByText('Saved', { exact: true }).waitFor();
  // Closed, the box gives way to the note's first line.
  await moved.getByRole('button', { name: `Notes about ${MOVED.name}` }).click();
  await moved.locator('.sp-note-preview').waitFor();

  const noted = row(page, NOTED.name);
  await noted.getByRole('button', { name: `Add note about ${NOTED.name}` }).click();
  const area = noted.getByLabel(`Notes for ${NOTED.name}`);
  await area.fill(NOTED.note);
  await area.blur();
  await noted.getByText('Saved', { exact: true }).waitFor();
  await noted.getByRole('button', { name: `Notes about ${NOTED.name}` }).click();
  await noted.locator('.sp-note-preview').waitFor();

  await row(page, APPLIED.name).getByLabel(`Status of ${APPLIED.name}`, { exact: true }).selectOption(APPLIED.status);

  await expect
    .poll(async () => {
      const byName = new Map((await listGet(control)).programs.map((p) => [p.program.name, p]));
      const m = byName.get(MOVED.name)!;
      return [m.tier, m.program.tierOverride, m.program.status, m.program.notes, byName.get(NOTED.name)!.program.notes, byName.get(APPLIED.name)!.program.status];
    })
    .toEqual([MOVED.to, MOVED.to, MOVED.status, MOVED.note, NOTED.note, APPLIED.status]);
}

/** The full list shows every change: the move (and "moved by you"), the statuses, the notes. */
async function expectChangesShown(page: Page, tiers: Map<string, string>): Promise<void> {
  await headingsAre(page, MOVED_COUNTS);
  const moved = row(page, MOVED.name);
  expect(await moved.getAttribute('data-tier')).toBe(MOVED.to);
  expect(await page.locator(`section[data-tier="${MOVED.to}"]`).locator('li.sp-row').filter({ has: page.getByRole('link', { name: MOVED.name, exact: true }) }).count()).toBe(1);
  expect(await moved.getByLabel(`Tier of ${MOVED.name}`, { exact: true }).inputValue()).toBe(MOVED.to);
  expect(await moved.getByText('moved by you').count()).toBe(1);
  expect(await moved.getByLabel(`Status of ${MOVED.name}`, { exact: true }).inputValue()).toBe(MOVED.status);
  expect(await moved.locator('.sp-note-preview').textContent()).toBe(MOVED.note);

  const noted = row(page, NOTED.name);
  expect(await noted.locator('.sp-note-preview').textContent()).toBe(NOTED.note.split('\n')[0]);
  expect(await noted.locator('.sp-note-preview').getAttribute('title')).toBe(NOTED.note);
  expect(await row(page, APPLIED.name).getByLabel(`Status of ${APPLIED.name}`, { exact: true }).inputValue()).toBe(APPLIED.status);

  // Nothing else moved: every other program stays where its badge put it, and says nothing of a move.
  for (const [name, tier] of tiers) {
    if (name === MOVED.name) continue;
    expect(await row(page, name).getAttribute('data-tier'), name).toBe(tier);
    expect(await row(page, name).getByText('moved by you').count(), name).toBe(0);
  }
}

describe('profile', () => {
  test('typed into the editor, it scores an open program page; a visa the program does not sponsor makes it Not eligible, live', async () => {
    const { ch, control } = await start();
    const editor = await openPopup(ch, '#profile');
    await fillProfile(editor, RECENT);
    await saveProfile(editor);
    const typed = profileOf(RECENT);
    const saved = await sendToBackground(control, { type: 'profile/get' });
    expect(saved.ok && saved.data, 'the profile the editor saved').toEqual(typed);

    const cli = scoreWithCli(typed, 'freida/program-1403521104.html', URLS.programIm);
    expect(cli.tier, 'Lakeshore fits this profile').not.toBe('ineligible');
    const page = await open(ch, URLS.programIm);
    expect(await waitForBadge(page, { state: 'ready', tier: cli.tier })).toEqual({ state: 'ready', tier: cli.tier });
    await expect.poll(() => pill(page).textContent()).toContain(TIER_WORD[cli.tier]);
    expect(await pillScore(page)).toBe(Math.round(cli.score!));
    await pill(page).click();
    await badge(page).getByRole('button', { name: 'Add to list' }).click();
    await badge(page).getByRole('button', { name: new RegExp(`^In your list · ${TIER_WORD[cli.tier]}`) }).waitFor();

    // Lakeshore sponsors J-1 only: an applicant who needs an H-1B cannot train there.
    const h1b = scoreWithCli(profileOf({ ...RECENT, visa: 'h1b' }), 'freida/program-1403521104.html', URLS.programIm);
    expect(h1b.tier).toBe('ineligible');
    expect(h1b.dealbreakers.map((d) => d.field)).toContain('visa');
    await editor.bringToFront();
    await editor.getByRole('radio', { name: 'H-1B', exact: true }).check();
    await saveProfile(editor);
    // The editor says what the change did to the saved list (it heard of the program being added).
    await expect.poll(() => editor.getByRole('status').filter({ hasText: /^Saved/ }).textContent()).toBe('Saved. Re-scored 1 program: 1 is now blocked.');
    expect(await waitForBadge(page, { state: 'ready', tier: 'ineligible' })).toEqual({ state: 'ready', tier: 'ineligible' });
    await expect.poll(() => pill(page).textContent()).toContain('Not eligible');
    await badge(page).getByRole('button', { name: /^In your list · Not eligible/ }).waitFor();
  });
});

describe('list', () => {
  test('programs added from four pages are listed under their badge tiers, in the popup and the full list', async () => {
    const { ch, control } = await start();
    expect((await sendToBackground(control, { type: 'profile/set', profile: SIX_OUT })).ok).toBe(true);
    const tiers = await addFromPages(ch, control, SIX_OUT);
    expect([...tiers.values()].sort(), 'one program per heading').toEqual(['ineligible', 'reach', 'realistic', 'safety']);

    for (const hash of ['', '#list']) {
      const popup = await openPopup(ch, hash);
      await headingsAre(popup, { Reach: 1, Realistic: 1, Safety: 1, 'Not eligible': 1 });
      const sections = await listSections(popup);
      for (const [name, tier] of tiers) {
        const heading = `${TIER_WORD[tier as CliTier]} (1)`;
        expect(sections[heading], `${name} under "${heading}" in popup.html${hash}: ${JSON.stringify(sections)}`).toEqual([expect.stringContaining(name)]);
        expect(await row(popup, name).getAttribute('data-tier'), `${name} in popup.html${hash}`).toBe(tier);
      }
      await popup.close();
    }
  });

  test('a moved tier, notes and statuses are kept when the page is closed and reopened, and when the browser restarts on the same profile', async () => {
    const userDataDir = await tempDir('smartpick-popup-profile-');
    let { ch, control } = await start({ userDataDir });
    const extensionId = ch.extensionId;
    expect((await sendToBackground(control, { type: 'profile/set', profile: SIX_OUT })).ok).toBe(true);
    const tiers = await addFromPages(ch, control, SIX_OUT);
    expect(tiers.get(MOVED.name)).toBe(MOVED.from);

    let page = await openPopup(ch, '#list');
    await headingsAre(page, { Reach: 1, Realistic: 1, Safety: 1, 'Not eligible': 1 });
    await makeChanges(page, control);
    await expectChangesShown(page, tiers);
    await page.close();

    page = await openPopup(ch, '#list');
    await expectChangesShown(page, tiers);
    // The toolbar popup's short list says it too.
    const popup = await openPopup(ch);
    await headingsAre(popup, MOVED_COUNTS);
    expect(await row(popup, MOVED.name).getAttribute('data-tier')).toBe(MOVED.to);
    expect(await row(popup, MOVED.name).getByText('moved by you').count()).toBe(1);

    await ch.close();
    ({ ch, control } = await start({ userDataDir }));
    expect(ch.extensionId, 'the same unpacked build keeps its id').toBe(extensionId);
    page = await openPopup(ch, '#list');
    await expectChangesShown(page, tiers);
    const profile = await sendToBackground(control, { type: 'profile/get' });
    expect(profile.ok && profile.data).toEqual(SIX_OUT);
  });
});

describe('a long list', () => {
  /** Headings of the tier sections as "Reach (12)"… → { Reach: 12, … } (the four list tiers). */
  const countsOn = async (page: Page) =>
    Object.fromEntries(
      (await page.locator('section.sp-tier h2').allTextContents()).map((t) => {
        const m = t.trim().match(/^(.*) \((\d+)\)$/)!;
        return [m[1]!, Number(m[2])];
      }),
    );
  /** Opens the toolbar popup until its first read came from the list digest (the background builds it after the import). */
  async function quickPopup(ch: Chromium): Promise<Page> {
    for (let i = 0; i < 40; i++) {
      const page = await openPopup(ch);
      const read = await page.waitForFunction(() => {
        const e = performance.getEntriesByName('smartpick:list-read')[0] as PerformanceMeasure | undefined;
        return e ? (e.detail as { quick: boolean; programs: number }) : null;
      });
      const detail = (await read.jsonValue()) as { quick: boolean; programs: number };
      if (detail.quick) {
        expect(detail.programs, 'a few rows per tier, not the whole list').toBeLessThanOrEqual(20);
        return page;
      }
      await page.close();
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the popup never read the list digest');
  }

  test('the popup opens from the list digest: the same counts as the full list, each tier\'s newest rows; a change made elsewhere is in the next popup', async () => {
    const { ch, control } = await start();
    const N = 120;
    const programs = Array.from({ length: N }, (_, i) => makeProgram(i, { tierOverride: null, updatedAt: minutesAfterStart(i), addedAt: minutesAfterStart(i) }));
    const backup = { format: 'smartpick-backup', version: 1, exportedAt: new Date().toISOString(), profile: SIX_OUT, programs, pages: [] };
    expect((await sendToBackground(control, { type: 'backup/import', backup, mode: 'replace' })).ok).toBe(true);

    const full = await openPopup(ch, '#list');
    await full.locator('section.sp-tier h2').first().waitFor();
    // The full page draws long lists in slices: wait for every row.
    await full.waitForFunction((n) => document.querySelectorAll('li[data-id]').length === n, N);
    const fullCounts = await countsOn(full);
    expect(Object.values(fullCounts).reduce((a, b) => a + b, 0)).toBe(N);
    expect(Object.values(fullCounts).filter((n) => n > 0).length, 'the programs spread over several tiers').toBeGreaterThan(1);

    let popup = await quickPopup(ch);
    expect(await countsOn(popup)).toEqual(fullCounts);
    // Each tier shows its five most recently changed programs, newest first, as the full list has them.
    const idsIn = (page: Page, tier: string) => page.locator(`section.sp-tier[data-tier="${tier}"] li[data-id]`).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id!));
    const updated = new Map(programs.map((p) => [p.id, p.updatedAt]));
    for (const tier of ['reach', 'realistic', 'safety', 'ineligible']) {
      const all = (await idsIn(full, tier)).sort((a, b) => updated.get(b)!.localeCompare(updated.get(a)!));
      expect(await idsIn(popup, tier), tier).toEqual(all.slice(0, 5));
    }
    await popup.getByText(/more in the full list/).first().waitFor();

    // A change made in the full list: the oldest program not in Reach moved there.
    let target = programs[0]!;
    let fromTier: string | null = null;
    for (const p of programs) {
      const t = await full.locator(`li[data-id="${p.id}"]`).getAttribute('data-tier');
      if (t && t !== 'reach') {
        target = p;
        fromTier = t;
        break;
      }
    }
    expect(fromTier, 'some program is not in Reach').not.toBeNull();
    const targetRow = full.locator(`li[data-id="${target.id}"]`);
    await targetRow.getByLabel(`Tier of ${target.name}`, { exact: true }).selectOption('reach');
    await targetRow.getByText('moved by you').waitFor();
    const fromHeading = TIER_WORD[fromTier as CliTier];
    const expected = { ...fullCounts, Reach: (fullCounts.Reach ?? 0) + 1, [fromHeading]: fullCounts[fromHeading]! - 1 };
    await full.getByRole('heading', { name: `Reach (${expected.Reach})`, exact: true }).waitFor();
    await popup.close();
    // The background rebuilds the digest after the change; the next popup reads it.
    let counts: Record<string, number> = {};
    for (let i = 0; i < 20; i++) {
      popup = await quickPopup(ch);
      counts = await countsOn(popup);
      if (counts.Reach === expected.Reach) break;
      await popup.close();
    }
    expect(counts).toEqual(expected);
    expect(await popup.locator(`li[data-id="${target.id}"]`).getAttribute('data-tier'), 'the moved program is the newest Reach row').toBe('reach');
  });
});

describe('export and import', () => {
  test('CSV export (formula-safe); JSON backup, delete everything, import the backup: the list is back as it was', async () => {
    const files = await tempDir('smartpick-popup-files-');
    const { ch, control } = await start();
    expect((await sendToBackground(control, { type: 'profile/set', profile: SIX_OUT })).ok).toBe(true);
    const tiers = await addFromPages(ch, control, SIX_OUT);
    const page = await openPopup(ch, '#list');
    await headingsAre(page, { Reach: 1, Realistic: 1, Safety: 1, 'Not eligible': 1 });
    await makeChanges(page, control);

    // CSV: one row per program, as listed (the moved tier), with status and notes; the note that
    // begins with "=" gets a leading apostrophe, so a spreadsheet shows it as text.
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV', exact: true }).click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^smartpick-list-\d{4}-\d\d-\d\d\.csv$/);
    const csvText = await readFile((await csvDownload.path())!, 'utf8');
    expect(csvText.startsWith('\uFEFF'), 'a byte order mark, so Excel reads UTF-8').toBe(true);
    const csv = Papa.parse<Record<string, string>>(csvText.slice(1), { header: true, skipEmptyLines: true });
    expect(csv.errors).toEqual([]);
    const byName = new Map(csv.data.map((r) => [r.Name!, r]));
    expect([...byName.keys()].sort()).toEqual(PAGES.map((p) => p.name).sort());
    for (const [name, tier] of tiers) expect(byName.get(name)!.Tier, name).toBe(TIER_WORD[(name === MOVED.name ? MOVED.to : tier) as CliTier]);
    expect(byName.get(MOVED.name)).toMatchObject({ Status: 'Interview', Notes: MOVED.note });
    expect(byName.get(APPLIED.name)).toMatchObject({ Status: 'Applied', Notes: '' });
    expect(byName.get(NAMES.programIm)).toMatchObject({ Status: 'Considering' });
    expect(byName.get(NOTED.name)!.Notes).toBe(`'${FORMULA_NOTE}`);
    expect(byName.get(NAMES.programIm)!.URL).toBe(URLS.programIm);
    for (const r of csv.data) for (const [col, cell] of Object.entries(r)) expect(cell, `${r.Name} ${col}`).not.toMatch(/^[=+\-@\t\r]/);
    await page.getByText('Your list was saved as a spreadsheet (CSV).').waitFor();

    // The backup: everything, in the DESIGN.md envelope.
    const [backupDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup (JSON)', exact: true }).click()]);
    const backupName = backupDownload.suggestedFilename();
    expect(backupName).toMatch(/\.json$/);
    const backupFile = join(files, backupName);
    await backupDownload.saveAs(backupFile);
    const backup = JSON.parse(await readFile(backupFile, 'utf8')) as { format: string; version: number; profile: unknown; programs: { name: string }[] };
    expect(backup).toMatchObject({ format: 'smartpick-backup', version: 1, profile: SIX_OUT });
    expect(backup.programs.map((p) => p.name).sort()).toEqual(PAGES.map((p) => p.name).sort());

    // Delete all SmartPick data, confirmed.
    await page.getByRole('button', { name: 'Delete all SmartPick data', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete all SmartPick data?' });
    await confirm.getByRole('button', { name: 'Delete everything' }).click();
    await page.getByText('All SmartPick data was deleted.').waitFor();
    await page.getByRole('heading', { name: 'Your list is empty' }).waitFor();
    expect(await page.locator('li.sp-row').count()).toBe(0);
    await page.getByRole('link', { name: 'Set up your profile' }).first().waitFor();
    const emptied = await listGet(control);
    expect([emptied.programs.length, emptied.profileSet]).toEqual([0, false]);

    // Import the backup: a preview first, then Apply.
    await page.getByLabel('Import a CSV spreadsheet or a SmartPick backup').setInputFiles(backupFile);
    const preview = page.getByRole('group', { name: `Import ${backupName}` });
    await preview.waitFor();
    expect(await preview.locator('.sp-preview-line').textContent()).toBe('4 programs will be added. Your profile will be set from the file.');
    await preview.getByText('Which programs').click();
    expect((await preview.getByRole('listitem').allTextContents()).sort()).toEqual(PAGES.map((p) => p.name).sort());
    await preview.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Imported: 4 programs added, 0 replaced.').waitFor();

    await expectChangesShown(page, tiers);
    await page.getByText('IM, FM · Step 2 CK 232 · J-1 · USCE 6 mo', { exact: true }).waitFor();
    const restored = await sendToBackground(control, { type: 'profile/get' });
    expect(restored.ok && restored.data).toEqual(SIX_OUT);
  });
});

describe('notes', () => {
  // Closing the tab while the notes box still has focus fires no blur: the row saves on pagehide.
  test('a note typed and the tab closed at once (the box never lost focus) is kept', async () => {
    const { ch, control } = await start();
    const name = 'Riverside Internal Medicine Residency';
    expect((await sendToBackground(control, { type: 'program/add-manual', name, url: 'https://www.riverside-im.org/residency', specialty: 'internal-medicine' })).ok).toBe(true);
    const page = await openPopup(ch, '#list');
    await page.getByRole('button', { name: `Add note about ${name}` }).click();
    await page.getByLabel(`Notes for ${name}`).fill('Call the coordinator on Monday');
    await page.close({ runBeforeUnload: true });
    await expect.poll(async () => (await listGet(control)).programs[0]?.program.notes, { timeout: 2000 }).toBe('Call the coordinator on Monday');
  });
});
