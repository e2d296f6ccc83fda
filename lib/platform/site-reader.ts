import type { Message, Reply } from '../core/schema/messages';
import type { Signals } from '../core/schema/signals';
import { MAX_SITE_PAGES, rankLinks, type LinkCandidate } from '../core/site/links';
import type { ReadPage } from '../core/site/pages';
import { readPageText } from './page-text';

// Site reading, the content script's half (the background's: entrypoints/background/site-handlers.ts).
// On a program page, the page's own links are ranked (lib/core/site/links.ts) and the best are read
// one at a time: the background fetches each (it holds the host access; no cookies are sent), and
// this side parses the HTML with DOMParser into an inert document — scripts never run, nothing is
// loaded, nothing is added to the open page — and reads it with the same reader as the open page.
// Links found on those pages may add candidates once (two levels); at most 8 pages per program.

type Send = <T>(message: Message) => Promise<Reply<T>>;

type FetchAnswer =
  | { html: string; url: string }
  | { cached: Signals; url: string; title: string; links: { href: string; text: string }[] }
  | { error: string };

export interface SiteProgress {
  /** Pages read so far (the open page not included), in reading order. */
  pages: ReadPage[];
  /** Pages that could not be read (timeout, error, not a web page). */
  failed: number;
  /** Pages still to read, as far as is known now. */
  pending: number;
}

const NAV = 'nav,header,footer,aside,[role=navigation],[role=banner],[role=contentinfo]';

/** A document's links as the ranking wants them. `base`: the URL relative links resolve against. */
export function linksOf(doc: Document, base: string): LinkCandidate[] {
  const out: LinkCandidate[] = [];
  const found = doc.querySelectorAll('a[href],area[href]');
  for (let i = 0; i < found.length && out.length < 3000; i++) {
    const a = found[i]!;
    let href: string;
    try {
      href = new URL(a.getAttribute('href')!, base).href;
    } catch {
      continue;
    }
    const text = (a.textContent || a.getAttribute('aria-label') || a.getAttribute('title') || '').replace(/\s+/g, ' ').trim().slice(0, 300);
    out.push({ href, text, inNav: a.closest(NAV) !== null });
  }
  return out;
}

/** Parses fetched HTML into an inert document (no script runs, no subresource loads). */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Relative links resolve against the page's <base href>, else its URL (a parsed page's, not the open page's). */
function baseOf(doc: Document, url: string): string {
  try {
    const b = doc.querySelector('base[href]')?.getAttribute('href');
    return b ? new URL(b, url).href : url;
  } catch {
    return url;
  }
}

interface Candidate { url: string; from: string; text: string; level: 1 | 2; score: number }

/**
 * Reads the program's other pages and reports after each one. Resolves with the final progress,
 * or null when site reading is off or not allowed here (nothing was read, nothing to show).
 */
export async function readSite(
  open: { url: string; doc: Document; signals: Signals },
  send: Send,
  onProgress: (p: SiteProgress) => void,
  signal: AbortSignal,
): Promise<SiteProgress | null> {
  const specialty = open.signals.specialty?.value ?? null;
  const rank = (links: LinkCandidate[], seen: Set<string>) => rankLinks(links, open.url, { specialty, exclude: seen });
  const seen = new Set<string>([open.url]);
  const first: Candidate[] = rank(linksOf(open.doc, baseOf(open.doc, open.url)), seen).map((l) => ({ ...l, from: open.url, level: 1 }));
  const later: Candidate[] = [];
  for (const c of first) seen.add(c.url);
  const progress: SiteProgress = { pages: [], failed: 0, pending: first.length };
  let attempts = 0;

  while (!signal.aborted && attempts < MAX_SITE_PAGES) {
    // Level 1 in rank order, then what those pages linked to, best first.
    const next = first.shift() ?? (later.sort((a, b) => b.score - a.score), later.shift());
    if (!next) break;
    attempts++;
    const reply = await send<FetchAnswer>({ type: 'site/fetch', url: next.url, from: next.from });
    if (signal.aborted) return null;
    const answer: FetchAnswer = reply.ok ? reply.data : { error: reply.error };
    // Off, or no access to this site (production without the opt-in): stop before anything shows.
    if ('error' in answer && (answer.error === 'off' || answer.error === 'no-access')) return progress.pages.length ? progress : null;
    // Reading is allowed: say so now ("Reading 3 more pages…"), the first page included.
    if (attempts === 1) onProgress({ pages: [], failed: 0, pending: Math.min(first.length + 1, MAX_SITE_PAGES) });
    let page: ReadPage | null = null;
    let links: { href: string; text: string }[] = [];
    if ('cached' in answer) {
      page = { url: answer.url, title: answer.title, signals: answer.cached };
      links = answer.links;
    } else if ('html' in answer) {
      try {
        const doc = parseHtml(answer.html);
        const text = readPageText(doc, answer.url);
        // The best links of this page, ranked against the open page (its program's path and specialty).
        links = rank(linksOf(doc, baseOf(doc, answer.url)), new Set([open.url, answer.url])).map((l) => ({ href: l.url, text: l.text }));
        const read = await send<{ signals: Signals; title: string }>({ type: 'site/read', url: next.url, text, links });
        if (read.ok) page = { url: answer.url, title: read.data.title, signals: read.data.signals };
      } catch {
        page = null;
      }
    }
    if (signal.aborted) return null;
    if (page) {
      progress.pages.push(page);
      seen.add(page.url);
      if (next.level === 1) {
        const more = rank(links.map((l) => ({ href: l.href, text: l.text, inNav: false })), seen);
        for (const l of more) {
          seen.add(l.url);
          later.push({ ...l, from: page.url, level: 2 });
        }
      }
    } else progress.failed++;
    progress.pending = Math.min(first.length + later.length, MAX_SITE_PAGES - attempts);
    onProgress({ ...progress, pages: [...progress.pages] });
  }
  progress.pending = 0;
  return progress;
}
