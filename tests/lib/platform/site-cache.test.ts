import { describe, expect, test } from 'vitest';
import { CACHE_KEY, storageSiteCache } from '../../../lib/platform/site-cache';
import { emptySignals } from '../../../lib/core/signals/empty';

// The per-URL cache of pages read from program sites: read at most once a day, small, never a
// browsing history (old entries dropped on write), unreadable entries ignored.

function memoryArea() {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key: string) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items: Record<string, unknown>) => void Object.assign(data, structuredClone(items)),
    remove: async (key: string) => void delete data[key],
  };
}

const FAQ = 'https://www.valley-general.org/gme/internal-medicine/faq';
const t = (iso: string) => new Date(iso);

describe('storageSiteCache', () => {
  test('a page read is answered from the cache for a day, then no more', async () => {
    const cache = storageSiteCache(memoryArea());
    await cache.put(FAQ, { title: 'FAQ', signals: emptySignals(true), links: [{ href: `${FAQ}/more`, text: 'More' }] }, t('2026-11-25T10:00:00Z'));
    expect(await cache.get(FAQ, t('2026-11-26T09:59:00Z'))).toEqual({
      title: 'FAQ', readAt: '2026-11-25T10:00:00.000Z', signals: emptySignals(true), links: [{ href: `${FAQ}/more`, text: 'More' }],
    });
    expect(await cache.get(FAQ, t('2026-11-26T10:00:01Z'))).toBeNull();
  });

  test('the final URL is kept when a redirect moved the page', async () => {
    const cache = storageSiteCache(memoryArea());
    await cache.put(FAQ, { title: 'FAQ', url: 'https://gme.valley-general.org/faq', signals: emptySignals(true) }, t('2026-11-25T10:00:00Z'));
    expect((await cache.get(FAQ, t('2026-11-25T11:00:00Z')))?.url).toBe('https://gme.valley-general.org/faq');
  });

  test('writing drops entries older than a day and unreadable ones', async () => {
    const area = memoryArea();
    area.data[CACHE_KEY] = { 'https://a.example.org/old': { title: 'old', readAt: '2026-11-20T10:00:00Z', signals: emptySignals(true) }, 'https://a.example.org/bad': { title: 3 } };
    const cache = storageSiteCache(area);
    await cache.put(FAQ, { title: 'FAQ', signals: emptySignals(true) }, t('2026-11-25T10:00:00Z'));
    expect(Object.keys(area.data[CACHE_KEY] as object)).toEqual([FAQ]);
  });

  test('prune() drops what is older than a day without adding anything', async () => {
    const area = memoryArea();
    const cache = storageSiteCache(area);
    await cache.put(`${FAQ}-old`, { title: 'old', signals: emptySignals(true) }, t('2026-11-24T10:00:00Z'));
    await cache.put(FAQ, { title: 'FAQ', signals: emptySignals(true) }, t('2026-11-25T09:00:00Z'));
    expect(Object.keys(area.data[CACHE_KEY] as object)).toHaveLength(2);
    await cache.prune(t('2026-11-25T10:30:00Z'));
    expect(Object.keys(area.data[CACHE_KEY] as object)).toEqual([FAQ]);
  });

  test('concurrent writes are queued: none is lost', async () => {
    const cache = storageSiteCache(memoryArea());
    const now = t('2026-11-25T10:00:00Z');
    await Promise.all(['a', 'b', 'c'].map((p) => cache.put(`${FAQ}-${p}`, { title: p, signals: emptySignals(true) }, now)));
    for (const p of ['a', 'b', 'c']) expect((await cache.get(`${FAQ}-${p}`, now))?.title).toBe(p);
  });

  test('a corrupt entry or a corrupt cache reads as nothing; clear() empties it', async () => {
    const area = memoryArea();
    area.data[CACHE_KEY] = { [FAQ]: { title: 'FAQ', readAt: 'yesterday', signals: { nope: true } } };
    const cache = storageSiteCache(area);
    expect(await cache.get(FAQ, t('2026-11-25T10:00:00Z'))).toBeNull();
    area.data[CACHE_KEY] = 'garbage';
    expect(await cache.get(FAQ, t('2026-11-25T10:00:00Z'))).toBeNull();
    await cache.clear();
    expect(CACHE_KEY in area.data).toBe(false);
  });
});
