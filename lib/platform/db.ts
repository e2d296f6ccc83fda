import { openDB, wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type OpenDBCallbacks, type StoreNames } from 'idb';
import { z } from 'zod';
import { migrationFor, type RecordMigration, type StoreName } from '../core/migrations/index';
import { BACKUP_FORMAT, BACKUP_VERSION, backupSchema, type Backup } from '../core/schema/backup';
import { profileSchema, type Profile, type ProfileInput } from '../core/schema/profile';
import { pageRecordSchema, programSchema, type PageRecord, type Program, type ProgramInput } from '../core/schema/program';

// The extension's one database (DESIGN.md "Contexts and ownership"): the background writes, the
// popup may read. Nothing read from it is trusted: every record passes zod on the way out, and a
// record that fails is reported and skipped so one bad row never hides the rest of the list.
// Every write is parsed on the way in, so what this module writes always reads back.

import { DB_NAME, DB_VERSION, DIGEST_KEY, PROFILE_KEY } from './db-names';
import { listDigestSchema, type ListDigest } from '../core/schema/digest';
export { DB_NAME, DB_VERSION };
const STORES = ['profile', 'programs', 'pages'] as const satisfies readonly StoreName[];

// Values are `unknown`: the type says what the store may hold, not what we hope it holds.
interface SmartPickSchema extends DBSchema {
  profile: { key: string; value: unknown };
  programs: { key: string; value: unknown; indexes: { 'by-updated': string } };
  pages: { key: string; value: unknown; indexes: { 'by-program': string } };
  /** Derived values (the list digest): never the only copy of anything, dropped by every write. */
  views: { key: string; value: unknown };
}
type Db = IDBPDatabase<SmartPickSchema>;
type UpgradeTx = IDBPTransaction<SmartPickSchema, StoreNames<SmartPickSchema>[], 'versionchange'>;

/**
 * The schema half of each version step (stores and indexes); the record half lives in
 * lib/core/migrations and runs after these, in the same upgrade transaction.
 */
const SCHEMA_STEPS: Record<number, (db: Db, tx: UpgradeTx) => void> = {
  1: (db) => {
    db.createObjectStore('profile'); // one record, key 'me'
    db.createObjectStore('programs', { keyPath: 'id' });
    db.createObjectStore('pages', { keyPath: 'url' }).createIndex('by-program', 'programId');
  },
  // The popup lists the most recently touched programs first.
  2: (_db, tx) => {
    tx.objectStore('programs').createIndex('by-updated', 'updatedAt');
  },
  // The toolbar popup's first screen reads the list digest instead of every program.
  3: (db) => {
    db.createObjectStore('views');
  },
};

export type Result<T> = { ok: true; data: T } | { ok: false; error: string };

/** A write refused because the record does not fit its schema (a bug in the caller: messages are parsed before they get here). */
export class InvalidRecordError extends Error {
  override name = 'InvalidRecordError';
}
export type ImportResult =
  | {
      ok: true;
      /** Programs the file brought that the database did not have. */
      added: number;
      /** Saved programs overwritten by the file's copy. */
      replaced: number;
      /** Merge only: saved programs kept because they were updated after the file's copy. */
      kept: number;
    }
  | { ok: false; error: string };
export interface CorruptRecord {
  store: StoreName;
  key: string;
  error: string;
}
export interface ProgramList {
  /** Most recently updated first. */
  programs: Program[];
  skipped: { key: string; error: string }[];
}
export interface OpenOptions {
  /** Called for every record that fails its schema on read. Default: console.warn. */
  onCorrupt?: (record: CorruptRecord) => void;
}

/**
 * Reads return parsed records (a corrupt one is reported and skipped, or read as null); writes parse
 * first and throw InvalidRecordError, naming the field, rather than store something unreadable.
 */
export interface SmartPickDb {
  getProfile(): Promise<Profile | null>;
  setProfile(profile: ProfileInput): Promise<void>;
  listPrograms(): Promise<ProgramList>;
  /** The `limit` most recently updated programs, read through the 'by-updated' index. */
  recentPrograms(limit: number): Promise<Program[]>;
  getProgram(id: string): Promise<Program | null>;
  /** These programs (missing ids are left out; corrupt records reported and skipped), most recent first. */
  getPrograms(ids: readonly string[]): Promise<ProgramList>;
  putProgram(program: ProgramInput): Promise<void>;
  /**
   * Read-modify-write in one readwrite transaction, so concurrent updates from two contexts are
   * applied one after the other and neither is lost. `fn` must be synchronous (an await inside it
   * would let the transaction commit early) and sets `updatedAt` itself (time is the caller's).
   * Null when no readable program has that id (an unreadable one is reported, and a later
   * putProgram may overwrite it); throws when `fn` throws, returns an invalid program or changes the id.
   */
  updateProgram(id: string, fn: (program: Program) => Program): Promise<Program | null>;
  /** Removes the program and its pages (false if there was none); a page another saved program also lists is kept and moved to it. */
  removeProgram(id: string): Promise<boolean>;
  putPage(page: PageRecord): Promise<void>;
  pagesFor(programId: string): Promise<PageRecord[]>;
  exportBackup(now: Date): Promise<Backup>;
  /**
   * `input` is the parsed file or its JSON text. Validated whole before anything is written, then
   * applied in one transaction over every store. 'replace' makes the database equal the file;
   * 'merge' adds the file's programs, and on the same id keeps whichever copy was updated last
   * (the saved profile wins; the file's is used only when none is saved).
   */
  importBackup(input: unknown, mode: 'replace' | 'merge'): Promise<ImportResult>;
  deleteAll(): Promise<void>;
  /** The list digest, or null when there is none (every write drops it) or it does not parse. */
  getDigest(): Promise<ListDigest | null>;
  /**
   * Builds the list digest from the profile and every program and stores it, unless a write came
   * between the read and the store (then null: that write's own rebuild follows). Readers are
   * never held up: the read is a readonly transaction.
   */
  rebuildDigest(build: (profile: Profile | null, list: ProgramList) => ListDigest): Promise<ListDigest | null>;
  close(): void;
}

/**
 * Opens (creating or upgrading) the database. `factory` defaults to the context's `indexedDB`;
 * tests pass a fresh fake-indexeddb `IDBFactory`.
 */
export async function openSmartPickDb(factory?: IDBFactory, name: string = DB_NAME, options: OpenOptions = {}): Promise<SmartPickDb> {
  const callbacks: OpenDBCallbacks<SmartPickSchema> = {
    upgrade,
    // A newer version of the extension wants to upgrade: step aside rather than block it forever.
    blocking: () => db.close(),
  };
  const db = factory ? await openWith(factory, name, DB_VERSION, callbacks) : await openDB<SmartPickSchema>(name, DB_VERSION, callbacks);
  return repo(db, options.onCorrupt ?? warnCorrupt);
}

function upgrade(db: Db, oldVersion: number, newVersion: number | null, tx: UpgradeTx): void {
  const target = newVersion ?? DB_VERSION;
  for (let v = oldVersion + 1; v <= target; v++) SCHEMA_STEPS[v]?.(db, tx);
  for (const store of STORES) {
    const migrate = migrationFor(store, oldVersion, target);
    if (migrate) void migrateStore(tx, store, migrate);
  }
}

/** One cursor pass applying the store's record migrations; any failure aborts the whole upgrade. */
async function migrateStore(tx: UpgradeTx, store: StoreName, migrate: RecordMigration): Promise<void> {
  try {
    let cursor = await tx.objectStore(store).openCursor();
    while (cursor) {
      const next = migrate(cursor.value);
      if (next !== cursor.value) await cursor.update(next);
      cursor = await cursor.continue();
    }
  } catch {
    // Aborting leaves the database at its old version with its old records: nothing half-done.
    try {
      tx.abort();
    } catch {
      /* already aborted */
    }
  }
}

/** idb's openDB, on a given factory (openDB itself always uses the global `indexedDB`). */
function openWith(factory: IDBFactory, name: string, version: number, { upgrade, blocking }: OpenDBCallbacks<SmartPickSchema>): Promise<Db> {
  const request = factory.open(name, version);
  const opened = wrap(request) as Promise<unknown> as Promise<Db>;
  if (upgrade) {
    request.addEventListener('upgradeneeded', (event) => {
      upgrade(wrap(request.result) as unknown as Db, event.oldVersion, event.newVersion, wrap(request.transaction!) as unknown as UpgradeTx, event);
    });
  }
  return opened.then((db) => {
    if (blocking) db.addEventListener('versionchange', (event) => blocking(event.oldVersion, event.newVersion, event));
    return db;
  });
}

const warnCorrupt = (r: CorruptRecord) => console.warn(`SmartPick: skipped a corrupt ${r.store} record (${r.key}): ${r.error}`);

/**
 * The programs store's raw values (and their keys, same order) → the list: each record parsed,
 * a corrupt one reported and skipped; most recently updated first. Also used on the popup's
 * prefetched read (lib/platform/list-prefetch.ts).
 */
export function parseStoredPrograms(values: readonly unknown[], keys: readonly unknown[], onCorrupt: (r: CorruptRecord) => void = warnCorrupt): ProgramList {
  const programs: Program[] = [];
  const skipped: ProgramList['skipped'] = [];
  values.forEach((raw, i) => {
    const parsed = programSchema.safeParse(raw);
    if (parsed.success) return void programs.push(parsed.data);
    const entry = { key: String(keys[i]), error: describeIssues(parsed.error) };
    skipped.push(entry);
    onCorrupt({ store: 'programs', ...entry });
  });
  programs.sort(byRecent);
  return { programs, skipped };
}

/** The profile store's raw record → the profile; null when none is saved or it is corrupt (reported). */
export function parseStoredProfile(raw: unknown, onCorrupt: (r: CorruptRecord) => void = warnCorrupt): Profile | null {
  if (raw === undefined) return null;
  const parsed = profileSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  onCorrupt({ store: 'profile', key: PROFILE_KEY, error: describeIssues(parsed.error) });
  return null;
}

/** A stored list digest → the digest, or null (none, or a shape this version does not read: it is rebuilt). */
export function parseStoredDigest(raw: unknown): ListDigest | null {
  if (raw === undefined) return null;
  const parsed = listDigestSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Key of the write stamp in the views store: a fresh value on every write. */
const STAMP_KEY = 'write-stamp';

/**
 * Every write drops the digest and leaves a fresh stamp, in its own transaction: a digest that
 * exists matches the data, and a rebuild that read before the write sees the stamp changed.
 */
function dropDigest(tx: { objectStore(name: 'views'): { delete(key: string): Promise<unknown>; put(value: unknown, key: string): Promise<unknown> } }): Promise<unknown> {
  const views = tx.objectStore('views');
  return Promise.all([views.delete(DIGEST_KEY), views.put(`${Date.now()}-${Math.random()}`, STAMP_KEY)]);
}

function repo(db: Db, onCorrupt: (r: CorruptRecord) => void): SmartPickDb {
  /** Parses one stored record; reports and returns null when it does not fit. */
  function read<T>(schema: z.ZodType<T>, store: StoreName, key: unknown, raw: unknown): T | null {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    onCorrupt({ store, key: String(key), error: describeIssues(parsed.error) });
    return null;
  }

  return {
    async getProfile() {
      return parseStoredProfile(await db.get('profile', PROFILE_KEY), onCorrupt);
    },

    async setProfile(input) {
      const profile = check(profileSchema, 'profile', input);
      const tx = db.transaction(['profile', 'views'], 'readwrite');
      await Promise.all([tx.objectStore('profile').put(profile, PROFILE_KEY), dropDigest(tx), tx.done]);
    },

    async listPrograms() {
      const tx = db.transaction('programs');
      const [values, keys] = await Promise.all([tx.store.getAll(), tx.store.getAllKeys(), tx.done]);
      return parseStoredPrograms(values, keys, onCorrupt);
    },

    async recentPrograms(limit) {
      const out: Program[] = [];
      if (limit <= 0) return out;
      const tx = db.transaction('programs');
      let cursor = await tx.store.index('by-updated').openCursor(null, 'prev');
      while (cursor && out.length < limit) {
        const program = read(programSchema, 'programs', cursor.primaryKey, cursor.value);
        if (program) out.push(program);
        cursor = await cursor.continue();
      }
      return out;
    },

    async getProgram(id) {
      const raw = await db.get('programs', id);
      return raw === undefined ? null : read(programSchema, 'programs', id, raw);
    },

    async getPrograms(ids) {
      const tx = db.transaction('programs');
      const values = await Promise.all(ids.map((id) => tx.store.get(id)));
      await tx.done;
      const found = values.flatMap((v, i) => (v === undefined ? [] : [[v, ids[i]] as const]));
      return parseStoredPrograms(found.map(([v]) => v), found.map(([, k]) => k), onCorrupt);
    },

    async putProgram(input) {
      const program = canonicalDates(check(programSchema, 'program', input));
      const tx = db.transaction(['programs', 'views'], 'readwrite');
      await Promise.all([tx.objectStore('programs').put(program), dropDigest(tx), tx.done]);
    },

    async updateProgram(id, fn) {
      const tx = db.transaction(['programs', 'views'], 'readwrite');
      try {
        const raw = await tx.objectStore('programs').get(id);
        const current = raw === undefined ? null : read(programSchema, 'programs', id, raw);
        if (!current) {
          abort(tx);
          return null;
        }
        const program = canonicalDates(check(programSchema, 'program', fn(current)));
        if (program.id !== id) throw new InvalidRecordError(`program.id: an update cannot change the id (${id} → ${program.id})`);
        await Promise.all([tx.objectStore('programs').put(program), dropDigest(tx), tx.done]);
        return program;
      } catch (e) {
        abort(tx);
        throw e;
      }
    },

    async removeProgram(id) {
      const tx = db.transaction(['programs', 'pages', 'views'], 'readwrite');
      const programs = tx.objectStore('programs');
      const pages = tx.objectStore('pages');
      const removed = (await programs.getKey(id)) !== undefined;
      if (!removed) {
        abort(tx);
        return false;
      }
      await programs.delete(id);
      // Who else lists each url? Read leniently: a page is only deleted when no record could still
      // want it, so a half-readable program keeps its pages too.
      const users = new Map<string, string>();
      for (const raw of await programs.getAll()) {
        const p = urlsOnlySchema.safeParse(raw);
        if (p.success) for (const url of p.data.urls) if (!users.has(url)) users.set(url, p.data.id);
      }
      const [pageValues, pageKeys] = await Promise.all([pages.index('by-program').getAll(id), pages.index('by-program').getAllKeys(id)]);
      const writes = pageKeys.map((url, i) => {
        const owner = users.get(url);
        return owner === undefined ? pages.delete(url) : pages.put({ ...(pageValues[i] as object), programId: owner });
      });
      await Promise.all([...writes, dropDigest(tx), tx.done]);
      return true;
    },

    async putPage(input) {
      await db.put('pages', check(pageRecordSchema, 'page', input));
    },

    async pagesFor(programId) {
      const tx = db.transaction('pages');
      const index = tx.store.index('by-program');
      const [values, keys] = await Promise.all([index.getAll(programId), index.getAllKeys(programId), tx.done]);
      return values.flatMap((raw, i) => read(pageRecordSchema, 'pages', keys[i], raw) ?? []);
    },

    async exportBackup(now) {
      const tx = db.transaction(['profile', 'programs', 'pages']);
      const programs = tx.objectStore('programs');
      const pages = tx.objectStore('pages');
      const [profileRaw, programValues, programKeys, pageValues, pageKeys] = await Promise.all([
        tx.objectStore('profile').get(PROFILE_KEY),
        programs.getAll(),
        programs.getAllKeys(),
        pages.getAll(),
        pages.getAllKeys(),
        tx.done,
      ]);
      return {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: now.toISOString(),
        profile: profileRaw === undefined ? null : read(profileSchema, 'profile', PROFILE_KEY, profileRaw),
        programs: programValues.flatMap((raw, i) => read(programSchema, 'programs', programKeys[i], raw) ?? []),
        pages: pageValues.flatMap((raw, i) => read(pageRecordSchema, 'pages', pageKeys[i], raw) ?? []),
      };
    },

    async importBackup(input, mode) {
      const checked = validateBackup(input);
      if (!checked.ok) return checked;
      const backup = { ...checked.data, programs: checked.data.programs.map(canonicalDates) };
      const tx = db.transaction(['profile', 'programs', 'pages', 'views'], 'readwrite');
      const profiles = tx.objectStore('profile');
      const programs = tx.objectStore('programs');
      const pages = tx.objectStore('pages');
      const writes: Promise<unknown>[] = [dropDigest(tx)];
      try {
        let added = 0;
        let replaced = 0;
        let kept = 0;
        if (mode === 'replace') {
          const existing = new Set(await programs.getAllKeys());
          writes.push(profiles.clear(), programs.clear(), pages.clear());
          if (backup.profile) writes.push(profiles.put(backup.profile, PROFILE_KEY));
          for (const p of backup.programs) {
            if (existing.has(p.id)) replaced++;
            else added++;
            writes.push(programs.put(p));
          }
          for (const page of backup.pages) writes.push(pages.put(page));
        } else {
          const [savedProfile, programValues, programKeys, pageValues, pageKeys] = await Promise.all([
            profiles.get(PROFILE_KEY),
            programs.getAll(),
            programs.getAllKeys(),
            pages.getAll(),
            pages.getAllKeys(),
          ]);
          if (backup.profile && !profileSchema.safeParse(savedProfile).success) writes.push(profiles.put(backup.profile, PROFILE_KEY));
          // Saved copies' times, read leniently: an unreadable saved copy counts as oldest.
          const savedAt = timesBy(programKeys, programValues, 'updatedAt');
          for (const p of backup.programs) {
            const saved = savedAt.get(p.id);
            if (saved === undefined) added++;
            else if (Date.parse(p.updatedAt) >= saved) replaced++;
            else {
              kept++;
              continue;
            }
            writes.push(programs.put(p));
          }
          const readAt = timesBy(pageKeys, pageValues, 'readAt');
          for (const page of backup.pages) {
            const saved = readAt.get(page.url);
            if (saved === undefined || Date.parse(page.readAt) >= saved) writes.push(pages.put(page));
          }
        }
        await Promise.all([...writes, tx.done]);
        return { ok: true, added, replaced, kept };
      } catch (e) {
        abort(tx, writes);
        return { ok: false, error: `nothing was imported: ${e instanceof Error ? e.message : String(e)}` };
      }
    },

    async deleteAll() {
      const tx = db.transaction(['profile', 'programs', 'pages', 'views'], 'readwrite');
      const cleared = tx.objectStore('views').clear();
      await Promise.all([...STORES.map((s) => tx.objectStore(s).clear()), cleared.then(() => dropDigest(tx)), tx.done]);
    },

    async getDigest() {
      return parseStoredDigest(await db.get('views', DIGEST_KEY));
    },

    async rebuildDigest(build) {
      // Read in a readonly transaction (readers of the list need not wait for the build), then
      // store only if no write came meanwhile: the write stamp is what it was when we read.
      const read = db.transaction(['profile', 'programs', 'views']);
      const programs = read.objectStore('programs');
      const [profileRaw, values, keys, stamp] = await Promise.all([
        read.objectStore('profile').get(PROFILE_KEY),
        programs.getAll(),
        programs.getAllKeys(),
        read.objectStore('views').get(STAMP_KEY),
        read.done,
      ]);
      const digest = listDigestSchema.parse(build(parseStoredProfile(profileRaw, onCorrupt), parseStoredPrograms(values, keys, onCorrupt)));
      const tx = db.transaction('views', 'readwrite');
      if ((await tx.store.get(STAMP_KEY)) !== stamp) {
        abort(tx);
        return null;
      }
      await Promise.all([tx.store.put(digest, DIGEST_KEY), tx.done]);
      return digest;
    },

    close() {
      db.close();
    },
  };
}

/** Parses a record about to be written; throws InvalidRecordError naming the field ("program.urls[0]: …"). */
function check<T>(schema: z.ZodType<T>, what: string, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new InvalidRecordError(describeIssues(parsed.error, 3, what));
}

const urlsOnlySchema = z.object({ id: z.string(), urls: z.array(z.string()) });

const envelopeSchema = backupSchema.pick({ format: true, version: true });

/** The whole file checked before any write; errors name the field ("programs[3].urls[0]: …"). */
export function validateBackup(input: unknown): Result<Backup> {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (e) {
      return { ok: false, error: `not a SmartPick backup: the file is not JSON (${e instanceof Error ? e.message : String(e)})` };
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, error: 'not a SmartPick backup: expected a JSON object with format, version, profile, programs and pages' };
  // Format and version first: in another program's file every other field would be noise.
  const envelope = envelopeSchema.safeParse(data);
  if (!envelope.success) return { ok: false, error: describeIssues(envelope.error) };
  const parsed = backupSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
  const duplicate = firstDuplicate(parsed.data.programs.map((p) => p.id), 'programs', 'id') ?? firstDuplicate(parsed.data.pages.map((p) => p.url), 'pages', 'url');
  if (duplicate) return { ok: false, error: duplicate };
  return { ok: true, data: parsed.data };
}

function firstDuplicate(keys: string[], list: string, field: string): string | null {
  const seen = new Map<string, number>();
  for (const [i, key] of keys.entries()) {
    const first = seen.get(key);
    if (first !== undefined) return `${list}[${i}].${field}: ${JSON.stringify(key)} appears twice (also ${list}[${first}])`;
    seen.set(key, i);
  }
  return null;
}

/** "programs[3].urls[0]: must be a web address"; at most three issues, then a count. */
export function describeIssues(error: z.ZodError, max = 3, root = ''): string {
  const path = (p: PropertyKey[]) =>
    p.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), root) || '(root)';
  const shown = error.issues.slice(0, max).map((i) => `${path(i.path)}: ${i.message}`);
  const more = error.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/** ISO strings from toISOString sort as times do; the 'by-updated' index relies on that. */
function canonicalDates(p: Program): Program {
  return { ...p, addedAt: new Date(p.addedAt).toISOString(), updatedAt: new Date(p.updatedAt).toISOString() };
}

function byRecent(a: Program, b: Program): number {
  return Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function timesBy(keys: IDBValidKey[], values: unknown[], field: string): Map<IDBValidKey, number> {
  const out = new Map<IDBValidKey, number>();
  keys.forEach((key, i) => {
    const v = values[i];
    const t = typeof v === 'object' && v !== null ? Date.parse(String((v as Record<string, unknown>)[field])) : NaN;
    out.set(key, Number.isNaN(t) ? -Infinity : t);
  });
  return out;
}

/** Abort without leaving tx.done or the requests it cancels as unhandled rejections. */
function abort(tx: { done: Promise<void>; abort(): void }, pending: Promise<unknown>[] = []): void {
  for (const p of [tx.done, ...pending]) p.catch(() => {});
  try {
    tx.abort();
  } catch {
    /* already finished */
  }
}
