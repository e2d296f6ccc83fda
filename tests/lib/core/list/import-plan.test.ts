import { describe, expect, test } from 'vitest';
import {
  checkEntry, describeImportError, planBackup, planRows, programFromEntry, programsToWrite, webAddress,
  type CurrentList, type ImportError,
} from '../../../../lib/core/list/import-plan';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../../../lib/core/schema/backup';
import type { Tier } from '../../../../lib/core/schema/fit';
import type { ImportRow } from '../../../../lib/core/schema/import-row';
import { programSchema, type Program } from '../../../../lib/core/schema/program';
import { makePage, makeProgram } from '../../../fixtures/programs';

// The preview of an import: what it adds, replaces and leaves, and every bad row or entry named.

const NOW = new Date('2026-11-25T10:00:00.000Z');

const saved = (i: number, tier: Tier = 'realistic', over: Partial<Program> = {}) => ({ program: makeProgram(i, { tierOverride: null, ...over }), tier });
const listOf = (...items: ReturnType<typeof saved>[]): CurrentList => ({ profileSet: true, programs: items });
const lines = (errors: ImportError[]) => errors.map(describeImportError);

let n = 1;
const row = (over: Partial<ImportRow> = {}): ImportRow => ({ row: ++n, name: `Program ${n}`, url: `https://gme.hospital${n}.org/im`, ...over });

describe('spreadsheet rows: the preview', () => {
  test('new programs are added, known ones with changes replaced, the rest unchanged', () => {
    const a = saved(1, 'reach'); // matched by its web address
    const b = saved(2, 'realistic', { status: 'considering', notes: 'keep me' }); // matched, nothing new
    const c = saved(3, 'safety'); // matched by key: same site and specialty, another page
    const current = listOf(a, b, c);
    const rows: ImportRow[] = [
      { row: 2, name: 'New One Internal Medicine', url: 'https://gme.newone.org/im' },
      { row: 3, name: 'New Two', url: 'newtwo.org/fm', specialty: 'Family Medicine', tier: 'Safety', status: 'Applied', notes: 'n' },
      { row: 4, name: a.program.name, url: a.program.urls[0]!, status: 'Interview' },
      { row: 5, name: b.program.name, url: b.program.urls[0]!, status: 'considering', tier: 'Realistic' },
      { row: 6, name: 'Whatever', url: 'https://gme.riversidemedicalcenter.org/another-page', specialty: 'psychiatry', tier: 'Reach' },
      { row: 7, name: 'New Three', url: 'https://freida.ama-assn.org/program/1403531877' },
    ];
    // c: site key of program 3 — make it match row 6 through its id.
    c.program.id = 'site:riversidemedicalcenter.org|psychiatry';
    const plan = planRows(current, rows, NOW);
    expect(plan.errors).toEqual([]);
    expect(plan.add.map((p) => p.name)).toEqual(['New One Internal Medicine', 'New Two', 'New Three']);
    expect(plan.replace.map((r) => [r.before.id, r.changes])).toEqual([
      [a.program.id, ['status']],
      [c.program.id, ['tier']],
    ]);
    expect(plan.unchanged).toBe(1);
    expect(plan.remove).toEqual([]);
    expect(plan.profile).toBe('keep');
    expect(programsToWrite(plan)).toHaveLength(5);
    for (const p of programsToWrite(plan)) expect(programSchema.safeParse(p).success).toBe(true);
  });

  test('new programs: what the row says, the specialty from a column, the FREIDA id or the name', () => {
    const plan = planRows(listOf(), [
      { row: 2, name: 'Mercy General', url: 'mercy.org/fm', specialty: 'family practice', tier: 'safety', status: 'APPLIED', notes: 'Line 1\nLine 2' },
      { row: 3, name: 'Lakeshore', url: 'https://freida.ama-assn.org/program/1403531877' },
      { row: 4, name: 'Valley Regional Psychiatry Residency', url: 'https://valley.org/psych' },
      { row: 5, name: 'Unnamed Hospital', url: 'https://unnamed.org/' },
    ], NOW);
    expect(plan.errors).toEqual([]);
    const [m, l, v, u] = plan.add;
    expect(m).toMatchObject({ id: 'site:mercy.org|family-medicine', urls: ['https://mercy.org/fm'], specialty: 'family-medicine', tierOverride: 'safety', status: 'applied', notes: 'Line 1\nLine 2', addedAt: NOW.toISOString() });
    expect(m!.signals.specialty?.value).toBe('family-medicine');
    expect(m!.signals.specialty?.evidence.blockIndex).toBe(-1);
    expect(l).toMatchObject({ id: 'acgme:1403531877', acgmeId: '1403531877', specialty: 'internal-medicine' });
    expect(v).toMatchObject({ specialty: 'psychiatry', id: 'site:valley.org|psychiatry' });
    expect(u).toMatchObject({ specialty: null, id: 'site:unnamed.org|unknown', status: 'considering', tierOverride: null, notes: '' });
    expect(u!.signals.specialty).toBeNull();
  });

  test('an empty cell changes nothing: notes, status and tier are kept', () => {
    const a = saved(3, 'reach', { notes: 'Asked about visas', status: 'applied', tierOverride: 'reach' });
    const plan = planRows(listOf(a), [{ row: 2, name: 'x', url: a.program.urls[0]! }], NOW);
    expect(plan).toMatchObject({ add: [], replace: [], unchanged: 1, errors: [] });
  });

  test('a tier equal to the one listed is no change (re-importing an export pins nothing); another tier is a move', () => {
    const a = saved(1, 'realistic');
    expect(planRows(listOf(a), [{ row: 2, name: 'x', url: a.program.urls[0]!, tier: 'Realistic' }], NOW).unchanged).toBe(1);
    const moved = planRows(listOf(a), [{ row: 2, name: 'x', url: a.program.urls[0]!, tier: 'Safety' }], NOW);
    expect(moved.replace[0]!.after).toMatchObject({ tierOverride: 'safety', updatedAt: NOW.toISOString() });
    // "Not eligible" and "Not scored yet" come from the model: not something a row sets.
    expect(planRows(listOf(a), [{ row: 2, name: 'x', url: a.program.urls[0]!, tier: 'Not eligible' }], NOW).unchanged).toBe(1);
  });

  test('the saved name is kept (the row only finds the program)', () => {
    const a = saved(1);
    const plan = planRows(listOf(a), [{ row: 2, name: 'My own name for it', url: a.program.urls[0]!, status: 'interview' }], NOW);
    expect(plan.replace[0]!.after.name).toBe(a.program.name);
  });
});

describe('spreadsheet rows: every bad row is named', () => {
  test.each<[string, Partial<ImportRow>, string]>([
    ['empty name', { name: '  ' }, 'name: must not be empty'],
    ['long name', { name: 'x'.repeat(301) }, 'name: must be 300 characters or fewer (it has 301)'],
    ['empty URL', { url: '' }, 'url: must not be empty'],
    ['not a URL', { url: 'call the coordinator' }, 'url: must be a web address (https://…)'],
    ['a script URL', { url: 'javascript:alert(1)' }, 'url: must be a web address (https://…)'],
    ['an FTP URL', { url: 'ftp://files.example.org/x' }, 'url: must be a web address (https://…)'],
    ['a host with no dot', { url: 'https://intranet/im' }, 'url: must be a web address (https://…)'],
    ['unknown specialty', { specialty: 'Cardio' }, 'specialty: “Cardio” is not a specialty SmartPick knows; use its name, e.g. Internal Medicine'],
    ['bad tier', { tier: 'Maybe' }, 'tier: “Maybe” is not a tier; use Reach, Realistic or Safety, or leave it empty'],
    ['a tier named like an object property', { tier: 'constructor' }, 'tier: “constructor” is not a tier'],
    ['bad status', { status: 'Waitlisted' }, 'status: “Waitlisted” is not a status; use Considering, Applying, Applied, Interview, Rejected, Withdrawn, or leave it empty'],
    ['long notes', { notes: 'n'.repeat(20_001) }, 'notes: must be 20,000 characters or fewer (they have 20,001)'],
  ])('%s', (_why, over, message) => {
    const r = row(over);
    const plan = planRows(listOf(), [row(), r, row()], NOW);
    expect(lines(plan.errors)).toHaveLength(1);
    expect(lines(plan.errors)[0]).toContain(`row ${r.row}: ${message}`);
    expect(plan.add).toHaveLength(2); // the preview still shows the rest; nothing is applied while errors remain
  });

  test('every problem of one row is reported, not just the first', () => {
    const plan = planRows(listOf(), [{ row: 4, name: '', url: 'nope', tier: 'x', status: 'y' }], NOW);
    expect(plan.errors.map((e) => e.field)).toEqual(['name', 'url', 'tier', 'status']);
    expect(plan.errors.every((e) => e.row === 4)).toBe(true);
  });

  test('the same program twice names both rows', () => {
    const plan = planRows(listOf(), [
      { row: 2, name: 'A', url: 'https://a.org/im' },
      { row: 3, name: 'A again', url: 'https://a.org/im' },
    ], NOW);
    expect(lines(plan.errors)).toEqual(['row 3: url: same program as row 2 (same website; a Specialty column tells a hospital’s programs apart)']);
  });

  test('two rows for one saved program', () => {
    const a = saved(1);
    const plan = planRows(listOf(a), [
      { row: 2, name: 'A', url: a.program.urls[0]!, status: 'applied' },
      { row: 9, name: 'A', url: a.program.urls[0]!, status: 'rejected' },
    ], NOW);
    expect(lines(plan.errors)).toEqual(['row 9: url: same program as row 2']);
  });

  test('two programs of one hospital told apart by specialty are fine', () => {
    const plan = planRows(listOf(), [
      { row: 2, name: 'A', url: 'https://a.org/im', specialty: 'Internal Medicine' },
      { row: 3, name: 'A', url: 'https://a.org/fm', specialty: 'Family Medicine' },
    ], NOW);
    expect(plan.errors).toEqual([]);
    expect(plan.add).toHaveLength(2);
  });
});

describe('entries by hand', () => {
  test.each([
    ['https://gme.example.org/im', 'https://gme.example.org/im'],
    ['gme.example.org/im', 'https://gme.example.org/im'],
    ['www.example.org', 'https://www.example.org/'],
    ['http://example.org:8080/x?y=1', 'http://example.org:8080/x?y=1'],
    ['data:text/html,hi', null],
    ['example', null],
    ['https://exa mple.org', null],
  ])('web address %s → %s', (text, expected) => expect(webAddress(text)).toBe(expected));

  test('a slug, a name or an alias names the specialty; nothing else does', () => {
    expect(checkEntry({ name: 'A', url: 'a.org', specialty: 'internal-medicine' })).toMatchObject({ ok: true, entry: { specialty: 'internal-medicine' } });
    expect(checkEntry({ name: 'A', url: 'a.org', specialty: 'Obstetrics and Gynecology' })).toMatchObject({ ok: true, entry: { specialty: 'obstetrics-and-gynecology' } });
    expect(checkEntry({ name: 'A', url: 'a.org', specialty: 'Heart stuff' }).ok).toBe(false);
  });

  test('a program from an entry is a valid record', () => {
    const c = checkEntry({ name: 'Mercy IM', url: 'https://mercy.org/im', specialty: 'internal-medicine' });
    if (!c.ok) throw new Error('expected ok');
    expect(programSchema.parse(programFromEntry(c.entry, NOW))).toBeTruthy();
  });
});

// ---- backups ----

function backupOf(programs: Program[], profile: Backup['profile'] = null): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: NOW.toISOString(), profile, programs, pages: programs.map((p) => makePage(p)) };
}
const PROFILE = {
  step1: { result: 'pass' as const, score: null, attempts: 1 }, step2ck: { score: 214, attempts: 1 }, step3: { passed: false },
  graduationYear: 2021, visa: 'j1' as const, usce: { months: 3, handsOn: true }, specialties: ['internal-medicine'], states: [],
  ecfmgCertified: false, usResidencyMonths: 0,
};

describe('backup: the preview', () => {
  const mine = [saved(1), saved(2), saved(3), saved(4)];
  const newer = (p: Program): Program => ({ ...p, notes: 'changed', updatedAt: '2026-01-01T00:00:00.000Z' });
  const older = (p: Program): Program => ({ ...p, notes: 'stale', updatedAt: '2020-01-01T00:00:00.000Z' });
  const file = backupOf([makeProgram(1, { tierOverride: null }), newer(mine[1]!.program), older(mine[2]!.program), makeProgram(8), makeProgram(9)], PROFILE);

  test('merge: adds, replaces with newer copies, leaves identical and older ones', () => {
    const plan = planBackup(listOf(...mine), file, 'merge');
    expect(plan.errors).toEqual([]);
    expect(plan.add.map((p) => p.id)).toEqual([makeProgram(8).id, makeProgram(9).id]);
    expect(plan.replace.map((r) => [r.before.id, r.changes])).toEqual([[mine[1]!.program.id, ['notes']]]);
    expect(plan.unchanged).toBe(2);
    expect(plan.remove).toEqual([]);
    expect(plan.profile).toBe('keep');
    expect(plan.backup?.programs).toHaveLength(5);
  });

  test('merge into an empty SmartPick sets the profile', () => {
    expect(planBackup({ profileSet: false, programs: [] }, file, 'merge')).toMatchObject({ profile: 'set', unchanged: 0 });
  });

  test('replace: the file wins, saved programs it lacks are removed, the profile is replaced', () => {
    const plan = planBackup(listOf(...mine), file, 'replace');
    expect(plan.add).toHaveLength(2);
    expect(plan.replace).toHaveLength(2); // the older copy too
    expect(plan.unchanged).toBe(1);
    expect(plan.remove.map((p) => p.id)).toEqual([mine[3]!.program.id]);
    expect(plan.profile).toBe('replace');
    expect(planBackup({ profileSet: false, programs: [] }, backupOf([]), 'replace').profile).toBe('keep');
    expect(planBackup(listOf(...mine), backupOf([]), 'replace').profile).toBe('remove');
  });

  test('dates written differently are the same date', () => {
    const p = makeProgram(1, { tierOverride: null });
    const plan = planBackup(listOf(saved(1)), backupOf([{ ...p, addedAt: '2025-09-01T00:01:00Z', updatedAt: '2025-09-01T00:01:00Z' }]), 'merge');
    expect(plan.unchanged).toBe(1);
  });

  test('the JSON text works as well as the object', () => {
    expect(planBackup(listOf(), JSON.stringify(file), 'merge').add).toHaveLength(5);
    expect(planBackup(listOf(), `\uFEFF${JSON.stringify(file)}`, 'merge').errors).toEqual([]);
  });
});

describe('backup: every bad entry is named', () => {
  const good = () => JSON.parse(JSON.stringify(backupOf([makeProgram(1), makeProgram(2)], PROFILE))) as Record<string, any>;

  test.each<[string, unknown, string[]]>([
    ['not JSON', '{"format": "smartpick-backup",', ['file: file: not a SmartPick backup: the file is not JSON']],
    ['a list', [], ['file: file: not a SmartPick backup: expected an object with format, version, profile, programs and pages']],
    ['another program’s file', { ...good(), format: 'other-app' }, ['file: format: format must be "smartpick-backup" (is this a SmartPick backup?)']],
    ['another version', { ...good(), version: 2 }, ['file: version: version must be 1; this file is from another SmartPick version']],
    ['a bad date', { ...good(), exportedAt: 'yesterday' }, ['file: exportedAt: must be a date-time such as 2026-11-25T10:00:00Z']],
    ['a program with a bad URL', (() => { const b = good(); b.programs[1].urls[0] = 'not a url'; return b; })(), [`programs[1] (${makeProgram(2).name}): urls[0]: must be a web address`]],
    ['a program with no name', (() => { const b = good(); b.programs[0].name = ''; return b; })(), ['programs[0]: name: must not be empty']],
    ['a bad status', (() => { const b = good(); b.programs[0].status = 'maybe'; return b; })(), [`programs[0] (${makeProgram(1).name}): status:`]],
    ['a page with a bad date', (() => { const b = good(); b.pages[1].readAt = 'soon'; return b; })(), [`pages[1] (${makeProgram(2).urls[0]}): readAt: must be a date-time`]],
    ['a bad profile', (() => { const b = good(); b.profile.graduationYear = 'long ago'; return b; })(), ['profile: graduationYear:']],
    ['a program twice', (() => { const b = good(); b.programs[1] = b.programs[0]; return b; })(), [`programs[1]: id: "${makeProgram(1).id}" appears twice (also programs[0])`]],
    ['a page twice', (() => { const b = good(); b.pages[1] = b.pages[0]; return b; })(), [`pages[1]: url: "${makeProgram(1).urls[0]}" appears twice (also pages[0])`]],
  ])('%s', (_why, input, expected) => {
    const plan = planBackup(listOf(), input, 'merge');
    expect(plan.backup).toBeNull();
    expect(plan.add).toEqual([]);
    const got = lines(plan.errors);
    for (const e of expected) expect(got.some((g) => g.startsWith(e)), `${got.join('\n')}\nshould include ${e}`).toBe(true);
  });

  test('every bad entry, not only the first', () => {
    const b = good();
    b.programs[0].urls = [];
    b.programs[1].status = 'x';
    const plan = planBackup(listOf(), b, 'merge');
    expect(plan.errors.map((e) => e.entry?.slice(0, 11))).toEqual(['programs[0]', 'programs[1]']);
  });
});
