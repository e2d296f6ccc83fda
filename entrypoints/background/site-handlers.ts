import type { Message } from '@/lib/core/schema/messages';
import type { Signals } from '@/lib/core/schema/signals';
import type { PageText } from '@/lib/core/page-text';
import { FREIDA_HOST } from '@/lib/core/freida-url';
import type { SiteBudget } from '@/lib/core/site/budget';
import { sameSite } from '@/lib/core/site/links';
import { extractSignals } from '@/lib/core/signals/index';

// Site reading, the background's half (the content script's half: lib/platform/site-reader.ts).
// The content script picks a program page's links; the background fetches each one — it holds
// the host access the user granted, so no CORS limit applies, and it sends no cookies — and the
// content script parses the HTML into an inert document (the MV3 service worker has no DOMParser)
// and sends back its text, whose signals are read here and cached for a day.
//
// What a page may ask is checked here, whatever the content script does: only pages of the
// sender's own site (same registrable domain, also after redirects), never from FREIDA (one page
// per program there), at most 8 per page session, only with the setting on and access granted.

export type SiteMessage = Extract<Message, { type: 'site/fetch' | 'site/read' }>;

/** The sending tab's page: its URL (the site pages must stay on) and its session key. */
export interface SenderPage {
  url?: string;
  /** Tab and document: one page session (a reload starts another). */
  session?: string;
}

export interface SiteDeps {
  budget: SiteBudget;
  cache: {
    get(url: string, now: Date): Promise<CachedSitePage | null>;
    put(url: string, page: { title: string; url: string; signals: Signals; links: SiteLink[] }, now: Date): Promise<{ readAt: string }>;
  };
  fetchPage(url: string, siteOf: string): Promise<{ ok: true; html: string; url: string } | { ok: false; error: string }>;
  /** Whether the user gave access to the URL's site (production: the opt-in). */
  hasAccess(url: string): Promise<boolean>;
  /** "Read the program's other pages" is on. */
  enabled(): Promise<boolean>;
}

export interface SiteLink { href: string; text: string }
export interface CachedSitePage { title: string; url?: string; readAt: string; signals: Signals; links: SiteLink[] }

export type SiteFetchAnswer =
  | { html: string; url: string }
  | { cached: Signals; url: string; title: string; readAt: string; links: SiteLink[] }
  | { error: string };

export async function handleSiteMessage(msg: SiteMessage, from: SenderPage, site: SiteDeps, now: Date): Promise<unknown> {
  const pageUrl = from.url;
  if (!pageUrl || !from.session) throw new Error('site reading is only for a page in a tab');
  if (hostOf(pageUrl) === FREIDA_HOST) throw new Error('FREIDA has one page per program: nothing else to read');
  if (msg.type === 'site/fetch') {
    if (!sameSite(msg.url, pageUrl) || !sameSite(msg.from, pageUrl)) throw new Error('only pages of the same site are read');
    if (!(await site.enabled())) return { error: 'off' } satisfies SiteFetchAnswer;
    const cached = await site.cache.get(msg.url, now);
    if (cached) return { cached: cached.signals, url: cached.url ?? msg.url, title: cached.title, readAt: cached.readAt, links: cached.links } satisfies SiteFetchAnswer;
    if (!(await site.hasAccess(msg.url))) return { error: 'no-access' } satisfies SiteFetchAnswer;
    if (!site.budget.take(from.session, msg.url, now.getTime())) return { error: 'limit' } satisfies SiteFetchAnswer;
    const page = await site.fetchPage(msg.url, pageUrl);
    return (page.ok ? { html: page.html, url: page.url } : { error: page.error }) satisfies SiteFetchAnswer;
  }
  // site/read: only the text of a page fetched for this session goes into the cache.
  if (!site.budget.has(from.session, msg.url)) throw new Error('that page was not fetched for this page');
  if (!sameSite(msg.text.url, pageUrl)) throw new Error('only pages of the same site are read');
  const signals = extractSignals(msg.text as PageText, now.toISOString(), { linked: true });
  const links = msg.links.filter((l) => sameSite(l.href, pageUrl));
  const { readAt } = await site.cache.put(msg.url, { title: msg.text.title, url: msg.text.url, signals, links }, now);
  return { signals, title: msg.text.title, readAt };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}
