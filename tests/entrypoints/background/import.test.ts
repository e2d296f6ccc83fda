import 'fake-indexeddb/auto'; // idb checks `instanceof IDBRequest` etc. against the globals
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { handleMessage, type Deps, type SenderKind } from '../../../entrypoints/background/handlers';
import { fit } from '../../../lib/core/fit/fit';
import { listToCsv, parseCsv } from '../../../lib/core/list/csv';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../../lib/core/schema/backup';
import type { Reply } from '../../../lib/core/schema/messages';
import type { Profile } from '../../../lib/core/schema/profile';
import type { Program } from '../../../lib/core/schema/program';
import { openSmartPickDb, type SmartPickDb } from '../../../lib/platform/db';
import { makePage, makeProgram } from '../../fixtures/programs';
import { EXAMPLE_PROFILE } from '../../fixtures/profiles';

// Import, export, add by hand and delete everything, through the real message handlers and the
// real database (fake-indexeddb): a bad import changes nothing, rows apply all or nothing.

const NOW = new Date('2026-11-25T10:00:00.000Z');
const PROFILE: Profile = EXAMPLE_PROFILE;

let db: SmartPickDb;
let changes: string[];
let deps: Deps;

beforeEach(async () => {
  db = await openSmartPickDb(new IDBFactory(), 'smartpick', { onCorrupt: () => {} });
  changes = [];
  deps = { repo: db, fit, now: () => NOW, notify: (c) => changes.push(c.type) };
});
afterEach(() => db.close());

const send = <T = unknown>(message: unknown, sender: SenderKind = 'extension-page') => handleMessage(message, sender, deps) as Promise<Reply<T>>;

async function seed(n = 4): Promise<Program[]> {
  await db.setProfile(PROFILE);
  const programs = Array.from({ length: n }, (_, i) => makeProgram(i + 1));
  for (const p of programs) {
    await db.putProgram(p);
    await db.putPage(makePage(p));
  }
  return programs;
}

/** Everything the database holds, minus the export time. */
async function snapshot() {
  const { exportedAt: _, ...rest } = await db.exportBackup(NOW);
  return rest;
}

const backupOf = (programs: Program[], profile: Profile | null = PROFILE): Backup => ({
  format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: NOW.toISOString(), profile, programs, pages: programs.map((p) => makePage(p)),
});

describe('backup/import', () => {
  test.each<[string, (b: Backup) => unknown]>([
    ['not a backup at all', () => ({ hello: 'world' })],
    ['another format', (b) => ({ ...b, format: 'other' })],
    ['a program with a bad URL', (b) => ({ ...b, programs: [{ ...b.programs[0]!, urls: ['not a url'] }, ...b.programs.slice(1)] })],
    ['a program listed twice', (b) => ({ ...b, programs: [b.programs[0]!, b.programs[0]!] })],
  ])('a bad file (%s) changes nothing', async (_why, spoil) => {
    await seed();
    const before = await snapshot();
    const file = spoil(backupOf([makeProgram(1, { notes: 'from the file', updatedAt: '2027-01-01T00:00:00.000Z' }), makeProgram(20), makeProgram(21)], null));
    for (const mode of ['merge', 'replace', undefined]) {
      const r = await send({ type: 'backup/import', backup: file, ...(mode ? { mode } : {}) });
      expect(r.ok).toBe(false);
    }
    expect(await snapshot()).toEqual(before);
    expect(changes).toEqual([]);
  });

  test('merge is the default: adds and updates, removes nothing, keeps the saved profile', async () => {
    const mine = await seed(3);
    const other: Profile = { ...PROFILE, visa: 'h1b' };
    const file = backupOf([{ ...mine[0]!, notes: 'newer', updatedAt: '2027-01-01T00:00:00.000Z' }, makeProgram(30)], other);
    const r = await send({ type: 'backup/import', backup: file });
    expect(r).toEqual({ ok: true, data: { added: 1, replaced: 1, kept: 0 } });
    const { programs } = await db.listPrograms();
    expect(programs).toHaveLength(4);
    expect(programs.find((p) => p.id === mine[0]!.id)?.notes).toBe('newer');
    expect((await db.getProfile())?.visa).toBe('j1');
    expect(changes).toEqual(['backup/import']);
  });

  test('replace makes the database equal to the file', async () => {
    await seed(3);
    const file = backupOf([makeProgram(30)], { ...PROFILE, visa: 'h1b' });
    const r = await send({ type: 'backup/import', backup: file, mode: 'replace' });
    expect(r).toEqual({ ok: true, data: { added: 1, replaced: 0, kept: 0 } });
    expect((await db.listPrograms()).programs.map((p) => p.id)).toEqual([makeProgram(30).id]);
    expect((await db.getProfile())?.visa).toBe('h1b');
  });

  test('an unknown mode is refused', async () => {
    const r = await send({ type: 'backup/import', backup: backupOf([]), mode: 'overwrite' });
    expect(r.ok).toBe(false);
  });

  test('export → import round trip (replace into an empty database) keeps everything', async () => {
    await seed(5);
    const exported = await send<Backup>({ type: 'backup/export' });
    if (!exported.ok) throw new Error(exported.error);
    const before = await snapshot();
    await send({ type: 'data/delete-all' });
    expect((await db.listPrograms()).programs).toEqual([]);
    const r = await send({ type: 'backup/import', backup: JSON.parse(JSON.stringify(exported.data)), mode: 'replace' });
    expect(r.ok).toBe(true);
    expect(await snapshot()).toEqual(before);
  });
});

describe('programs/import-rows', () => {
  test('one bad row: nothing is imported, and the error names every bad row', async () => {
    const mine = await seed(2);
    const before = await snapshot();
    const r = await send({
      type: 'programs/import-rows',
      rows: [
        { row: 2, name: 'New Internal Medicine', url: 'https://new.example.org/im' },
        { row: 3, name: mine[0]!.name, url: mine[0]!.urls[0], status: 'interview' },
        { row: 4, name: 'Broken', url: 'not a web address' },
        { row: 5, name: 'Also broken', url: 'https://b.example.org', tier: 'Maybe' },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/^nothing was imported: /);
    expect(r.error).toContain('row 4: url: must be a web address');
    expect(r.error).toContain('row 5: tier: “Maybe” is not a tier');
    expect(await snapshot()).toEqual(before);
    expect(changes).toEqual([]);
  });

  test('good rows are all applied: new programs added, saved ones updated', async () => {
    const mine = await seed(2);
    const r = await send({
      type: 'programs/import-rows',
      rows: [
        { row: 2, name: 'New Internal Medicine', url: 'new.example.org/im', tier: 'Safety', notes: 'from my sheet' },
        { row: 3, name: 'Whatever', url: mine[0]!.urls[0], status: 'Interview', notes: 'Line 1\nLine 2' },
        { row: 4, name: 'Same as saved', url: mine[1]!.urls[0] },
      ],
    });
    expect(r).toEqual({ ok: true, data: { added: 1, replaced: 1, unchanged: 1 } });
    const { programs } = await db.listPrograms();
    expect(programs).toHaveLength(3);
    const added = programs.find((p) => p.urls[0] === 'https://new.example.org/im')!;
    expect(added).toMatchObject({ name: 'New Internal Medicine', specialty: 'internal-medicine', tierOverride: 'safety', notes: 'from my sheet', status: 'considering' });
    const updated = programs.find((p) => p.id === mine[0]!.id)!;
    expect(updated).toMatchObject({ name: mine[0]!.name, status: 'interview', notes: 'Line 1\nLine 2', updatedAt: NOW.toISOString() });
    expect(updated.signals).toEqual(mine[0]!.signals);
    expect(programs.find((p) => p.id === mine[1]!.id)).toEqual(mine[1]);
    expect(changes).toEqual(['programs/import-rows']);
  });

  test('an exported list imports back as unchanged', async () => {
    await seed(6);
    const list = await send<{ programs: { program: Program; fit: { score: number | null }; tier: 'reach' }[] }>({ type: 'list/get' });
    if (!list.ok) throw new Error(list.error);
    const before = await snapshot();
    const { rows, errors } = parseCsv(listToCsv(list.data.programs));
    expect(errors).toEqual([]);
    const r = await send({ type: 'programs/import-rows', rows });
    expect(r).toEqual({ ok: true, data: { added: 0, replaced: 0, unchanged: 6 } });
    expect(await snapshot()).toEqual(before);
  });

  test('rows are not accepted from a web page', async () => {
    const r = await send({ type: 'programs/import-rows', rows: [{ row: 2, name: 'A', url: 'https://a.org' }] }, 'content-script');
    expect(r.ok).toBe(false);
    expect((await db.listPrograms()).programs).toEqual([]);
  });

  test('an empty list of rows is a bad message', async () => {
    expect((await send({ type: 'programs/import-rows', rows: [] })).ok).toBe(false);
  });
});

describe('program/add-manual', () => {
  test('adds a program with what the user said, listed and scored', async () => {
    await db.setProfile(PROFILE);
    const r = await send<{ program: Program; tier: string }>({ type: 'program/add-manual', name: ' Mercy General IM ', url: 'mercy.example.org/im', specialty: 'internal-medicine' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.program).toMatchObject({ id: 'site:example.org|internal-medicine', name: 'Mercy General IM', urls: ['https://mercy.example.org/im'], specialty: 'internal-medicine' });
    expect((await db.listPrograms()).programs.map((p) => p.name)).toEqual(['Mercy General IM']);
    const list = await send<{ programs: { tier: string }[] }>({ type: 'list/get' });
    expect(list.ok && list.data.programs).toHaveLength(1);
    expect(changes).toEqual(['program/add-manual']);
  });

  test('no specialty is allowed', async () => {
    const r = await send<{ program: Program }>({ type: 'program/add-manual', name: 'Somewhere', url: 'https://somewhere.org', specialty: null });
    expect(r.ok && r.data.program.id).toBe('site:somewhere.org|unknown');
  });

  test.each([
    [{ name: '', url: 'https://a.org', specialty: null }, 'name: must not be empty'],
    [{ name: 'A', url: 'javascript:alert(1)', specialty: null }, 'url: must be a web address'],
    [{ name: 'A', url: 'https://a.org', specialty: 'astrology' }, 'specialty: “astrology” is not a specialty SmartPick knows'],
  ])('%j is refused naming the field', async (fields, message) => {
    const r = await send({ type: 'program/add-manual', ...fields });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(message);
    expect((await db.listPrograms()).programs).toEqual([]);
  });

  test('a program already in the list is refused, by web address or by key', async () => {
    const [p] = await seed(1);
    const byUrl = await send({ type: 'program/add-manual', name: 'Again', url: p!.urls[0], specialty: null });
    expect(byUrl).toEqual({ ok: false, error: `${p!.name} is already in your list` });
    await send({ type: 'program/add-manual', name: 'First', url: 'https://a.org/im', specialty: 'internal-medicine' });
    const byKey = await send({ type: 'program/add-manual', name: 'Second', url: 'https://www.a.org/other', specialty: 'internal-medicine' });
    expect(byKey).toEqual({ ok: false, error: 'First is already in your list' });
  });

  test('not accepted from a web page', async () => {
    const r = await send({ type: 'program/add-manual', name: 'A', url: 'https://a.org', specialty: null }, 'content-script');
    expect(r.ok).toBe(false);
  });
});

describe('data/delete-all', () => {
  test('removes the profile, every program and every page', async () => {
    await seed(5);
    expect(await send({ type: 'data/delete-all' })).toEqual({ ok: true, data: {} });
    expect(await snapshot()).toEqual({ format: BACKUP_FORMAT, version: BACKUP_VERSION, profile: null, programs: [], pages: [] });
    expect(changes).toEqual(['data/delete-all']);
  });

  test('not accepted from a web page', async () => {
    await seed(1);
    expect((await send({ type: 'data/delete-all' }, 'content-script')).ok).toBe(false);
    expect((await db.listPrograms()).programs).toHaveLength(1);
  });
});
