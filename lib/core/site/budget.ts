import { MAX_SITE_PAGES } from './links';

// The background's own cap on what one page session may have fetched for it: at most 8 pages of
// a program, however the content script behaves (it caps too; this is the check that holds if it
// does not). A session is one document in one tab; it is forgotten after a while, and only the
// most recent sessions are kept, so the background holds no browsing history. Time is passed in.

export class SiteBudget {
  private sessions = new Map<string, { urls: Set<string>; at: number }>();

  constructor(
    private readonly max = MAX_SITE_PAGES,
    private readonly ttlMs = 10 * 60_000,
    private readonly keep = 50,
  ) {}

  /** True when `url` may be fetched for `session` (already counted, or room left); counts it. */
  take(session: string, url: string, now: number): boolean {
    for (const [key, s] of this.sessions) if (now - s.at > this.ttlMs) this.sessions.delete(key);
    let s = this.sessions.get(session);
    if (!s) {
      s = { urls: new Set(), at: now };
      this.sessions.set(session, s);
      if (this.sessions.size > this.keep) this.sessions.delete(this.sessions.keys().next().value!);
    }
    if (s.urls.has(url)) return true;
    if (s.urls.size >= this.max) return false;
    s.urls.add(url);
    return true;
  }

  /** Whether `url` was fetched for `session` (only those pages' text is read into the cache). */
  has(session: string, url: string): boolean {
    return this.sessions.get(session)?.urls.has(url) ?? false;
  }
}
