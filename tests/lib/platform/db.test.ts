import 'fake-indexeddb/auto'; // idb checks `instanceof IDBRequest` etc. against the globals
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../../lib/core/schema/backup';
import { profileSchema, type Profile } from '../../../lib/core/schema/profile';
import { pageRecordSchema, programSchema, type Program } from '../../../lib/core/schema/program';
import { LATEST_DB_VERSION } from '../../../lib/core/migrations/index';
import { DB_VERSION, InvalidRecordError, openSmartPickDb, type CorruptRecord, type OpenOptions, type ProgramList, type SmartPickDb } from '../../../lib/platform/db';
import { DIGEST_KEY } from '../../../lib/platform/db-names';
import { fit } from '../../../lib/core/fit/fit';
import { buildDigest } from '../../../lib/core/list/digest';
import { listItems } from '../../../lib/core/list/evaluate';
import { listDigestSchema, type ListDigest } from '../../../lib/core/schema/digest';
import v1 from '../../fixtures/db/v1.json';
import v2 from '../../fixtures/db/v2.json';
import v3 from '../../fixtures/db/v3.json';
import { makePage, makeProgram, minutesAfterStart } from '../../fixtures/programs';

const NAME = 'smartpick';
const NOW = new Date('2026-01-15T12:00:00.000Z');

const profile: Profile = profileSchema.parse({
  step1: { result: 'pass', score: null, attempts: 1 },
  step2ck: { score: 232, attempts: 1 },
  graduationYear: 2022,
  visa: 'j1',
  usce: { months: 4, handsOn: true },
  specialties: ['internal-medicine'],
});

// ---- raw IndexedDB, for what the repository must never do itself (old versions, corrupt rows) ----

function req<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
}

function openRaw(factory: IDBFactory, version?: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  const request = factory.open(NAME, version);
  if (upgrade) request.onupgradeneeded = () => upgrade(request.result);
  return req(request);
}

type Fixture = { profile: unknown; programs: unknown[]; pages: unknown[] };

/** Database version `version` laid out by `layout` (as that version's code did), filled with `fixture`. */
async function writeOld(factory: IDBFactory, version: number, layout: (db: IDBDatabase) => void, fixture: Fixture): Promise<void> {
  const db = await openRaw(factory, version, layout);
  const tx = db.transaction(['profile', 'programs', 'pages'], 'readwrite');
  if (fixture.profile !== null) tx.objectStore('profile').put(fixture.profile, 'me');
  for (const p of fixture.programs) tx.objectStore('programs').put(p);
  for (const p of fixture.pages) tx.objectStore('pages').put(p);
  await done(tx);
  db.close();
}

/** Database version 1 exactly as the v1 code laid it out, filled with tests/fixtures/db/v1.json. */
const writeV1 = (factory: IDBFactory, fixture: Fixture) =>
  writeOld(factory, 1, (d) => {
    d.createObjectStore('profile');
    d.createObjectStore('programs', { keyPath: 'id' });
    d.createObjectStore('pages', { keyPath: 'url' }).createIndex('by-program', 'programId');
  }, fixture);

/** Writes a value straight into a store of the current database, bypassing every check. */
async function writeRaw(factory: IDBFactory, store: string, value: unknown, key?: IDBValidKey): Promise<void> {
  const db = await openRaw(factory);
  const tx = db.transaction(store, 'readwrite');
  tx.objectStore(store).put(value, key);
  await done(tx);
  db.close();
}

// ---- per test: a fresh in-memory IndexedDB and a record of corruption reports ----

let factory: IDBFactory;
let reports: CorruptRecord[];
let opened: SmartPickDb[];
const options = (): OpenOptions => ({ onCorrupt: (r) => reports.push(r) });
async function open(): Promise<SmartPickDb> {
  const db = await openSmartPickDb(factory, NAME, options());
  opened.push(db);
  return db;
}

beforeEach(() => {
  factory = new IDBFactory();
  reports = [];
  opened = [];
});
afterEach(() => {
  for (const db of opened) db.close();
});

async function seed(db: SmartPickDb, n: number): Promise<Program[]> {
  const programs = Array.from({ length: n }, (_, i) => makeProgram(i));
  await Promise.all(programs.map((p) => db.putProgram(p)));
  return programs;
}

const newestFirst = (ps: Program[]) => [...ps].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));

describe('opening', () => {
  test('the database version is the last migration step', () => {
    expect(DB_VERSION).toBe(LATEST_DB_VERSION);
  });

  test('a new database has every store and index at the current version', async () => {
    (await open()).close();
    const db = await openRaw(factory);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['pages', 'profile', 'programs', 'views']);
    const tx = db.transaction(['programs', 'pages']);
    expect([...tx.objectStore('programs').indexNames]).toEqual(['by-updated']);
    expect(tx.objectStore('programs').keyPath).toBe('id');
    expect([...tx.objectStore('pages').indexNames]).toEqual(['by-program']);
    expect(tx.objectStore('pages').keyPath).toBe('url');
    db.close();
  });

  test('without a factory it uses the global indexedDB', async () => {
    const name = 'smartpick-global-test';
    const db = await openSmartPickDb(undefined, name, options());
    await db.putProgram(makeProgram(1));
    expect((await db.getProgram(makeProgram(1).id))?.name).toBe(makeProgram(1).name);
    db.close();
    await req(indexedDB.deleteDatabase(name));
  });

  test('an open connection steps aside when a newer version needs to upgrade', async () => {
    await open();
    const newer = await openRaw(factory, DB_VERSION + 1);
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
  });
});

describe('upgrade from version 1', () => {
  test('every v1 record survives, parses, and matches the v2 fixture', async () => {
    await writeV1(factory, v1);
    const db = await open();

    expect(await db.getProfile()).toEqual(profileSchema.parse(v1.profile));
    const { programs, skipped } = await db.listPrograms();
    expect(skipped).toEqual([]);
    expect(programs).toHaveLength(v1.programs.length);
    for (const expected of v2.programs) {
      const p = await db.getProgram(expected.id);
      expect(p).toEqual(programSchema.parse(expected));
      expect(p?.updatedAt).toBe(expected.addedAt);
      expect(p?.notes).toBe('');
      expect(p?.status).toBe('considering');
    }
    const pages = (await Promise.all(v1.programs.map((p) => db.pagesFor(p.id)))).flat();
    expect(pages.sort((a, b) => a.url.localeCompare(b.url))).toEqual(
      v1.pages.map((p) => pageRecordSchema.parse(p)).sort((a, b) => a.url.localeCompare(b.url)),
    );
    expect(reports).toEqual([]);
  });

  test('the stored records are migrated in place, not only patched on read', async () => {
    await writeV1(factory, v1);
    (await open()).close();
    const raw = await openRaw(factory);
    const stored = await req(raw.transaction('programs').objectStore('programs').getAll());
    raw.close();
    expect(stored.sort((a, b) => a.id.localeCompare(b.id))).toEqual([...v2.programs].sort((a, b) => a.id.localeCompare(b.id)));
  });

  test('the new index orders migrated records by their backfilled updatedAt', async () => {
    await writeV1(factory, v1);
    const db = await open();
    const recent = await db.recentPrograms(2);
    const expected = [...v2.programs].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, 2);
    expect(recent.map((p) => p.id)).toEqual(expected.map((p) => p.id));
  });

  test('a corrupt v1 record does not stop the upgrade; it is skipped and reported on read', async () => {
    await writeV1(factory, { ...v1, programs: [...v1.programs, { id: 'junk', name: 42 }] });
    const db = await open();
    const { programs, skipped } = await db.listPrograms();
    expect(programs).toHaveLength(v1.programs.length);
    expect(skipped.map((s) => s.key)).toEqual(['junk']);
    expect(skipped[0]?.error).toMatch(/^name: /);
  });
});

describe('profile', () => {
  test('null until set, then read back parsed', async () => {
    const db = await open();
    expect(await db.getProfile()).toBeNull();
    await db.setProfile(profile);
    expect(await db.getProfile()).toEqual(profile);
  });

  test('an invalid profile is refused before writing, naming the field', async () => {
    const db = await open();
    await db.setProfile(profile);
    const bad = { ...profile, step2ck: { score: 400, attempts: 1 } };
    await expect(db.setProfile(bad)).rejects.toThrow(InvalidRecordError);
    await expect(db.setProfile(bad)).rejects.toThrow(/^profile\.step2ck\.score: /);
    expect(await db.getProfile()).toEqual(profile);
  });

  test('a corrupt stored profile reads as null and is reported', async () => {
    const db = await open();
    await writeRaw(factory, 'profile', { visa: 'sometimes' }, 'me');
    expect(await db.getProfile()).toBeNull();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ store: 'profile', key: 'me' });
  });
});

describe('programs', () => {
  test('1,000 programs are saved and listed, most recently updated first', async () => {
    const db = await open();
    const saved = await seed(db, 1000);
    const { programs, skipped } = await db.listPrograms();
    expect(skipped).toEqual([]);
    expect(programs).toHaveLength(1000);
    expect(programs).toEqual(newestFirst(saved));
  });

  test('getProgram returns the saved program, null when there is none', async () => {
    const db = await open();
    const [p] = await seed(db, 3);
    expect(await db.getProgram(p!.id)).toEqual(p);
    expect(await db.getProgram('acgme:0000000000')).toBeNull();
  });

  test('an invalid program is refused before writing, naming the field', async () => {
    const db = await open();
    const bad = makeProgram(1, { urls: ['not a url'] });
    await expect(db.putProgram(bad)).rejects.toThrow(/^program\.urls\[0\]: must be a web address/);
    expect((await db.listPrograms()).programs).toEqual([]);
  });

  test('dates are stored in one format so the by-updated index sorts them as times', async () => {
    const db = await open();
    await db.putProgram(makeProgram(1, { updatedAt: '2025-09-01T10:00:00+02:00' }));
    expect((await db.getProgram(makeProgram(1).id))?.updatedAt).toBe('2025-09-01T08:00:00.000Z');
  });

  test('recentPrograms reads the newest few through the index', async () => {
    const db = await open();
    const saved = await seed(db, 30);
    expect(await db.recentPrograms(5)).toEqual(newestFirst(saved).slice(0, 5));
    expect(await db.recentPrograms(0)).toEqual([]);
  });

  test('a corrupt record is skipped and reported; the rest are listed', async () => {
    const db = await open();
    const saved = await seed(db, 20);
    await writeRaw(factory, 'programs', { ...makeProgram(99), urls: [] });
    await writeRaw(factory, 'programs', { id: 'acgme:bad', name: '', signals: 'none' });

    const { programs, skipped } = await db.listPrograms();
    expect(programs).toEqual(newestFirst(saved));
    expect(skipped.map((s) => s.key).sort()).toEqual(['acgme:bad', makeProgram(99).id].sort());
    expect(skipped.find((s) => s.key === makeProgram(99).id)?.error).toMatch(/^urls: /);
    expect(reports.map((r) => r.store)).toEqual(['programs', 'programs']);

    expect(await db.getProgram('acgme:bad')).toBeNull();
    expect((await db.recentPrograms(100)).length).toBe(20);
    expect((await db.exportBackup(NOW)).programs).toHaveLength(20);
  });
});

describe('updateProgram', () => {
  test('applies the change and returns the stored program', async () => {
    const db = await open();
    const [p] = await seed(db, 1);
    const at = minutesAfterStart(5000);
    const updated = await db.updateProgram(p!.id, (x) => ({ ...x, notes: 'Interview 3 Dec', status: 'interview', updatedAt: at }));
    expect(updated).toEqual({ ...p, notes: 'Interview 3 Dec', status: 'interview', updatedAt: at });
    expect(await db.getProgram(p!.id)).toEqual(updated);
  });

  test('null for a missing or unreadable program, which then can be overwritten', async () => {
    const db = await open();
    expect(await db.updateProgram('acgme:0000000000', (x) => x)).toBeNull();
    await writeRaw(factory, 'programs', { id: 'acgme:1400000000', name: 7 });
    expect(await db.updateProgram('acgme:1400000000', (x) => x)).toBeNull();
    expect(reports).toHaveLength(1);
    await db.putProgram(makeProgram(0));
    expect(await db.getProgram('acgme:1400000000')).toEqual(makeProgram(0));
  });

  test('an invalid result, a changed id or a throwing fn writes nothing', async () => {
    const db = await open();
    const [p] = await seed(db, 1);
    await expect(db.updateProgram(p!.id, (x) => ({ ...x, name: '' }))).rejects.toThrow(/^program\.name: must not be empty/);
    await expect(db.updateProgram(p!.id, (x) => ({ ...x, id: 'other' }))).rejects.toThrow(/^program\.id: /);
    await expect(
      db.updateProgram(p!.id, () => {
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await db.getProgram(p!.id)).toEqual(p);
    expect(await db.getProgram('other')).toBeNull();
  });
});

describe('two connections at once (background and popup)', () => {
  test('500 different programs saved from each are all kept', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    const fromA = Array.from({ length: 500 }, (_, i) => makeProgram(i));
    const fromB = Array.from({ length: 500 }, (_, i) => makeProgram(500 + i));
    await Promise.all([...fromA.map((p) => a.putProgram(p)), ...fromB.map((p) => b.putProgram(p))]);
    for (const db of [a, b, await open()]) {
      const { programs } = await db.listPrograms();
      expect(programs).toEqual(newestFirst([...fromA, ...fromB]));
    }
  });

  test('concurrent updates of the same program lose nothing', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    const [p] = await seed(a, 1);
    const append = (token: string) => (x: Program): Program => ({ ...x, notes: `${x.notes}${token};` });
    const rounds = 40;
    await Promise.all([
      ...Array.from({ length: rounds }, (_, k) => a.updateProgram(p!.id, append(`a${k}`))),
      ...Array.from({ length: rounds }, (_, k) => b.updateProgram(p!.id, append(`b${k}`))),
      a.updateProgram(p!.id, (x) => ({ ...x, status: 'applied' })),
      b.updateProgram(p!.id, (x) => ({ ...x, tierOverride: 'safety' })),
    ]);
    const final = await a.getProgram(p!.id);
    const tokens = final!.notes.slice(p!.notes.length).split(';').filter(Boolean);
    expect(tokens.sort()).toEqual([...Array.from({ length: rounds }, (_, k) => `a${k}`), ...Array.from({ length: rounds }, (_, k) => `b${k}`)].sort());
    expect(final!.status).toBe('applied');
    expect(final!.tierOverride).toBe('safety');
  });
});

describe('pages', () => {
  test('pagesFor lists a program’s pages; a corrupt page is skipped and reported', async () => {
    const db = await open();
    const p = makeProgram(1, { urls: [makeProgram(1).urls[0]!, 'https://gme.example.org/im/faq'] });
    await db.putProgram(p);
    const first = makePage(p);
    const faq = makePage(p, { url: 'https://gme.example.org/im/faq', title: 'FAQ' });
    await db.putPage(first);
    await db.putPage(faq);
    await db.putPage(makePage(makeProgram(2)));
    await writeRaw(factory, 'pages', { url: 'https://gme.example.org/im/broken', programId: p.id, title: 5 });
    const pages = await db.pagesFor(p.id);
    expect(pages.sort((x, y) => x.url.localeCompare(y.url))).toEqual([faq, first].sort((x, y) => x.url.localeCompare(y.url)));
    expect(reports).toMatchObject([{ store: 'pages', key: 'https://gme.example.org/im/broken' }]);
  });

  test('an invalid page is refused, naming the field', async () => {
    const db = await open();
    await expect(db.putPage({ ...makePage(makeProgram(1)), url: 'nope' })).rejects.toThrow(/^page\.url: must be a web address/);
  });

  test('removeProgram deletes its pages, but keeps (and moves) a page another program still lists', async () => {
    const db = await open();
    const shared = 'https://gme.example.org/img-faq';
    const p = makeProgram(1, { urls: [makeProgram(1).urls[0]!, shared] });
    const other = makeProgram(2, { urls: [makeProgram(2).urls[0]!, shared] });
    await db.putProgram(p);
    await db.putProgram(other);
    await db.putPage(makePage(p));
    await db.putPage(makePage(p, { url: shared }));
    await db.putPage(makePage(other));

    expect(await db.removeProgram(p.id)).toBe(true);
    expect(await db.getProgram(p.id)).toBeNull();
    expect(await db.pagesFor(p.id)).toEqual([]);
    expect((await db.pagesFor(other.id)).map((x) => x.url).sort()).toEqual([other.urls[0], shared].sort());
    expect((await db.exportBackup(NOW)).pages.map((x) => x.url)).not.toContain(p.urls[0]);
    expect(await db.removeProgram(p.id)).toBe(false);
  });
});

describe('backup', () => {
  async function filled(): Promise<SmartPickDb> {
    const db = await open();
    await db.setProfile(profile);
    const programs = await seed(db, 12);
    for (const p of programs.slice(0, 6)) await db.putPage(makePage(p));
    return db;
  }

  test('export is one versioned envelope that parses', async () => {
    const db = await filled();
    const backup = await db.exportBackup(NOW);
    expect(backup).toMatchObject({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: NOW.toISOString(), profile });
    expect(backup.programs).toHaveLength(12);
    expect(backup.pages).toHaveLength(6);
  });

  test('a good import round-trips an export (as an object or as the file’s JSON text)', async () => {
    const source = await filled();
    const backup = await source.exportBackup(NOW);

    const target = await openSmartPickDb(new IDBFactory(), NAME, options());
    opened.push(target);
    await target.putProgram(makeProgram(500)); // replaced away
    expect(await target.importBackup(JSON.stringify(backup), 'replace')).toEqual({ ok: true, added: 12, replaced: 0, kept: 0 });
    expect(await target.exportBackup(NOW)).toEqual(backup);

    expect(await target.importBackup(backup, 'replace')).toEqual({ ok: true, added: 0, replaced: 12, kept: 0 });
    expect(await target.exportBackup(NOW)).toEqual(backup);
  });

  test('replace with an empty file leaves an empty database', async () => {
    const db = await filled();
    const empty = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: NOW.toISOString(), profile: null, programs: [], pages: [] };
    expect(await db.importBackup(empty, 'replace')).toEqual({ ok: true, added: 0, replaced: 0, kept: 0 });
    expect(await db.exportBackup(NOW)).toEqual(empty);
  });

  test('merge adds new programs, keeps the copy updated last, and keeps the saved profile', async () => {
    const db = await filled();
    const backup = await db.exportBackup(NOW);
    const later = minutesAfterStart(10_000);
    const earlier = minutesAfterStart(-10_000);
    await db.updateProgram(backup.programs[0]!.id, (p) => ({ ...p, notes: 'newer here', updatedAt: later }));
    const file = {
      ...backup,
      profile: { ...profile, graduationYear: 2015 },
      programs: [
        { ...backup.programs[0]!, notes: 'older in file' }, // saved copy is newer: kept
        { ...backup.programs[1]!, notes: 'newer in file', updatedAt: later }, // file newer: replaced
        { ...backup.programs[2]!, notes: 'older in file', updatedAt: earlier }, // saved newer: kept
        makeProgram(700), // new: added
      ],
      pages: [makePage(makeProgram(700))],
    };
    expect(await db.importBackup(file, 'merge')).toEqual({ ok: true, added: 1, replaced: 1, kept: 2 });
    expect((await db.getProgram(backup.programs[0]!.id))?.notes).toBe('newer here');
    expect((await db.getProgram(backup.programs[1]!.id))?.notes).toBe('newer in file');
    expect((await db.getProgram(backup.programs[2]!.id))?.notes).toBe(backup.programs[2]!.notes);
    expect(await db.getProgram(makeProgram(700).id)).toEqual(makeProgram(700));
    expect(await db.pagesFor(makeProgram(700).id)).toEqual([makePage(makeProgram(700))]);
    expect((await db.listPrograms()).programs).toHaveLength(13);
    expect((await db.getProfile())?.graduationYear).toBe(profile.graduationYear);
  });

  test('merge into an empty database takes the file’s profile', async () => {
    const source = await filled();
    const backup = await source.exportBackup(NOW);
    const db = await openSmartPickDb(new IDBFactory(), NAME, options());
    opened.push(db);
    expect(await db.importBackup(backup, 'merge')).toEqual({ ok: true, added: 12, replaced: 0, kept: 0 });
    expect(await db.exportBackup(NOW)).toEqual(backup);
  });

  describe('a bad import changes nothing, and its error names the field', () => {
    const good = () => ({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: NOW.toISOString(),
      profile: { ...profile, graduationYear: 2010 },
      programs: Array.from({ length: 6 }, (_, i) => makeProgram(100 + i)),
      pages: [makePage(makeProgram(100))],
    });
    const withBadProgram = () => {
      const b = good();
      b.programs[3] = { ...b.programs[3]!, urls: ['www.example.org/no-scheme'] };
      return b;
    };
    const cases: [string, () => unknown, RegExp][] = [
      ['one bad program among good ones', withBadProgram, /^programs\[3\]\.urls\[0\]: must be a web address$/],
      ['a bad page', () => ({ ...good(), pages: [{ ...makePage(makeProgram(100)), readAt: 'yesterday' }] }), /^pages\[0\]\.readAt: must be a date-time/],
      ['a bad profile', () => ({ ...good(), profile: { ...profile, visa: 'f1' } }), /^profile\.visa: Visa must be one of/],
      ['the wrong format', () => ({ ...withBadProgram(), format: 'other-app-backup' }), /^format: format must be "smartpick-backup"/],
      ['the wrong version', () => ({ ...withBadProgram(), version: 2 }), /^version: version must be 1/],
      ['a missing programs list', () => ({ ...good(), programs: undefined }), /^programs: /],
      ['a duplicate program id', () => ({ ...good(), programs: [...good().programs, makeProgram(101)] }), /^programs\[6\]\.id: "[^"]+" appears twice \(also programs\[1\]\)$/],
      ['not JSON text', () => '{"format": "smartpick-backup",', /not JSON/],
      ['a JSON string, not an object', () => 'hello', /not JSON/],
      ['a number', () => 42, /expected a JSON object/],
      ['null', () => null, /expected a JSON object/],
      ['an array', () => [good()], /expected a JSON object/],
    ];

    test.each(cases)('%s', async (_why, input, error) => {
      const db = await filled();
      const before = await db.exportBackup(NOW);
      for (const mode of ['replace', 'merge'] as const) {
        const res = await db.importBackup(input(), mode);
        expect(res.ok).toBe(false);
        if (!res.ok) expect(res.error).toMatch(error);
      }
      expect(await db.exportBackup(NOW)).toEqual(before);
    });

    test('several bad fields are all named, up to a count', async () => {
      const db = await filled();
      const b = good();
      b.programs = b.programs.map((p) => ({ ...p, name: '' }));
      const res = await db.importBackup(b, 'replace');
      expect(res).toEqual({
        ok: false,
        error: 'programs[0].name: must not be empty; programs[1].name: must not be empty; programs[2].name: must not be empty; and 3 more',
      });
    });
  });

  test('a write that fails halfway rolls the whole import back', async () => {
    const db = await filled();
    const before = await db.exportBackup(NOW);
    const file = { ...before, programs: Array.from({ length: 20 }, (_, i) => makeProgram(300 + i)) };
    const restore = await diskFullOnPut(10);
    try {
      const res = await db.importBackup(file, 'replace');
      expect(res).toMatchObject({ ok: false, error: expect.stringMatching(/^nothing was imported: .*disk full/) });
    } finally {
      restore();
    }
    expect(await db.exportBackup(NOW)).toEqual(before);
  });
});

/** Makes the `n`th put of any object store throw "disk full" (a write failing halfway); returns the undo. */
async function diskFullOnPut(n: number): Promise<() => void> {
  const store = Object.getPrototypeOf(await firstStore(factory)) as IDBObjectStore;
  const put = store.put;
  let calls = 0;
  const spy = vi.spyOn(store, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (++calls === n) throw new DOMException('disk full', 'QuotaExceededError');
    return put.apply(this, args);
  });
  return () => spy.mockRestore();
}

/** Any object store instance, to reach the fake's IDBObjectStore prototype. */
async function firstStore(f: IDBFactory): Promise<IDBObjectStore> {
  const db = await openRaw(f);
  const store = db.transaction('programs').objectStore('programs');
  db.close();
  return store;
}

test('deleteAll empties every store', async () => {
  const db = await open();
  await db.setProfile(profile);
  const [p] = await seed(db, 50);
  await db.putPage(makePage(p!));
  await db.deleteAll();
  expect(await db.getProfile()).toBeNull();
  expect(await db.listPrograms()).toEqual({ programs: [], skipped: [] });
  expect(await db.pagesFor(p!.id)).toEqual([]);
  expect(await db.exportBackup(NOW)).toMatchObject({ profile: null, programs: [], pages: [] });
});

// ---- the list digest (lib/core/list/digest.ts), kept in the 'views' store ----

/** What the background builds (entrypoints/background/index.ts): every program scored, counted per tier. */
const build = (at: Date = NOW) => (p: Profile | null, list: ProgramList) => buildDigest(listItems(fit, p, list.programs, at), list.skipped.length, p, at);

/** A database with a profile, 12 programs (6 with pages) and a digest built over them. */
async function withDigest(): Promise<{ db: SmartPickDb; programs: Program[]; digest: ListDigest }> {
  const db = await open();
  await db.setProfile(profile);
  const programs = await seed(db, 12);
  for (const p of programs.slice(0, 6)) await db.putPage(makePage(p));
  const digest = (await db.rebuildDigest(build()))!;
  expect(await db.getDigest()).toEqual(digest);
  return { db, programs, digest };
}

async function rawDigest(f: IDBFactory): Promise<unknown> {
  const raw = await openRaw(f);
  const value = await req(raw.transaction('views').objectStore('views').get(DIGEST_KEY));
  raw.close();
  return value;
}

describe('list digest', () => {
  test('none until built: getDigest is null', async () => {
    const db = await open();
    await seed(db, 3);
    expect(await db.getDigest()).toBeNull();
  });

  test('rebuildDigest builds from the parsed profile and every program, stores it, and getDigest reads it back', async () => {
    const db = await open();
    await db.setProfile(profile);
    const saved = await seed(db, 20);
    await writeRaw(factory, 'programs', { id: 'acgme:bad', name: '', signals: 'none' });
    const seen: { profile: Profile | null; ids: string[]; skipped: string[] }[] = [];
    const digest = await db.rebuildDigest((p, list) => {
      seen.push({ profile: p, ids: list.programs.map((x) => x.id), skipped: list.skipped.map((s) => s.key) });
      return build()(p, list);
    });
    expect(seen).toEqual([{ profile, ids: newestFirst(saved).map((x) => x.id), skipped: ['acgme:bad'] }]);
    if (!digest) throw new Error('the digest was not stored');
    expect(digest.total).toBe(20);
    expect(digest.skipped).toBe(1);
    expect(Object.values(digest.counts).reduce((a, b) => a + b, 0)).toBe(20);
    expect(digest.profileSet).toBe(true);
    expect(await db.getDigest()).toEqual(digest);
    expect(await rawDigest(factory)).toEqual(digest);
    // Another connection (the popup) reads the same.
    expect(await (await open()).getDigest()).toEqual(digest);
  });

  test('what is stored is the parsed digest (keys the schema does not know are dropped)', async () => {
    const db = await open();
    const digest = await db.rebuildDigest((p, list) => ({ ...build()(p, list), extra: 'not stored' }) as ListDigest);
    expect(digest).not.toHaveProperty('extra');
    expect(await rawDigest(factory)).not.toHaveProperty('extra');
    expect(await db.getDigest()).toEqual(listDigestSchema.parse(digest));
  });

  test('a build that returns something invalid, or throws, rejects and keeps the digest that was there', async () => {
    const { db, digest } = await withDigest();
    await expect(db.rebuildDigest((p, list) => ({ ...build()(p, list), total: -1 }))).rejects.toThrow();
    await expect(
      db.rebuildDigest(() => {
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await db.getDigest()).toEqual(digest);
  });

  test('a write that comes between its read and its store wins: nothing is stored (null), and readers never wait for a build', async () => {
    const { db, digest } = await withDigest();
    let write: Promise<void> | null = null;
    const next = await db.rebuildDigest((p, list) => {
      // The list is read; a save arrives before the digest is stored.
      write = db.putProgram(makeProgram(950));
      return build()(p, list);
    });
    await write;
    expect(next).toBeNull();
    expect(await db.getDigest()).toBeNull();
    expect(digest).not.toBeNull();
    // With no write in between, the next rebuild stores again and counts the new program.
    const again = await db.rebuildDigest(build());
    expect(again?.total).toBe(digest.total + 1);
    expect(await db.getDigest()).toEqual(again);
  });

  test('deleteAll between a read and a store also wins', async () => {
    const db = await open();
    await seed(db, 3);
    let cleared: Promise<void> | null = null;
    const next = await db.rebuildDigest((p, list) => {
      cleared = db.deleteAll();
      return build()(p, list);
    });
    await cleared;
    expect(next).toBeNull();
    expect(await db.getDigest()).toBeNull();
  });

  test('a corrupt stored digest reads as null', async () => {
    const { db } = await withDigest();
    await writeRaw(factory, 'views', { version: 1, builtAt: NOW.toISOString(), total: 'many' }, DIGEST_KEY);
    expect(await db.getDigest()).toBeNull();
    await writeRaw(factory, 'views', 'hello', DIGEST_KEY);
    expect(await db.getDigest()).toBeNull();
    const good = build()(profile, { programs: [], skipped: [] });
    await writeRaw(factory, 'views', { ...good, version: 2 }, DIGEST_KEY);
    expect(await db.getDigest()).toBeNull();
    await writeRaw(factory, 'views', good, DIGEST_KEY);
    expect(await db.getDigest()).toEqual(good);
  });

  describe('every write drops it, in the same transaction', () => {
    const backupOf = async (db: SmartPickDb) => db.exportBackup(NOW);
    const writes: [string, (db: SmartPickDb, programs: Program[]) => Promise<unknown>][] = [
      ['setProfile', (db) => db.setProfile({ ...profile, graduationYear: 2019 })],
      ['putProgram (new)', (db) => db.putProgram(makeProgram(500))],
      ['putProgram (existing)', (db, ps) => db.putProgram({ ...ps[0]!, notes: 'changed' })],
      ['updateProgram', (db, ps) => db.updateProgram(ps[1]!.id, (x) => ({ ...x, tierOverride: 'safety' }))],
      ['removeProgram', (db, ps) => db.removeProgram(ps[2]!.id)],
      ['importBackup (replace)', async (db) => expect(await db.importBackup(await backupOf(db), 'replace')).toMatchObject({ ok: true })],
      ['importBackup (merge)', async (db) => expect(await db.importBackup({ ...(await backupOf(db)), programs: [makeProgram(600)], pages: [] }, 'merge')).toMatchObject({ ok: true, added: 1 })],
      ['deleteAll', (db) => db.deleteAll()],
    ];

    test.each(writes)('%s', async (_name, write) => {
      const { db, programs } = await withDigest();
      await write(db, programs);
      expect(await db.getDigest()).toBeNull();
      expect(await rawDigest(factory)).toBeUndefined();
    });

    test('a rebuild after the write describes the new data', async () => {
      const { db, programs, digest } = await withDigest();
      await db.removeProgram(programs[0]!.id);
      await db.putProgram(makeProgram(900));
      await db.putProgram(makeProgram(901));
      const next = (await db.rebuildDigest(build()))!;
      expect(next.total).toBe(digest.total + 1);
      expect(Object.values(next.recent).flat()).toContain(makeProgram(901).id);
      expect(Object.values(next.recent).flat()).not.toContain(programs[0]!.id);
    });
  });

  describe('a write that does not happen keeps it', () => {
    const refused: [string, (db: SmartPickDb, programs: Program[]) => Promise<unknown>][] = [
      ['putProgram with an invalid program', (db) => expect(db.putProgram(makeProgram(1, { urls: ['not a url'] }))).rejects.toThrow(InvalidRecordError)],
      ['setProfile with an invalid profile', (db) => expect(db.setProfile({ ...profile, visa: 'f1' } as never)).rejects.toThrow(InvalidRecordError)],
      ['updateProgram that returns an invalid program', (db, ps) => expect(db.updateProgram(ps[0]!.id, (x) => ({ ...x, name: '' }))).rejects.toThrow(/program\.name/)],
      ['updateProgram of a missing program', async (db) => expect(await db.updateProgram('acgme:0000000000', (x) => x)).toBeNull()],
      ['removeProgram of a missing program', async (db) => expect(await db.removeProgram('acgme:0000000000')).toBe(false)],
      ['importBackup of a bad file (replace)', async (db) => expect(await db.importBackup({ format: 'other' }, 'replace')).toMatchObject({ ok: false })],
      ['importBackup of a bad file (merge)', async (db) => expect(await db.importBackup('{"format":', 'merge')).toMatchObject({ ok: false })],
      ['putPage (a page is not part of the list the digest counts)', (db, ps) => db.putPage(makePage(ps[0]!, { title: 'Another title' }))],
    ];

    test.each(refused)('%s', async (_name, write) => {
      const { db, programs, digest } = await withDigest();
      await write(db, programs);
      expect(await db.getDigest()).toEqual(digest);
    });

    test('an import that fails halfway rolls back the digest’s deletion too', async () => {
      const { db, digest } = await withDigest();
      const before = await db.exportBackup(NOW);
      const file = { ...before, programs: Array.from({ length: 20 }, (_, i) => makeProgram(300 + i)) };
      const restore = await diskFullOnPut(10);
      try {
        expect(await db.importBackup(file, 'replace')).toMatchObject({ ok: false });
      } finally {
        restore();
      }
      expect(await db.getDigest()).toEqual(digest);
    });
  });
});

describe('getPrograms', () => {
  test('the programs named, most recently updated first; missing ids left out', async () => {
    const db = await open();
    const saved = await seed(db, 10);
    const ids = [saved[2]!.id, 'acgme:0000000000', saved[7]!.id, saved[4]!.id];
    const { programs, skipped } = await db.getPrograms(ids);
    expect(programs).toEqual(newestFirst([saved[2]!, saved[7]!, saved[4]!]));
    expect(skipped).toEqual([]);
    expect(reports).toEqual([]);
    expect(await db.getPrograms([])).toEqual({ programs: [], skipped: [] });
  });

  test('a corrupt record is skipped and reported under its id', async () => {
    const db = await open();
    const saved = await seed(db, 3);
    await writeRaw(factory, 'programs', { id: 'acgme:bad', name: 42 });
    const { programs, skipped } = await db.getPrograms([saved[0]!.id, 'acgme:bad', saved[1]!.id]);
    expect(programs).toEqual(newestFirst([saved[0]!, saved[1]!]));
    expect(skipped.map((s) => s.key)).toEqual(['acgme:bad']);
    expect(skipped[0]!.error).toMatch(/^name: /);
    expect(reports).toEqual([expect.objectContaining({ store: 'programs', key: 'acgme:bad' })]);
  });
});

/** Database version 2 exactly as the v2 code laid it out, filled with tests/fixtures/db/v2.json. */
const writeV2 = (factory: IDBFactory, fixture: Fixture) =>
  writeOld(factory, 2, (d) => {
    d.createObjectStore('profile');
    d.createObjectStore('programs', { keyPath: 'id' }).createIndex('by-updated', 'updatedAt');
    d.createObjectStore('pages', { keyPath: 'url' }).createIndex('by-program', 'programId');
  }, fixture);

describe('upgrade from version 2', () => {
  const byKey = (key: string) => (a: Record<string, unknown>, b: Record<string, unknown>) => String(a[key]).localeCompare(String(b[key]));

  test('adds the views store; every record is kept as it was (the v3 fixture)', async () => {
    await writeV2(factory, v2);
    const db = await open();
    expect(await db.getDigest()).toBeNull();
    expect(await db.getProfile()).toEqual(profileSchema.parse(v3.profile));
    expect((await db.listPrograms()).programs).toEqual(newestFirst(v3.programs.map((p) => programSchema.parse(p))));
    expect(reports).toEqual([]);
    db.close();

    const raw = await openRaw(factory);
    expect(raw.version).toBe(3);
    expect([...raw.objectStoreNames].sort()).toEqual(['pages', 'profile', 'programs', 'views']);
    const tx = raw.transaction(['profile', 'programs', 'pages', 'views']);
    const [storedProfile, programs, pages, views] = await Promise.all([
      req(tx.objectStore('profile').get('me')),
      req(tx.objectStore('programs').getAll()),
      req(tx.objectStore('pages').getAll()),
      req(tx.objectStore('views').getAll()),
    ]);
    expect([...tx.objectStore('programs').indexNames]).toEqual(['by-updated']);
    expect([...tx.objectStore('pages').indexNames]).toEqual(['by-program']);
    raw.close();
    expect(storedProfile).toEqual(v3.profile);
    expect(programs.sort(byKey('id'))).toEqual([...v3.programs].sort(byKey('id')));
    expect(pages.sort(byKey('url'))).toEqual([...v3.pages].sort(byKey('url')));
    expect(views).toEqual([]);
  });

  test('the upgraded database takes a digest and drops it on a write', async () => {
    await writeV2(factory, v2);
    const db = await open();
    const digest = (await db.rebuildDigest(build()))!;
    expect(digest.total).toBe(v3.programs.length);
    expect(await db.getDigest()).toEqual(digest);
    await db.updateProgram(v3.programs[0]!.id, (p) => ({ ...p, notes: 'x' }));
    expect(await db.getDigest()).toBeNull();
  });

  test('from version 1, both steps run: the v3 records and the views store', async () => {
    await writeV1(factory, v1);
    (await open()).close();
    const raw = await openRaw(factory);
    expect(raw.version).toBe(3);
    expect(raw.objectStoreNames.contains('views')).toBe(true);
    const programs = await req(raw.transaction('programs').objectStore('programs').getAll());
    raw.close();
    expect(programs.sort(byKey('id'))).toEqual([...v3.programs].sort(byKey('id')));
  });
});
