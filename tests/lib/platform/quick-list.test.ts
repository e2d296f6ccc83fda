import 'fake-indexeddb/auto'; // idb checks `instanceof IDBRequest` etc. against the globals
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fit } from '../../../lib/core/fit/fit';
import { buildDigest, digestIds } from '../../../lib/core/list/digest';
import { listItems } from '../../../lib/core/list/evaluate';
import type { ListDigest } from '../../../lib/core/schema/digest';
import type { Tier } from '../../../lib/core/schema/fit';
import type { Profile } from '../../../lib/core/schema/profile';
import type { Program } from '../../../lib/core/schema/program';
import { openSmartPickDb, type ProgramList, type SmartPickDb } from '../../../lib/platform/db';
import { DB_NAME } from '../../../lib/platform/db-names';
import { startListPrefetch, takeListPrefetch } from '../../../lib/platform/list-prefetch';
import { readListDirect, readQuickList, type ListReply } from '../../../lib/platform/popup-actions';
import { makeProgram } from '../../fixtures/programs';
import { EXAMPLE_PROFILE } from '../../fixtures/profiles';

// The popup's own reads (lib/platform/popup-actions.ts) on a real (fake-indexeddb) database filled
// the way the background fills it: readQuickList answers from the list digest when it still
// describes the data, and the whole list otherwise; readListDirect always answers the whole list.

const BUILT = new Date('2026-01-15T12:00:00.000Z');
const LATER = new Date('2026-01-20T09:00:00.000Z'); // same season
const NEXT_SEASON = new Date('2026-06-02T09:00:00.000Z');

/** What the background builds (entrypoints/background/index.ts). */
const build = (at: Date = BUILT) => (profile: Profile | null, list: ProgramList): ListDigest =>
  buildDigest(listItems(fit, profile, list.programs, at), list.skipped.length, profile, at);

let factory: IDBFactory;
let savedIndexedDb: IDBFactory;
let opened: SmartPickDb[];

beforeEach(() => {
  factory = new IDBFactory();
  savedIndexedDb = globalThis.indexedDB;
  globalThis.indexedDB = factory;
  opened = [];
});
afterEach(() => {
  for (const db of opened) db.close();
  globalThis.indexedDB = savedIndexedDb;
  takeListPrefetch();
  vi.restoreAllMocks();
});

async function open(): Promise<SmartPickDb> {
  const db = await openSmartPickDb(factory, DB_NAME, { onCorrupt: () => {} });
  opened.push(db);
  return db;
}

const N = 40;

/** 40 programs spread over the tiers, the example profile, and (by default) the digest. */
async function filled(opts: { digest?: boolean; profile?: Profile | null } = {}) {
  const db = await open();
  const profile = opts.profile === undefined ? EXAMPLE_PROFILE : opts.profile;
  if (profile) await db.setProfile(profile);
  const programs = Array.from({ length: N }, (_, i) => makeProgram(i));
  for (const p of programs) await db.putProgram(p);
  const digest = opts.digest === false ? null : await db.rebuildDigest(build());
  return { db, programs, digest };
}

const ids = (r: ListReply) => r.programs.map((p) => p.program.id);
const sorted = (xs: string[]) => [...xs].sort();

/** Every row as the whole list scores it at `now`. */
function wholeList(programs: Program[], profile: Profile | null, now: Date) {
  return new Map(listItems(fit, profile, programs, now).map((i) => [i.program.id, i]));
}

function expectWhole(reply: ListReply, programs: Program[], now: Date) {
  expect(reply.partial).toBeUndefined();
  expect(sorted(ids(reply))).toEqual(sorted(programs.map((p) => p.id)));
  const whole = wholeList(programs, EXAMPLE_PROFILE, now);
  for (const row of reply.programs) expect(row.tier).toBe(whole.get(row.program.id)!.tier);
}

describe('readQuickList from the database', () => {
  test('the digest’s figures and exactly its programs, scored into the tiers it says', async () => {
    const { digest, programs } = await filled();
    // A list that spreads over several tiers, so the check below means something.
    expect(Object.values(digest!.counts).filter((n) => n > 0).length).toBeGreaterThan(1);
    const reply = await readQuickList(LATER);
    expect(reply.partial).toEqual({ total: digest!.total, skipped: digest!.skipped, counts: digest!.counts, specialties: digest!.specialties });
    expect(reply.partial!.total).toBe(N);
    expect(sorted(ids(reply))).toEqual(sorted(digestIds(digest!)));
    expect(reply.programs.length).toBeLessThan(N);
    expect(reply.profileSet).toBe(true);
    expect(reply.profile).toEqual(EXAMPLE_PROFILE);
    expect(reply.skipped).toEqual([]);
    const whole = wholeList(programs, EXAMPLE_PROFILE, LATER);
    for (const row of reply.programs) {
      expect(digest!.recent[row.tier]).toContain(row.program.id);
      expect(row.fit).toEqual(whole.get(row.program.id)!.fit);
      expect(row.program).toEqual(programs.find((p) => p.id === row.program.id));
    }
  });

  test('no profile: the digest still serves, every row not scored yet', async () => {
    const { digest } = await filled({ profile: null });
    const reply = await readQuickList(LATER);
    expect(reply.profileSet).toBe(false);
    expect(reply.profile).toBeNull();
    // Unscored, except the rows the applicant moved (makeProgram pins every 7th to Reach).
    const moved = Array.from({ length: N }, (_, i) => i).filter((i) => i % 7 === 0).length;
    expect(reply.partial?.counts).toEqual({ reach: moved, realistic: 0, safety: 0, ineligible: 0, unknown: N - moved });
    expect(sorted(ids(reply))).toEqual(sorted([...digest!.recent.unknown, ...digest!.recent.reach]));
    for (const row of reply.programs) expect(row.tier).toBe(row.program.tierOverride ?? 'unknown');
    expect(reply.programs.filter((p) => p.tier === 'unknown')).toHaveLength(5);
  });

  test('unreadable records are counted in the figures, not shown', async () => {
    const { db } = await filled({ digest: false });
    const raw = await rawDb();
    await req(raw.transaction('programs', 'readwrite').objectStore('programs').put({ id: 'acgme:bad', name: 3 }));
    raw.close();
    const digest = (await db.rebuildDigest(build()))!;
    expect(digest.skipped).toBe(1);
    const reply = await readQuickList(LATER);
    expect(reply.partial?.skipped).toBe(1);
    expect(reply.partial?.total).toBe(N);
    expect(ids(reply)).not.toContain('acgme:bad');
  });

  test('a digest from last season: the whole list, without figures', async () => {
    const { programs } = await filled();
    expectWhole(await readQuickList(NEXT_SEASON), programs, NEXT_SEASON);
  });

  test('a digest a write dropped: the whole list', async () => {
    const { db, programs } = await filled();
    const extra = makeProgram(500);
    await db.putProgram(extra);
    expect(await db.getDigest()).toBeNull();
    expectWhole(await readQuickList(LATER), [...programs, extra], LATER);
  });

  test('no digest was ever built: the whole list', async () => {
    const { programs } = await filled({ digest: false });
    expectWhole(await readQuickList(LATER), programs, LATER);
  });

  test('a digest whose rows no longer score into the tiers it names: the whole list', async () => {
    const { db, programs, digest } = await filled();
    // The same digest with two tiers' rows swapped: the counts look fine, the rows do not match.
    const [a, b] = (Object.keys(digest!.recent) as Tier[]).filter((t) => digest!.recent[t].length > 0);
    expect(a && b).toBeTruthy();
    await db.rebuildDigest(() => ({ ...digest!, recent: { ...digest!.recent, [a!]: digest!.recent[b!], [b!]: digest!.recent[a!] } }));
    expectWhole(await readQuickList(LATER), programs, LATER);
  });

  test('a digest built for another profile state (profile set vs not): the whole list', async () => {
    const { db, programs } = await filled();
    await db.rebuildDigest((p, list) => ({ ...build()(p, list), profileSet: false }));
    expectWhole(await readQuickList(LATER), programs, LATER);
  });

  test('a digest naming a program that is gone: the whole list', async () => {
    const { programs, digest } = await filled();
    const gone = digestIds(digest!)[0]!;
    const raw = await rawDb();
    await req(raw.transaction('programs', 'readwrite').objectStore('programs').delete(gone));
    raw.close();
    expectWhole(await readQuickList(LATER), programs.filter((p) => p.id !== gone), LATER);
  });

  test('a digest naming a program that no longer reads: the whole list, the bad record counted', async () => {
    const { programs, digest } = await filled();
    const broken = digestIds(digest!)[0]!;
    const raw = await rawDb();
    await req(raw.transaction('programs', 'readwrite').objectStore('programs').put({ ...programs.find((p) => p.id === broken)!, urls: [] }));
    raw.close();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reply = await readQuickList(LATER);
    expectWhole(reply, programs.filter((p) => p.id !== broken), LATER);
    expect(reply.skipped.map((s) => s.key)).toEqual([broken]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(broken));
  });

  test('a corrupt stored digest: the whole list', async () => {
    const { programs } = await filled({ digest: false });
    const raw = await rawDb();
    await req(raw.transaction('views', 'readwrite').objectStore('views').put({ version: 1, recent: {} }, 'list-digest'));
    raw.close();
    expectWhole(await readQuickList(LATER), programs, LATER);
  });

  test('an empty new database: an empty whole list', async () => {
    const reply = await readQuickList(LATER);
    expect(reply).toMatchObject({ profileSet: false, profile: null, programs: [], skipped: [] });
    expect(reply.partial).toBeUndefined();
  });
});

describe('readListDirect', () => {
  test('every program, scored, with the profile, whether or not there is a digest', async () => {
    const { programs } = await filled();
    const reply = await readListDirect(LATER);
    expectWhole(reply, programs, LATER);
    expect(reply.profile).toEqual(EXAMPLE_PROFILE);
    expect(reply.profileSet).toBe(true);
    // Most recently updated first.
    expect(ids(reply)).toEqual([...programs].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).map((p) => p.id));
  });
});

describe('through the prefetch (popup.html’s early read)', () => {
  test('with a digest: the quick list from what was prefetched, without opening the database again', async () => {
    const { digest } = await filled();
    // The prefetch opens the database once (after asking it exists); the read itself never does.
    const opens = vi.spyOn(factory, 'open');
    startListPrefetch(factory);
    const reply = await readQuickList(LATER);
    expect(opens).toHaveBeenCalledTimes(1);
    expect(reply.partial).toEqual({ total: digest!.total, skipped: digest!.skipped, counts: digest!.counts, specialties: digest!.specialties });
    expect(sorted(ids(reply))).toEqual(sorted(digestIds(digest!)));
    expect(reply.profile).toEqual(EXAMPLE_PROFILE);
    expect(takeListPrefetch()).toBeNull(); // used once
  });

  test('without a digest: the whole list from what was prefetched', async () => {
    const { programs } = await filled({ digest: false });
    // The prefetch opens the database once (after asking it exists); the read itself never does.
    const opens = vi.spyOn(factory, 'open');
    startListPrefetch(factory);
    const reply = await readQuickList(LATER);
    expect(opens).toHaveBeenCalledTimes(1);
    expectWhole(reply, programs, LATER);
    expect(reply.profile).toEqual(EXAMPLE_PROFILE);
  });

  test('a stale prefetched digest: the database is read, and the whole list answered', async () => {
    const { programs } = await filled();
    startListPrefetch(factory);
    const reply = await readQuickList(NEXT_SEASON);
    expectWhole(reply, programs, NEXT_SEASON);
  });

  test('readListDirect uses a prefetch that holds every program', async () => {
    const { programs } = await filled({ digest: false });
    // The prefetch opens the database once (after asking it exists); the read itself never does.
    const opens = vi.spyOn(factory, 'open');
    startListPrefetch(factory);
    const reply = await readListDirect(LATER);
    expect(opens).toHaveBeenCalledTimes(1);
    expectWhole(reply, programs, LATER);
  });

  test('readListDirect with a prefetch of only the digest’s rows reads the whole list from the database', async () => {
    const { programs } = await filled();
    startListPrefetch(factory);
    const reply = await readListDirect(LATER);
    expectWhole(reply, programs, LATER);
    expect(takeListPrefetch()).toBeNull();
  });

  test('the prefetch found no database: the quick read opens (and creates) it', async () => {
    startListPrefetch(factory);
    const reply = await readQuickList(LATER);
    expect(reply).toMatchObject({ profileSet: false, programs: [], skipped: [] });
    expect((await factory.databases()).map((d) => d.name)).toEqual([DB_NAME]);
  });
});

// ---- raw access, for what the repository would never do ----

function req<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
const rawDb = () => req(factory.open(DB_NAME));
