import { sameSite } from '../core/site/links';

// The background's fetch of a program's other pages. It runs in the background because the
// background holds the host access the user granted ("Check program sites automatically"), so no
// CORS limit applies; it hands the HTML to the content script, which parses it (the MV3 service
// worker has no DOMParser) into an inert document where no script runs.
//
// Only GET; no cookies or other credentials, to any site (`credentials: 'omit'`); no referrer;
// redirects followed, but the page must end on the same site; text/html only, at most ~2 MB, and
// the whole exchange within a short timeout, so a slow page cannot hold up the badge.

export const FETCH_TIMEOUT_MS = 4000;
export const MAX_HTML_BYTES = 2 * 1024 * 1024;

export type FetchedPage = { ok: true; html: string; url: string } | { ok: false; error: string };

export interface FetchOptions {
  /** The page the content script is on: the fetched page must stay on its site. */
  siteOf: string;
  timeoutMs?: number;
  maxBytes?: number;
  fetch?: typeof fetch;
}

export async function fetchSitePage(url: string, options: FetchOptions): Promise<FetchedPage> {
  const { siteOf, timeoutMs = FETCH_TIMEOUT_MS, maxBytes = MAX_HTML_BYTES } = options;
  const doFetch = options.fetch ?? fetch;
  if (!sameSite(url, siteOf)) return { ok: false, error: 'another site' };
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const res = await doFetch(url, {
      method: 'GET',
      credentials: 'omit',
      redirect: 'follow',
      referrerPolicy: 'no-referrer',
      headers: { accept: 'text/html' },
      signal: abort.signal,
    });
    // A redirect to another site (a login wall, a link shortener) is not this program's page.
    const finalUrl = res.url || url;
    if (!sameSite(finalUrl, siteOf)) return fail(res, 'redirected to another site');
    if (!res.ok) return fail(res, `HTTP ${res.status}`);
    const type = res.headers.get('content-type') ?? '';
    if (!/^\s*(?:text\/html|application\/xhtml\+xml)\b/i.test(type)) return fail(res, `not a web page (${type.split(';')[0] || 'no type'})`);
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > maxBytes) return fail(res, 'page too large');
    const bytes = await readCapped(res, maxBytes);
    if (!bytes) return { ok: false, error: 'page too large' };
    const charset = /charset=["']?([\w-]+)/i.exec(type)?.[1] ?? 'utf-8';
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(charset);
    } catch {
      decoder = new TextDecoder('utf-8');
    }
    return { ok: true, html: decoder.decode(bytes), url: finalUrl };
  } catch (e) {
    if (abort.signal.aborted) return { ok: false, error: `no answer within ${timeoutMs / 1000} s` };
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timer);
  }
}

function fail(res: Response, error: string): FetchedPage {
  void res.body?.cancel().catch(() => {});
  return { ok: false, error };
}

/** The body, or null once it passes `max` bytes (the rest is not downloaded). */
async function readCapped(res: Response, max: number): Promise<Uint8Array | null> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      void reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
