import { conflictRecords, mergeSignals, type Conflict } from '../list/merge';
import type { Signals } from '../schema/signals';

// A program read from several of its pages: the open page first, then the linked pages in rank
// order. Field by field, a stated value beats silence; when two pages disagree the earlier one is
// used (unless it is a mere preference and the later one a rule) and both are kept side by side,
// named by page, for the badge's "Conflicts".

export interface ReadPage {
  url: string;
  title: string;
  signals: Signals;
}

export interface SiteMerge {
  signals: Signals;
  conflicts: Conflict[];
  /** Pages whose facts were used (a page of another specialty is left out). */
  used: ReadPage[];
}

export function mergePages(open: ReadPage, others: readonly ReadPage[]): SiteMerge {
  let signals = open.signals;
  const conflicts: Conflict[] = [];
  const used = [open];
  const specialty = open.signals.specialty?.value;
  for (const page of others) {
    // A linked page that states another specialty belongs to another program of the hospital.
    const theirs = page.signals.specialty?.value;
    if (specialty && theirs && theirs !== specialty) continue;
    const m = mergeSignals(signals, page.signals, { prefer: 'existing' });
    signals = m.signals;
    conflicts.push(...m.conflicts);
    used.push(page);
  }
  return { signals, conflicts, used };
}

/** "FAQ | Internal Medicine Residency | Valley General" → "FAQ"; no title → the path's last word. */
export function pageLabel(title: string, url: string): string {
  // The segment that names the page rather than the program: "Internal Medicine Residency – FAQ" → "FAQ".
  const segs = title.split(/\s+[|–—·:-]\s+|\s*\|\s*/).map((s) => s.trim()).filter(Boolean);
  const first = segs.find((s) => /\b(?:faqs?|questions|eligib|requirement|appl|visas?|imgs?|international|selection|criteria|admission)/i.test(s)) ?? segs[0];
  if (first) return first.length > 48 ? `${first.slice(0, 47)}…` : first;
  let seg = '';
  try {
    seg = decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? '');
  } catch {
    /* the URL as it is */
  }
  const words = seg.replace(/\.\w{2,5}$/, '').replace(/[-_+]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : url;
}

/** What the badge shows of a site merge: the merged signals, the pages used (named), the conflicts. */
export interface SiteView {
  signals: Signals;
  /** The linked pages whose facts were used, open page not included. */
  pages: { url: string; label: string }[];
  conflicts: { field: string; a: string; b: string }[];
}

export function siteView(open: ReadPage, others: readonly ReadPage[]): SiteView {
  const m = mergePages(open, others);
  const used = m.used.slice(1);
  const label = (url: string) => {
    if (url === open.url) return 'This page';
    const p = used.find((x) => x.url === url);
    return pageLabel(p?.title ?? '', url);
  };
  return { signals: m.signals, pages: used.map((p) => ({ url: p.url, label: pageLabel(p.title, p.url) })), conflicts: conflictLines(m.conflicts, label) };
}

/** While reading: "Reading 3 more pages…". */
export const readingNote = (n: number): string => `Reading ${n} more page${n === 1 ? '' : 's'}…`;

/** When done: "Read 3 pages: this page, FAQ, International Medical Graduates" (+ how many failed). */
export function readNote(labels: readonly string[], failed: number): string {
  const n = labels.length + 1;
  const note = `Read ${n} page${n === 1 ? '' : 's'}: ${['this page', ...labels].join(', ')}`;
  return failed > 0 ? `${note} (${failed} could not be read)` : note;
}

/** Conflicts as the badge lists them: the field, then what each page says, named by page. */
export function conflictLines(conflicts: Conflict[], labelOf: (url: string) => string): { field: string; a: string; b: string }[] {
  return conflictRecords(conflicts).map((c) => ({
    field: c.field,
    a: `${labelOf(c.values[0]!.pageUrl)}: ${c.values[0]!.text}`,
    b: `${labelOf(c.values[1]!.pageUrl)}: ${c.values[1]!.text}`,
  }));
}
