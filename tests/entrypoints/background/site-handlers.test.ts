import { describe, expect, test, vi } from 'vitest';
import { handleMessage, type Deps } from '../../../entrypoints/background/handlers';
import type { SiteDeps } from '../../../entrypoints/background/site-handlers';
import { pageTextFromLines } from '../../../lib/core/page-text';
import type { Fit } from '../../../lib/core/schema/fit';
import type { Signals } from '../../../lib/core/schema/signals';
import { SiteBudget } from '../../../lib/core/site/budget';
import { emptySignals } from '../../../lib/core/signals/empty';
import { memoryRepo } from '../../fixtures/memory-repo';

// The background's half of site reading: what a content script may have fetched (its own site
// only, never from FREIDA, within the cap, with the setting on and access granted), the cache, and
// the merged page/evaluate and program/save.

const HOME = 'https://www.valley-general.org/gme/internal-medicine/';
const FAQ = 'https://www.valley-general.org/gme/internal-medicine/faq';
const IMG = 'https://www.valley-general.org/gme/internal-medicine/img';
const TAB = { url: HOME, session: '7|0|doc-1' };
const NOW = new Date('2026-11-25T10:00:00Z');


const stubFit = (): Fit => ({ tier: 'realistic', score: 60, confidence: 0.5, dealbreakers: [], reasons: [], verify: [], usedOutcomes: false, known: 1, total: 11 });

function setup(over: Partial<SiteDeps> = {}) {
  const cache = new Map<string, { title: string; url?: string; readAt: string; signals: Signals; links: { href: string; text: string }[] }>();
  const fetchPage = vi.fn(async (url: string) => ({ ok: true as const, html: `<title>page</title><p>${url}</p>`, url }));
  const site: SiteDeps & { clear(): Promise<void> } = {
    budget: new SiteBudget(3),
    cache: {
      get: async (url) => cache.get(url) ?? null,
      put: async (url, page, now) => {
        const e = { ...page, readAt: now.toISOString() };
        cache.set(url, e);
        return e;
      },
    },
    fetchPage,
    hasAccess: async () => true,
    enabled: async () => true,
    clear: async () => cache.clear(),
    ...over,
  };
  const repo = memoryRepo();
  const deps: Deps = { repo, fit: stubFit, now: () => NOW, notify: () => {}, site };
  const ask = (msg: unknown, from = TAB) => handleMessage(msg, 'content-script', deps, from);
  return { deps, site, cache, fetchPage, repo, ask };
}

const said = <T,>(value: T, pageUrl: string) => ({ value, strength: 'required' as const, evidence: { pageUrl, quote: String(value), blockIndex: 0 } });
const signalsOf = (fields: Partial<Signals>): Signals => ({ ...emptySignals(true), ...fields });

describe('site/fetch', () => {
  test('a page of the sender\'s own site is fetched (another host of the same domain too)', async () => {
    const { ask, fetchPage } = setup();
    expect(await ask({ type: 'site/fetch', url: FAQ, from: HOME })).toEqual({ ok: true, data: { html: expect.stringContaining(FAQ), url: FAQ } });
    expect((await ask({ type: 'site/fetch', url: 'https://gme.valley-general.org/visa', from: HOME })).ok).toBe(true);
    expect(fetchPage).toHaveBeenCalledWith(FAQ, HOME);
  });

  test.each([
    ['another site', { type: 'site/fetch', url: 'https://www.elsewhere.org/faq', from: HOME }, TAB],
    ['a "from" on another site', { type: 'site/fetch', url: FAQ, from: 'https://www.elsewhere.org/' }, TAB],
    ['a sender with no tab page', { type: 'site/fetch', url: FAQ, from: HOME }, {}],
    ['FREIDA (one page per program)', { type: 'site/fetch', url: 'https://freida.ama-assn.org/program/1403521104/faq', from: 'https://freida.ama-assn.org/program/1403521104' }, { url: 'https://freida.ama-assn.org/program/1403521104', session: '1|0|d' }],
    ['a URL that is not http(s)', { type: 'site/fetch', url: 'file:///etc/passwd', from: HOME }, TAB],
  ])('refused: %s', async (_what, msg, from) => {
    const { ask, fetchPage } = setup();
    expect((await ask(msg, from as typeof TAB)).ok).toBe(false);
    expect(fetchPage).not.toHaveBeenCalled();
  });

  test('setting off → { error: "off" }; no access to the site → { error: "no-access" }; nothing fetched', async () => {
    const off = setup({ enabled: async () => false });
    expect(await off.ask({ type: 'site/fetch', url: FAQ, from: HOME })).toEqual({ ok: true, data: { error: 'off' } });
    const denied = setup({ hasAccess: async () => false });
    expect(await denied.ask({ type: 'site/fetch', url: FAQ, from: HOME })).toEqual({ ok: true, data: { error: 'no-access' } });
    expect(off.fetchPage).not.toHaveBeenCalled();
    expect(denied.fetchPage).not.toHaveBeenCalled();
  });

  test('at most the cap per page session; asking again for a counted page is not a new one; a reload is a new session', async () => {
    const { ask, fetchPage } = setup();
    for (const p of ['a', 'b', 'c']) expect((await ask({ type: 'site/fetch', url: `${HOME}${p}-faq`, from: HOME })).ok).toBe(true);
    expect(await ask({ type: 'site/fetch', url: `${HOME}d-faq`, from: HOME })).toEqual({ ok: true, data: { error: 'limit' } });
    expect((await ask({ type: 'site/fetch', url: `${HOME}a-faq`, from: HOME })).ok).toBe(true);
    expect(await ask({ type: 'site/fetch', url: `${HOME}d-faq`, from: HOME }, { ...TAB, session: '7|0|doc-2' })).toMatchObject({ ok: true, data: { html: expect.any(String) } });
    expect(fetchPage).toHaveBeenCalledTimes(5);
  });

  test('a fetch failure is an answer ({ error }), not a failed message', async () => {
    const { ask } = setup({ fetchPage: async () => ({ ok: false, error: 'no answer within 4 s' }) });
    expect(await ask({ type: 'site/fetch', url: FAQ, from: HOME })).toEqual({ ok: true, data: { error: 'no answer within 4 s' } });
  });
});

describe('site/read and the cache', () => {
  const faqText = () =>
    pageTextFromLines(['# Internal Medicine Residency FAQ', 'Do you sponsor visas? || We sponsor J-1 visas through ECFMG.'], FAQ, 'FAQ | Internal Medicine Residency');

  test('the text of a fetched page is read (as one of the program\'s pages) and cached with its links; the next fetch answers from the cache', async () => {
    const { ask, fetchPage, cache } = setup();
    await ask({ type: 'site/fetch', url: FAQ, from: HOME });
    const read = await ask({ type: 'site/read', url: FAQ, text: faqText(), links: [{ href: `${HOME}eligibility`, text: 'Eligibility' }, { href: 'https://www.elsewhere.org/x', text: 'Elsewhere' }] });
    expect(read.ok).toBe(true);
    const data = (read as { data: { signals: Signals; readAt: string } }).data;
    expect(data.signals.visaJ1).toMatchObject({ value: 'yes', evidence: { pageUrl: FAQ, readAt: NOW.toISOString() } });
    // Links to other sites are not kept.
    expect(cache.get(FAQ)?.links).toEqual([{ href: `${HOME}eligibility`, text: 'Eligibility' }]);

    const again = await ask({ type: 'site/fetch', url: FAQ, from: HOME }, { ...TAB, session: '9|0|other' });
    expect(again).toEqual({ ok: true, data: { cached: data.signals, url: FAQ, title: 'FAQ | Internal Medicine Residency', readAt: NOW.toISOString(), links: [{ href: `${HOME}eligibility`, text: 'Eligibility' }] } });
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  test('text of a page that was not fetched for this page session is refused (nothing cached)', async () => {
    const { ask, cache } = setup();
    expect((await ask({ type: 'site/read', url: FAQ, text: faqText() })).ok).toBe(false);
    expect(cache.size).toBe(0);
  });

  test('"Delete all SmartPick data" also clears the pages read', async () => {
    const { deps, cache } = setup();
    cache.set(FAQ, { title: 'x', readAt: NOW.toISOString(), signals: emptySignals(true), links: [] });
    expect((await handleMessage({ type: 'data/delete-all' }, 'extension-page', deps)).ok).toBe(true);
    expect(cache.size).toBe(0);
  });
});

describe('merged evaluation and saving', () => {
  const own = signalsOf({ specialty: said('internal-medicine', HOME) });
  const pages = [
    { url: FAQ, title: 'FAQ | Internal Medicine Residency', signals: signalsOf({ visaJ1: said('yes', FAQ), visaH1b: said('no', FAQ) }) },
    { url: IMG, title: 'International Medical Graduates | Internal Medicine Residency', signals: signalsOf({ step2MinScore: said(220, IMG), visaH1b: said('conditional', IMG) }) },
  ];
  const page = { url: HOME, title: 'Internal Medicine Residency | Valley General' };

  test('page/evaluate with pages answers the merged signals, the pages used and the conflicts', async () => {
    const { ask } = setup();
    const reply = await ask({ type: 'page/evaluate', page, signals: own, pages });
    expect(reply.ok).toBe(true);
    const data = (reply as { data: { signals: Signals; site: unknown } }).data;
    expect(data.signals.visaJ1?.value).toBe('yes');
    expect(data.signals.step2MinScore?.value).toBe(220);
    expect(data.site).toEqual({
      pages: [{ url: FAQ, label: 'FAQ' }, { url: IMG, label: 'International Medical Graduates' }],
      conflicts: [{ field: 'H-1B visa', a: 'FAQ: no', b: 'International Medical Graduates: conditional' }],
    });
  });

  test('program/save with pages stores the merged signals, every page\'s URL, each page and the conflicts', async () => {
    const { ask, repo } = setup();
    const reply = await ask({ type: 'program/save', page, signals: own, pages });
    expect(reply.ok).toBe(true);
    const [program] = [...repo.programs.values()];
    expect(program!.signals.step2MinScore?.value).toBe(220);
    expect(program!.signals.visaH1b?.value).toBe('no');
    expect(program!.urls).toEqual([HOME, FAQ, IMG]);
    expect(program!.conflicts).toEqual([{ field: 'H-1B visa', values: [{ text: 'no', pageUrl: FAQ }, { text: 'conditional', pageUrl: IMG }] }]);
    expect([...repo.pages.keys()].sort()).toEqual([FAQ, HOME, IMG].sort());
    expect(repo.pages.get(IMG)?.signals.step2MinScore?.value).toBe(220);
  });
});

describe('settings', () => {
  test('settings/get includes readSite; settings/read-site sets it (extension pages only)', async () => {
    let readSite = true;
    const { deps } = setup();
    deps.settings = {
      get: async () => ({ autoCheck: true, readSite }),
      setAutoCheck: async (e) => ({ autoCheck: e }),
      setReadSite: async (e) => ({ readSite: (readSite = e) }),
    };
    expect(await handleMessage({ type: 'settings/read-site', enabled: false }, 'extension-page', deps)).toEqual({ ok: true, data: { readSite: false } });
    expect(await handleMessage({ type: 'settings/get' }, 'extension-page', deps)).toEqual({ ok: true, data: { autoCheck: true, readSite: false } });
    expect((await handleMessage({ type: 'settings/read-site', enabled: true }, 'content-script', deps)).ok).toBe(false);
  });

  test('without settings wired, readSite defaults to on', async () => {
    const { deps } = setup();
    expect(await handleMessage({ type: 'settings/get' }, 'extension-page', deps)).toEqual({ ok: true, data: { autoCheck: false, readSite: true } });
  });
});
