import statesData from '../../../data/states.json';
import type { Fit, Tier } from '../schema/fit';
import type { Program, ProgramStatus } from '../schema/program';

// Sort, filter and search of the saved list, pure so the full list page can memoise it and a
// test can read it like a table. The index is built once per list (lowercased search text,
// parsed dates); filtering and sorting then touch only precomputed fields, which keeps a
// 1,000-program list under a millisecond or two per keystroke.

/** One row of the list as the background answers it (components/popup/types.ts ListedProgram). */
export interface ListEntry {
  program: Program;
  fit: Fit;
  tier: Tier;
}

export const SORT_KEYS = ['score', 'name', 'state', 'updated'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** null (or empty text) means "any". */
export interface ListFilter {
  tier: Tier | null;
  state: string | null;
  specialty: string | null;
  status: ProgramStatus | null;
  query: string;
  /** Only these programs (a coach warning's "these 4 programs"); null: no such limit. */
  ids: readonly string[] | null;
}

export const NO_FILTER: ListFilter = { tier: null, state: null, specialty: null, status: null, query: '', ids: null };

/** Whether anything narrows the list. */
export const isFiltered = (f: ListFilter): boolean =>
  f.tier !== null || f.state !== null || f.specialty !== null || f.status !== null || fold(f.query).trim() !== '' || f.ids !== null;

interface Indexed<T extends ListEntry> {
  entry: T;
  /** Name, city, state (abbreviation and name) and notes, folded for matching. */
  text: string;
  updated: number;
}

export interface ListIndex<T extends ListEntry> {
  readonly rows: readonly Indexed<T>[];
}

const STATE_NAMES: ReadonlyMap<string, string> = new Map(statesData.states.map((s) => [s.abbr, s.name]));

/**
 * Case- and accent-insensitive form: applicants type "sao paulo" for "São Paulo" and
 * "st brendan" for "St. Brendan".
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.'’]/g, '');
}

export function indexList<T extends ListEntry>(entries: readonly T[]): ListIndex<T> {
  return {
    rows: entries.map((entry) => {
      const p = entry.program;
      const state = p.state ? `${p.state} ${STATE_NAMES.get(p.state) ?? ''}` : '';
      const updated = Date.parse(p.updatedAt);
      return { entry, text: fold([p.name, p.city ?? '', state, p.notes].join('\n')), updated: Number.isNaN(updated) ? 0 : updated };
    }),
  };
}

// One collator, built once: localeCompare with options builds one per call (slow over 1,000 rows).
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

type Cmp<T extends ListEntry> = (a: Indexed<T>, b: Indexed<T>) => number;

const byName = <T extends ListEntry>(a: Indexed<T>, b: Indexed<T>) => collator.compare(a.entry.program.name, b.entry.program.name);
/** Missing values go last whatever the direction: "not stated" is never the best or the first. */
const nullsLast = <V>(a: V | null, b: V | null, cmp: (x: V, y: V) => number): number =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : cmp(a, b);

const COMPARE: { [K in SortKey]: Cmp<ListEntry> } = {
  score: (a, b) => nullsLast(a.entry.fit.score, b.entry.fit.score, (x, y) => y - x) || byName(a, b),
  name: (a, b) => byName(a, b) || collator.compare(a.entry.program.id, b.entry.program.id),
  state: (a, b) =>
    nullsLast(a.entry.program.state, b.entry.program.state, (x, y) => collator.compare(x, y)) ||
    nullsLast(a.entry.program.city, b.entry.program.city, (x, y) => collator.compare(x, y)) ||
    byName(a, b),
  updated: (a, b) => b.updated - a.updated || byName(a, b),
};

function matches<T extends ListEntry>(row: Indexed<T>, f: ListFilter, words: readonly string[], ids: ReadonlySet<string> | null): boolean {
  const { entry } = row;
  const p = entry.program;
  if (f.tier !== null && entry.tier !== f.tier) return false;
  if (f.state !== null && p.state !== f.state) return false;
  if (f.specialty !== null && p.specialty !== f.specialty) return false;
  if (f.status !== null && p.status !== f.status) return false;
  if (ids !== null && !ids.has(p.id)) return false;
  // Every word must appear somewhere ("albany notes-word"), in any order.
  for (const w of words) if (!row.text.includes(w)) return false;
  return true;
}

/** The entries that pass the filter, in the chosen order. */
export function applyList<T extends ListEntry>(index: ListIndex<T>, filter: ListFilter, sort: SortKey): T[] {
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  const ids = filter.ids === null ? null : new Set(filter.ids);
  const kept = index.rows.filter((r) => matches(r, filter, words, ids));
  kept.sort(COMPARE[sort] as Cmp<T>);
  return kept.map((r) => r.entry);
}

/** Convenience for one-off calls (tests, the CLI): index, filter and sort in one go. */
export function filterList<T extends ListEntry>(entries: readonly T[], filter: Partial<ListFilter> = {}, sort: SortKey = 'score'): T[] {
  return applyList(indexList(entries), { ...NO_FILTER, ...filter }, sort);
}

/** The states and specialties present in the list, for the filter menus (sorted, distinct). */
export function facets(entries: readonly ListEntry[]): { states: string[]; specialties: string[] } {
  const states = new Set<string>();
  const specialties = new Set<string>();
  for (const { program } of entries) {
    if (program.state) states.add(program.state);
    if (program.specialty) specialties.add(program.specialty);
  }
  return { states: [...states].sort(), specialties: [...specialties].sort() };
}

/** The `limit` most recently updated entries (the toolbar popup's "5 most recent per tier"). */
export function mostRecent<T extends ListEntry>(entries: readonly T[], limit: number): T[] {
  // ISO instants in UTC ("…Z", as the background writes them) order correctly as strings.
  return [...entries].sort((a, b) => (a.program.updatedAt < b.program.updatedAt ? 1 : a.program.updatedAt > b.program.updatedAt ? -1 : 0)).slice(0, limit);
}
