import 'fake-indexeddb/auto'; // idb (for filling the database) checks `instanceof IDBRequest` against the globals
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fit } from '../../../lib/core/fit/fit';
import { buildDigest } from '../../../lib/core/list/digest';
import { listItems } from '../../../lib/core/list/evaluate';
import type { ListDigest } from '../../../lib/core/schema/digest';
import type { Program } from '../../../lib/core/schema/program';
import { openSmartPickDb, type SmartPickDb } from '../../../lib/platform/db';
import { DB_NAME, DB_VERSION, DIGEST_KEY } from '../../../lib/platform/db-names';
import { startListPrefetch, takeListPrefetch, type RawList } from '../../../lib/platform/list-prefetch';
import { makeProgram } from '../../fixtures/programs';
import { EXAMPLE_PROFILE } from '../../fixtures/profiles';

// The popup's prefetch (lib/platform/list-prefetch.ts): a raw read of the profile, the digest and
// the programs it names, that never creates or upgrades the database.

const NOW = new Date('2026-01-15T12:00:00.000Z');

function req<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Opens raw; reports whether an upgrade ran and from which version. */
function openRaw(f: IDBFactory, version?: number, upgrade?: (db: IDBDatabase) => void): Promise<{ db: IDBDatabase; upgradedFrom: number | null }> {
  const request = f.open(DB_NAME, version);
  let upgradedFrom: number | null = null;
  request.onupgradeneeded = (e) => {
    upgradedFrom = e.oldVersion;
    upgrade?.(request.result);
  };
  return req(request).then((db) => ({ db, upgradedFrom }));
}

let factory: IDBFactory;
let opened: SmartPickDb[];
async function open(): Promise<SmartPickDb> {
  const db = await openSmartPickDb(factory, DB_NAME, { onCorrupt: () => {} });
  opened.push(db);
  return db;
}

/** Starts the prefetch on the test's factory and takes its answer. */
async function prefetch(): Promise<RawList | null> {
  startListPrefetch(factory);
  const p = takeListPrefetch();
  expect(p).not.toBeNull();
  return p!;
}

const build = (profile: Parameters<typeof buildDigest>[2], list: { programs: Program[]; skipped: unknown[] }): ListDigest =>
  buildDigest(listItems(fit, profile, list.programs, NOW), list.skipped.length, profile, NOW);

async function filled(n: number, digest: boolean): Promise<{ db: SmartPickDb; programs: Program[]; digest: ListDigest | null }> {
  const db = await open();
  await db.setProfile(EXAMPLE_PROFILE);
  const programs = Array.from({ length: n }, (_, i) => makeProgram(i));
  for (const p of programs) await db.putProgram(p);
  return { db, programs, digest: digest ? await db.rebuildDigest(build) : null };
}

beforeEach(() => {
  factory = new IDBFactory();
  opened = [];
});
afterEach(() => {
  for (const db of opened) db.close();
  takeListPrefetch(); // nothing left over for the next test
});

describe('no usable database: gives up without touching anything', () => {
  test('none yet: null, and no database is left behind', async () => {
    expect(await prefetch()).toBeNull();
    expect(await factory.databases()).toEqual([]);
    const { db, upgradedFrom } = await openRaw(factory);
    expect(upgradedFrom).toBe(0);
    expect(db.version).toBe(1);
    expect([...db.objectStoreNames]).toEqual([]);
    db.close();
  });

  test('none yet: it does not even open one (an open to abort could race the background creating it)', async () => {
    const opens = vi.spyOn(factory, 'open');
    expect(await prefetch()).toBeNull();
    expect(opens).not.toHaveBeenCalled();
  });

  test('a browser without indexedDB.databases(): null, without opening', async () => {
    const opens = vi.spyOn(factory, 'open');
    Object.defineProperty(factory, 'databases', { value: undefined, configurable: true });
    expect(await prefetch()).toBeNull();
    expect(opens).not.toHaveBeenCalled();
  });

  test('at version 2 (not yet upgraded): null, and the database stays at version 2 with its records', async () => {
    const { db: v2 } = await openRaw(factory, 2, (d) => {
      d.createObjectStore('profile');
      d.createObjectStore('programs', { keyPath: 'id' }).createIndex('by-updated', 'updatedAt');
      d.createObjectStore('pages', { keyPath: 'url' }).createIndex('by-program', 'programId');
    });
    await req(v2.transaction('programs', 'readwrite').objectStore('programs').put(makeProgram(1)));
    v2.close();

    expect(await prefetch()).toBeNull();
    const { db, upgradedFrom } = await openRaw(factory);
    expect(upgradedFrom).toBeNull();
    expect(db.version).toBe(2);
    expect(db.objectStoreNames.contains('views')).toBe(false);
    expect(await req(db.transaction('programs').objectStore('programs').count())).toBe(1);
    db.close();
    // …and the prefetch's connection is closed, so the real upgrade is not blocked.
    const repo = await open();
    expect((await repo.listPrograms()).programs).toHaveLength(1);
  });

  test('at a newer version than this code knows: null', async () => {
    const { db } = await openRaw(factory, DB_VERSION + 1, (d) => {
      d.createObjectStore('profile');
      d.createObjectStore('programs', { keyPath: 'id' });
      d.createObjectStore('views');
    });
    db.close();
    expect(await prefetch()).toBeNull();
  });

  test('no IndexedDB at all: nothing started', () => {
    const saved = globalThis.indexedDB;
    try {
      (globalThis as { indexedDB?: IDBFactory }).indexedDB = undefined;
      startListPrefetch();
      expect(takeListPrefetch()).toBeNull();
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});

describe('reading', () => {
  test('no digest: every program (all: true), with its key, and the profile', async () => {
    const { programs } = await filled(12, false);
    const raw = await prefetch();
    expect(raw).not.toBeNull();
    expect(raw!.all).toBe(true);
    expect(raw!.digest).toBeUndefined();
    expect(raw!.profile).toEqual(EXAMPLE_PROFILE);
    expect(raw!.values).toHaveLength(12);
    expect(raw!.keys).toEqual((raw!.values as Program[]).map((v) => v.id));
    expect([...(raw!.values as Program[])].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...programs].sort((a, b) => a.id.localeCompare(b.id)));
  });

  test('no profile and no programs: an empty whole list', async () => {
    await open();
    expect(await prefetch()).toEqual({ profile: undefined, digest: undefined, values: [], keys: [], all: true });
  });

  test('a digest: only the programs it names, with the digest as stored', async () => {
    const { programs, digest } = await filled(40, true);
    const named = new Set(Object.values(digest!.recent).flat());
    expect(named.size).toBeGreaterThan(0);
    expect(named.size).toBeLessThan(40);
    const raw = await prefetch();
    expect(raw!.all).toBe(false);
    expect(raw!.digest).toEqual(digest);
    expect(raw!.profile).toEqual(EXAMPLE_PROFILE);
    expect(new Set(raw!.keys)).toEqual(named);
    expect(raw!.keys).toHaveLength(named.size);
    expect(raw!.values).toEqual(raw!.keys.map((k) => programs.find((p) => p.id === k)));
  });

  test('a named program that is gone is left out', async () => {
    const { programs, digest } = await filled(8, true);
    const gone = digest!.recent.realistic[0] ?? Object.values(digest!.recent).flat()[0]!;
    // Delete it behind the repository's back (a write would drop the digest too).
    const { db } = await openRaw(factory);
    await req(db.transaction('programs', 'readwrite').objectStore('programs').delete(gone));
    db.close();
    const raw = await prefetch();
    const named = Object.values(digest!.recent).flat();
    expect(raw!.all).toBe(false);
    expect(raw!.keys).not.toContain(gone);
    expect(new Set(raw!.keys)).toEqual(new Set(named.filter((id) => id !== gone)));
    expect(raw!.values).toEqual(raw!.keys.map((k) => programs.find((p) => p.id === k)));
  });

  test('a digest of the wrong shape names nothing: no programs, and not all', async () => {
    await filled(5, false);
    const { db } = await openRaw(factory);
    await req(db.transaction('views', 'readwrite').objectStore('views').put({ recent: 'nope' }, DIGEST_KEY));
    db.close();
    const raw = await prefetch();
    expect(raw).toMatchObject({ all: false, values: [], keys: [], digest: { recent: 'nope' } });
  });

  test('a write after the digest dropped it: back to the whole list', async () => {
    const { db } = await filled(10, true);
    await db.putProgram(makeProgram(77));
    const raw = await prefetch();
    expect(raw!.all).toBe(true);
    expect(raw!.values).toHaveLength(11);
  });
});

describe('takeListPrefetch', () => {
  test('the started read once, then null', async () => {
    await filled(3, false);
    expect(takeListPrefetch()).toBeNull();
    startListPrefetch(factory);
    const first = takeListPrefetch();
    expect(first).toBeInstanceOf(Promise);
    expect(takeListPrefetch()).toBeNull();
    expect((await first)!.values).toHaveLength(3);
  });

  test('a second start replaces the first', async () => {
    await filled(2, false);
    startListPrefetch(new IDBFactory()); // an empty one: null
    startListPrefetch(factory);
    expect((await takeListPrefetch())!.values).toHaveLength(2);
    expect(takeListPrefetch()).toBeNull();
  });
});
