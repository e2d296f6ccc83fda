import { browser } from 'wxt/browser';
import { z } from 'zod';
import { signalsSchema, type Signals } from '../core/schema/signals';

// What SmartPick read from a program's other pages, by URL, so each is fetched at most once a day.
// Small on purpose: the signals (with their quotes) and the page title, never the page itself.
// Entries older than a day are dropped on every write and the whole cache is capped, so it never
// grows into a browsing history; "Delete all SmartPick data" clears it. In storage.local, written
// only by the background (one writer; writes are queued one after another).

export const CACHE_KEY = 'smartpick.siteCache';
export const CACHE_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_ENTRIES = 300;

const entrySchema = z.object({
  title: z.string().max(2000),
  /** Where the page ended up (after redirects), when it differs from the key. */
  url: z.string().max(4000).optional(),
  readAt: z.string(),
  signals: signalsSchema,
  /** The best links found on it, for the second level of reading. */
  links: z.array(z.object({ href: z.string().max(4000), text: z.string().max(300) })).max(8).default([]),
});
export type CachedPage = z.infer<typeof entrySchema>;

export interface SiteCache {
  get(url: string, now: Date): Promise<CachedPage | null>;
  put(url: string, page: { title: string; url?: string; signals: Signals; links?: CachedPage['links'] }, now: Date): Promise<CachedPage>;
  /** Drops what is older than a day (run at start-up too, so nothing lingers between reads). */
  prune(now: Date): Promise<void>;
  clear(): Promise<void>;
}

type Area = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; remove(key: string): Promise<void> };

const fresh = (e: { readAt: string }, now: Date) => now.getTime() - Date.parse(e.readAt) < CACHE_TTL_MS;

export function storageSiteCache(area: Area = browser.storage.local as unknown as Area): SiteCache {
  let queue: Promise<unknown> = Promise.resolve();
  const all = async (): Promise<Record<string, unknown>> => {
    const v = (await area.get(CACHE_KEY).catch((): Record<string, unknown> => ({})))?.[CACHE_KEY];
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  };
  return {
    async get(url, now) {
      const parsed = entrySchema.safeParse((await all())[url]);
      return parsed.success && fresh(parsed.data, now) ? parsed.data : null;
    },
    put(url, page, now) {
      const entry: CachedPage = { title: page.title.slice(0, 2000), readAt: now.toISOString(), signals: page.signals, links: page.links ?? [] };
      if (page.url && page.url !== url) entry.url = page.url;
      return write(now, url, entry).then(() => entry);
    },
    prune: (now) => write(now),
    async clear() {
      await area.remove(CACHE_KEY);
    },
  };

  /** Rewrites the cache without old or unreadable entries (and with `url` → `entry` first), queued. */
  function write(now: Date, url?: string, entry?: CachedPage): Promise<void> {
    const done = queue.then(async () => {
      const entries = Object.entries(await all());
      const kept = entries
        .filter(([u, e]) => u !== url && entrySchema.safeParse(e).success && fresh(e as CachedPage, now))
        .sort(([, a], [, b]) => Date.parse((b as CachedPage).readAt) - Date.parse((a as CachedPage).readAt))
        .slice(0, MAX_ENTRIES - 1);
      if (!entry && kept.length === entries.length) return; // nothing to drop
      await area.set({ [CACHE_KEY]: Object.fromEntries(url && entry ? [[url, entry], ...kept] : kept) });
    });
    queue = done.catch(() => {});
    return done;
  }
}

