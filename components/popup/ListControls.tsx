import { useId } from 'preact/hooks';
import type { Tier } from '../../lib/core/schema/fit';
import { statusSchema, type ProgramStatus } from '../../lib/core/schema/program';
import type { ListFilter, SortKey } from '../../lib/core/list/filter';
import { STATUS_WORD, TIER_HEADING, TIER_ORDER, specialtyName, stateName } from './words';

// The full list page's search, filters and sort, and the "Showing 12 of 80" line. Props in,
// changes out: the list owns the state so it can memoise the result.

export const SORT_WORD: Record<SortKey, string> = {
  score: 'Best score',
  name: 'Name, A–Z',
  state: 'State and city',
  updated: 'Recently changed',
};

export interface ListControlsProps {
  filter: ListFilter;
  sort: SortKey;
  /** States and specialties present in the list (lib/core/list/filter facets). */
  states: readonly string[];
  specialties: readonly string[];
  /** Tiers present in the list; Reach, Realistic and Safety are always offered. */
  tiers: ReadonlySet<Tier>;
  onFilter(patch: Partial<ListFilter>): void;
  onSort(sort: SortKey): void;
  /** Clears search and the four filters (not an outside focus: that has its own "Clear filter"). */
  onReset(): void;
}

const ANY = '';

export function ListControls({ filter, sort, states, specialties, tiers, onFilter, onSort, onReset }: ListControlsProps) {
  const id = useId();
  const ids = { q: `${id}-q`, tier: `${id}-t`, state: `${id}-s`, spec: `${id}-sp`, status: `${id}-st`, sort: `${id}-o` };
  const narrowed = filter.tier !== null || filter.state !== null || filter.specialty !== null || filter.status !== null || filter.query.trim() !== '';
  const orNull = (v: string) => (v === ANY ? null : v);
  // A filter chosen earlier stays offered even when no program has that value any more.
  const stateList = filter.state !== null && !states.includes(filter.state) ? [...states, filter.state] : states;
  const specList = filter.specialty !== null && !specialties.includes(filter.specialty) ? [...specialties, filter.specialty] : specialties;

  return (
    <form class="sp-controls" role="search" aria-label="Search and filter your list" onSubmit={(e) => e.preventDefault()}>
      <div class="sp-field sp-search">
        <label for={ids.q}>Search</label>
        <input
          id={ids.q}
          type="search"
          value={filter.query}
          placeholder="Name, city, state or notes"
          autocomplete="off"
          spellcheck={false}
          onInput={(e) => onFilter({ query: e.currentTarget.value })}
        />
      </div>
      <div class="sp-field">
        <label for={ids.tier}>Tier</label>
        <select id={ids.tier} value={filter.tier ?? ANY} onChange={(e) => onFilter({ tier: orNull(e.currentTarget.value) as Tier | null })}>
          <option value={ANY}>All tiers</option>
          {TIER_ORDER.filter((t) => t === 'reach' || t === 'realistic' || t === 'safety' || tiers.has(t) || filter.tier === t).map((t) => (
            <option key={t} value={t}>
              {TIER_HEADING[t]}
            </option>
          ))}
        </select>
      </div>
      <div class="sp-field">
        <label for={ids.state}>State</label>
        <select id={ids.state} value={filter.state ?? ANY} onChange={(e) => onFilter({ state: orNull(e.currentTarget.value) })}>
          <option value={ANY}>All states</option>
          {stateList.map((s) => (
            <option key={s} value={s}>
              {`${stateName(s)} (${s})`}
            </option>
          ))}
        </select>
      </div>
      <div class="sp-field">
        <label for={ids.spec}>Specialty</label>
        <select id={ids.spec} value={filter.specialty ?? ANY} onChange={(e) => onFilter({ specialty: orNull(e.currentTarget.value) })}>
          <option value={ANY}>All specialties</option>
          {specList.map((s) => (
            <option key={s} value={s}>
              {specialtyName(s)}
            </option>
          ))}
        </select>
      </div>
      <div class="sp-field">
        <label for={ids.status}>Status</label>
        <select id={ids.status} value={filter.status ?? ANY} onChange={(e) => onFilter({ status: orNull(e.currentTarget.value) as ProgramStatus | null })}>
          <option value={ANY}>Any status</option>
          {statusSchema.options.map((s) => (
            <option key={s} value={s}>
              {STATUS_WORD[s]}
            </option>
          ))}
        </select>
      </div>
      <div class="sp-field">
        <label for={ids.sort}>Sort by</label>
        <select id={ids.sort} value={sort} onChange={(e) => onSort(e.currentTarget.value as SortKey)}>
          {(Object.keys(SORT_WORD) as SortKey[]).map((k) => (
            <option key={k} value={k}>
              {SORT_WORD[k]}
            </option>
          ))}
        </select>
      </div>
      {narrowed && (
        <p class="sp-reset">
          <button type="button" class="sp-btn sp-small" onClick={onReset}>
            Reset filters
          </button>
        </p>
      )}
    </form>
  );
}

const count = (n: number) => n.toLocaleString('en-US');

export interface ResultLineProps {
  shown: number;
  total: number;
  /** Set while an outside focus (a coach warning's programs) narrows the list. */
  focus: { label: string | null; onClear(): void } | null;
}

/**
 * "Showing 12 of 80", announced politely as filters change (no role=status: the popup keeps
 * that role for its own notices), and the outside focus with its visible "Clear filter".
 */
export function ResultLine({ shown, total, focus }: ResultLineProps) {
  return (
    <div class="sp-result">
      <p class="sp-count" aria-live="polite" aria-atomic="true">
        {`Showing ${count(shown)} of ${count(total)}`}
      </p>
      {focus && (
        <p class="sp-focus">
          <span>{focus.label ? `Only the programs in “${focus.label}”.` : 'Only the programs the warning is about.'}</span>
          <button type="button" class="sp-btn sp-small" onClick={focus.onClear}>
            Clear filter
          </button>
        </p>
      )}
    </div>
  );
}
