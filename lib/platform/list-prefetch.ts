import { DB_NAME, DB_VERSION, DIGEST_KEY, PROFILE_KEY, VIEWS_STORE } from './db-names';

// The popup's first read, started before its main script has loaded. popup.html runs a small
// classic script first (entrypoints/popup-prefetch.ts) that asks IndexedDB for the profile and the
// list digest (lib/core/list/digest.ts) with the few programs it names — or, when there is no
// digest, for every saved program. The main bundle then takes the answer instead of opening the
// database once it has loaded. Everything comes back raw: the main bundle parses every record
// with zod exactly as lib/platform/db.ts does, so nothing here is trusted.
//
// Never an upgrade or a new database from here: if the database is missing or at another version
// (asked with indexedDB.databases(), without opening it) the prefetch gives up (null) and the popup
// opens it the normal way.

export interface RawList {
  /** profile store, key 'me' (undefined: none saved). */
  profile: unknown;
  /** The stored digest (undefined: none). */
  digest: unknown;
  /** Programs store values and their keys (same order): the digest's programs, or all of them when there is no digest. */
  values: unknown[];
  keys: unknown[];
  /** values holds every saved program (no digest was found). */
  all: boolean;
}

const SLOT = '__smartpickListPrefetch';
type Slot = { [SLOT]?: Promise<RawList | null> };

export function startListPrefetch(factory: IDBFactory | undefined = globalThis.indexedDB): void {
  if (!factory) return;
  (globalThis as Slot)[SLOT] = current(factory)
    .then((ok) => (ok ? readRaw(factory) : null))
    .catch(() => null);
}

/**
 * Whether the database exists at this version, asked without opening it: an open that has to be
 * aborted (no database yet) would race the background's own first open, which creates it.
 */
async function current(factory: IDBFactory): Promise<boolean> {
  if (typeof factory.databases !== 'function') return false;
  const dbs = await factory.databases();
  return dbs.some((d) => d.name === DB_NAME && d.version === DB_VERSION);
}

/** The prefetched read, once (a second call gets null: later reloads must read fresh data). */
export function takeListPrefetch(): Promise<RawList | null> | null {
  const slot = globalThis as Slot;
  const p = slot[SLOT] ?? null;
  delete slot[SLOT];
  return p;
}

/** The ids a raw digest names ({ recent: { tier: [ids] } }), read leniently: the main bundle checks the digest itself. */
function namedIds(digest: unknown): string[] {
  const recent = (digest as { recent?: unknown } | null | undefined)?.recent;
  if (!recent || typeof recent !== 'object') return [];
  const ids = new Set<string>();
  for (const list of Object.values(recent)) if (Array.isArray(list)) for (const id of list) if (typeof id === 'string') ids.add(id);
  return [...ids].slice(0, 200);
}

function readRaw(factory: IDBFactory): Promise<RawList | null> {
  return new Promise((resolve) => {
    // The version it has (checked just before): no upgrade. Should one be asked for all the same,
    // abort it, so this read never creates or migrates anything.
    const request = factory.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      const done = (value: RawList | null) => {
        db.close();
        resolve(value);
      };
      const stores = db.objectStoreNames;
      if (db.version !== DB_VERSION || !stores.contains('programs') || !stores.contains('profile') || !stores.contains(VIEWS_STORE)) return done(null);
      try {
        const tx = db.transaction(['programs', 'profile', VIEWS_STORE], 'readonly');
        const programs = tx.objectStore('programs');
        const out: RawList = { profile: undefined, digest: undefined, values: [], keys: [], all: false };
        const profile = tx.objectStore('profile').get(PROFILE_KEY);
        profile.onsuccess = () => (out.profile = profile.result);
        const digest = tx.objectStore(VIEWS_STORE).get(DIGEST_KEY);
        digest.onsuccess = () => {
          out.digest = digest.result;
          if (digest.result === undefined) {
            // No digest (never built, or a write just dropped it): read the whole list.
            out.all = true;
            const values = programs.getAll();
            const keys = programs.getAllKeys();
            values.onsuccess = () => (out.values = values.result as unknown[]);
            keys.onsuccess = () => (out.keys = keys.result as unknown[]);
            return;
          }
          for (const id of namedIds(digest.result)) {
            const one = programs.get(id);
            one.onsuccess = () => {
              if (one.result === undefined) return;
              out.values.push(one.result);
              out.keys.push(id);
            };
          }
        };
        tx.oncomplete = () => done(out);
        tx.onerror = () => done(null);
        tx.onabort = () => done(null);
      } catch {
        done(null);
      }
    };
  });
}
