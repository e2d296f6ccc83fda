// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import type { Message } from '../../../lib/core/schema/messages';
import type { Signals } from '../../../lib/core/schema/signals';
import { emptySignals } from '../../../lib/core/signals/empty';
import { linksOf, parseHtml, readSite, type SiteProgress } from '../../../lib/platform/site-reader';

// The content script's half of site reading, with a fake background: which links it asks for, in
// what order, how far (two levels, at most 8 pages), what it sends back, and when it stops.

const ORIGIN = 'https://www.valley-general.org';
const HOME = `${ORIGIN}/gme/internal-medicine/`;

function homeDoc(links: string): Document {
  return parseHtml(`<html><head><title>Internal Medicine Residency</title></head><body>
    <nav><a href="/news">News</a> <a href="/gme/faq">GME FAQ</a></nav>
    <main><h1>Internal Medicine Residency</h1>${links}</main></body></html>`);
}

const page = (title: string, body: string) => `<html><head><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

/** A fake background: pages by URL ('slow'/'fail' answer errors), counting what is asked. */
function background(pages: Record<string, string | { error: string }>, opts: { off?: boolean } = {}) {
  const asked: Message[] = [];
  const send = vi.fn(async (m: Message) => {
    asked.push(m);
    if (m.type === 'site/fetch') {
      if (opts.off) return { ok: true as const, data: { error: 'off' } };
      const p = pages[m.url];
      if (p === undefined) return { ok: true as const, data: { error: 'HTTP 404' } };
      return { ok: true as const, data: typeof p === 'string' ? { html: p, url: m.url } : p };
    }
    if (m.type === 'site/read') {
      const signals: Signals = { ...emptySignals(true), visaJ1: { value: 'yes', strength: 'required', evidence: { pageUrl: m.text.url, quote: m.text.title, blockIndex: 0 } } };
      return { ok: true as const, data: { signals, title: m.text.title } };
    }
    return { ok: false as const, error: 'unexpected' };
  });
  return { send, asked, fetched: () => asked.filter((m) => m.type === 'site/fetch').map((m) => (m as { url: string }).url) };
}

const open = (doc: Document) => ({ url: HOME, doc, signals: { ...emptySignals(true), specialty: { value: 'internal-medicine', strength: 'required' as const, evidence: { pageUrl: HOME, quote: 'x', blockIndex: 0 } } } });

describe('linksOf', () => {
  test('resolves hrefs against the base, keeps the text (or aria-label), flags menu links', () => {
    const doc = homeDoc('<a href="faq">FAQ</a> <a href="/img" aria-label="International graduates"></a> <a>no href</a>');
    expect(linksOf(doc, HOME)).toEqual([
      { href: `${ORIGIN}/news`, text: 'News', inNav: true },
      { href: `${ORIGIN}/gme/faq`, text: 'GME FAQ', inNav: true },
      { href: `${HOME}faq`, text: 'FAQ', inNav: false },
      { href: `${ORIGIN}/img`, text: 'International graduates', inNav: false },
    ]);
  });

  test('parsing fetched HTML runs none of its scripts and leaves the open document alone', () => {
    const before = document.documentElement.outerHTML;
    const doc = parseHtml('<html><body><script>window.__ran = true</script><img src="x" onerror="window.__ran = true"><p>hi</p></body></html>');
    expect(doc.querySelector('p')?.textContent).toBe('hi');
    expect((window as unknown as { __ran?: boolean }).__ran).toBeUndefined();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

describe('readSite', () => {
  test('reads the ranked links one at a time, then the links those pages add (once), and reports progress', async () => {
    const bg = background({
      [`${HOME}faq`]: page('FAQ', `<a href="${HOME}eligibility">Eligibility</a> <a href="${HOME}faq">FAQ</a>`),
      [`${HOME}img`]: page('International Medical Graduates', `<a href="${HOME}visa">Visa sponsorship</a>`),
      [`${HOME}eligibility`]: page('Eligibility', `<a href="${HOME}selection-criteria">Selection criteria</a>`),
      [`${HOME}visa`]: page('Visas', ''),
    });
    const progress: SiteProgress[] = [];
    const doc = homeDoc(`<a href="faq">Frequently asked questions</a> <a href="img">International Medical Graduates</a> <a href="https://www.elsewhere.org/faq">FAQ elsewhere</a>`);
    const result = await readSite(open(doc), bg.send as never, (p) => progress.push(p), new AbortController().signal);
    // Level 1 (the program's own IMG page and FAQ, then the GME FAQ in the menu, which fails), then
    // level 2 best first; the eligibility page's own link (a third level) is not followed, nor
    // another site.
    expect(bg.fetched()).toEqual([`${HOME}img`, `${HOME}faq`, `${ORIGIN}/gme/faq`, `${HOME}visa`, `${HOME}eligibility`]);
    expect(result?.pages.map((p) => p.title)).toEqual(['International Medical Graduates', 'FAQ', 'Visas', 'Eligibility']);
    expect(result).toMatchObject({ failed: 1, pending: 0 });
    expect(progress[0]).toMatchObject({ pages: [], pending: 3 });
    expect(progress.at(-1)).toMatchObject({ failed: 1, pending: 0 });
    // Each fetched page's text went back to the background, with its best links.
    const reads = bg.asked.filter((m) => m.type === 'site/read') as Extract<Message, { type: 'site/read' }>[];
    expect(reads.map((r) => r.text.url)).toEqual([`${HOME}img`, `${HOME}faq`, `${HOME}visa`, `${HOME}eligibility`]);
    expect(reads[1]!.links).toEqual([{ href: `${HOME}eligibility`, text: 'Eligibility' }]);
  });

  test('at most 8 pages, whatever the links', async () => {
    const many = Array.from({ length: 20 }, (_, i) => `<a href="faq-${i}">FAQ ${i}</a>`).join(' ');
    const pages = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`${HOME}faq-${i}`, page(`FAQ ${i}`, '')]));
    const bg = background(pages);
    const result = await readSite(open(homeDoc(many)), bg.send as never, () => {}, new AbortController().signal);
    expect(bg.fetched()).toHaveLength(8);
    expect(result?.pages).toHaveLength(8);
  });

  test('reading off (or no access): stops at the first answer, reports nothing', async () => {
    const bg = background({}, { off: true });
    const progress = vi.fn();
    expect(await readSite(open(homeDoc('<a href="faq">FAQ</a> <a href="img">IMG</a>')), bg.send as never, progress, new AbortController().signal)).toBeNull();
    expect(bg.fetched()).toEqual([`${HOME}faq`]);
    expect(progress).not.toHaveBeenCalled();
  });

  test('failures are counted and reading goes on; a page with no applicant links asks nothing', async () => {
    const bg = background({ [`${HOME}faq`]: { error: 'no answer within 4 s' }, [`${HOME}img`]: page('IMG', '') });
    const result = await readSite(open(homeDoc('<a href="faq">FAQ</a> <a href="img">International medical graduates</a>')), bg.send as never, () => {}, new AbortController().signal);
    // The FAQ timed out and the menu's GME FAQ is not there (404): two failures, the IMG page read.
    expect(result).toMatchObject({ failed: 2, pages: [{ title: 'IMG' }] });

    const none = background({});
    expect(await readSite(open(parseHtml(page('Home', '<a href="/news">News</a> <a href="/gme/internal-medicine/curriculum">Curriculum</a>'))), none.send as never, () => {}, new AbortController().signal)).toEqual({ pages: [], failed: 0, pending: 0 });
    expect(none.asked).toEqual([]);
  });

  test('a route change (abort) stops reading', async () => {
    const abort = new AbortController();
    const bg = background({ [`${HOME}faq`]: page('FAQ', ''), [`${HOME}img`]: page('IMG', '') });
    bg.send.mockImplementationOnce(async () => {
      abort.abort();
      return { ok: true as const, data: { html: page('FAQ', ''), url: `${HOME}faq` } };
    });
    expect(await readSite(open(homeDoc('<a href="faq">FAQ</a> <a href="img">IMG</a>')), bg.send as never, () => {}, abort.signal)).toBeNull();
    expect(bg.send).toHaveBeenCalledTimes(1);
  });
});
