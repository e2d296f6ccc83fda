import { describe, expect, test, vi } from 'vitest';
import { fetchSitePage } from '../../../lib/platform/site-fetch';

// The background's fetch of a program's other pages, against a fake fetch: GET without cookies or
// referrer, same site after redirects, web pages only, bounded in size and time.

const SITE = 'https://www.valley-general.org/gme/internal-medicine/';
const FAQ = 'https://www.valley-general.org/gme/internal-medicine/faq';

function response(body: string | Uint8Array<ArrayBuffer>, init: { status?: number; type?: string; url?: string; length?: number } = {}): Response {
  const headers = new Headers({ 'content-type': init.type ?? 'text/html; charset=utf-8' });
  if (init.length !== undefined) headers.set('content-length', String(init.length));
  const res = new Response(body, { status: init.status ?? 200, headers });
  Object.defineProperty(res, 'url', { value: init.url ?? FAQ });
  return res;
}

describe('fetchSitePage', () => {
  test('GET, no credentials, no referrer, redirects followed; the HTML and the final URL', async () => {
    const fetch = vi.fn(async () => response('<title>FAQ</title>'));
    expect(await fetchSitePage(FAQ, { siteOf: SITE, fetch })).toEqual({ ok: true, html: '<title>FAQ</title>', url: FAQ });
    expect(fetch).toHaveBeenCalledWith(FAQ, expect.objectContaining({ method: 'GET', credentials: 'omit', redirect: 'follow', referrerPolicy: 'no-referrer' }));
  });

  test('another site is never requested', async () => {
    const fetch = vi.fn(async () => response(''));
    expect(await fetchSitePage('https://www.elsewhere.org/faq', { siteOf: SITE, fetch })).toEqual({ ok: false, error: 'another site' });
    expect(fetch).not.toHaveBeenCalled();
  });

  test.each([
    ['a redirect to another site', response('<p>login</p>', { url: 'https://login.example-sso.com/' }), 'redirected to another site'],
    ['HTTP 500', response('<h1>Error</h1>', { status: 500 }), 'HTTP 500'],
    ['a PDF', response('%PDF', { type: 'application/pdf' }), 'not a web page (application/pdf)'],
    ['no content type', response('x', { type: '' }), 'not a web page (no type)'],
    ['a declared size over the limit', response('<p>x</p>', { length: 50_000_000 }), 'page too large'],
    ['a body over the limit (no size declared)', response('<p>' + 'x'.repeat(5000) + '</p>'), 'page too large'],
  ])('%s → an error', async (_what, res, error) => {
    expect(await fetchSitePage(FAQ, { siteOf: SITE, fetch: async () => res, maxBytes: 4096 })).toEqual({ ok: false, error });
  });

  test('a redirect within the site is fine: the final URL is reported', async () => {
    const final = 'https://gme.valley-general.org/im/faq';
    expect(await fetchSitePage(FAQ, { siteOf: SITE, fetch: async () => response('<p>ok</p>', { url: final }) })).toEqual({ ok: true, html: '<p>ok</p>', url: final });
  });

  test('no answer within the timeout → aborted, an error', async () => {
    const fetch = vi.fn(
      (_url: string, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    const started = Date.now();
    expect(await fetchSitePage(FAQ, { siteOf: SITE, fetch: fetch as never, timeoutMs: 50 })).toEqual({ ok: false, error: 'no answer within 0.05 s' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('a network error → an error', async () => {
    expect(await fetchSitePage(FAQ, { siteOf: SITE, fetch: async () => Promise.reject(new TypeError('Failed to fetch')) })).toEqual({ ok: false, error: 'Failed to fetch' });
  });

  test('the declared charset is used to decode', async () => {
    const latin1 = new Uint8Array([0x3c, 0x70, 0x3e, 0x63, 0x61, 0x66, 0xe9]); // "<p>café" in ISO-8859-1
    const res = response(latin1, { type: 'text/html; charset=iso-8859-1' });
    expect(await fetchSitePage(FAQ, { siteOf: SITE, fetch: async () => res })).toEqual({ ok: true, html: '<p>café', url: FAQ });
  });
});
