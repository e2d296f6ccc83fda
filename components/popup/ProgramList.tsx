import { render, type ComponentChildren } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { NO_FILTER, applyList, facets, indexList, isFiltered, mostRecent, type ListFilter, type SortKey } from '../../lib/core/list/filter';
import type { Tier } from '../../lib/core/schema/fit';
import type { VisaNeed } from '../../lib/core/schema/profile';
import { ListControls, ResultLine } from './ListControls';
import { MemoRow } from './ProgramRow';
import type { ListedProgram, ProgramPatch } from './types';
import { EMPTY_STEPS, TIER_HEADING, TIER_ORDER, W } from './words';

// Saved programs grouped by tier (DESIGN.md "In-page and popup UI": headings that begin "Reach",
// "Realistic", "Safety", "Not eligible"; each program a list item with its name). The toolbar
// popup shows the most recent few per tier; the full page adds search, filters and sort.
//
// Changes show at once (an overlay over the programs prop) and stay until the parent's fresh data
// carries them, so a row never flickers back between the click and the background's answer. A
// removal waits out an undo window before it is sent.

export interface ProgramListProps {
  programs: ListedProgram[];
  /** Rows shown per tier, most recently changed first (the toolbar popup); undefined: the full list. */
  limit?: number | undefined;
  /**
   * Programs per tier in the whole list, when `programs` holds only some of it (the toolbar popup's
   * quick list: the most recent rows per tier). Headings count from these, moved along with any
   * row the applicant moves or removes here.
   */
  totals?: Readonly<Record<Tier, number>> | undefined;
  /** Saves a change. A returned promise that rejects puts the row back and shows why. */
  onUpdate(item: ListedProgram, patch: ProgramPatch): Promise<unknown> | void;
  /**
   * Removes for good: called only after the undo window (or when the list goes away, or the page
   * closes). A returned promise that rejects brings the row back and shows why.
   */
  onRemove(item: ListedProgram): Promise<unknown> | void;
  /** The applicant's visa need (profile.visa), so each row's visa fact speaks to them. */
  visaNeed?: VisaNeed | null | undefined;
  /** Search, filters and sort; default: on for the full list, off in the popup. */
  controls?: boolean | undefined;
  /** Only these programs (a coach warning's "these 4 programs"), with a visible "Clear filter". */
  focusIds?: readonly string[] | null | undefined;
  /** What the focus is, in the warning's words ("4 programs block you (visa)"). */
  focusLabel?: string | null | undefined;
  /** "Clear filter" on an outside focus: the parent drops focusIds. */
  onClearFocus?: (() => void) | undefined;
  /** A slot under each row (the evidence freshness line). Pass a stable function. */
  renderExtra?: ((item: ListedProgram) => ComponentChildren) | undefined;
  /** How long a removal can be undone, ms (default 8 s). */
  undoMs?: number | undefined;
  /** The clock for the undo window (tests pass fake timers; default: setTimeout). */
  timers?: UndoTimers | undefined;
}

export interface UndoTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const UNDO_MS = 8000;

/** A performance mark set once per page when the list first shows rows (npm run bench reads it). */
export const RENDERED_MARK = 'smartpick:list-rendered';
let marked = false;

// Read the globals at call time, so vi.useFakeTimers() installed after import still applies.
const GLOBAL_TIMERS: UndoTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * The full page draws the first rows at once and the rest in slices between frames: 1,000 rows
 * are ~28,000 elements (~150 ms in Chromium), too long to hold the first paint or a keystroke.
 */
export const FIRST_ROWS = 60;
const MORE_ROWS = 200;

/** The list tiers always show (an empty Safety section is news); the others only when used. */
const ALWAYS: ReadonlySet<Tier> = new Set<Tier>(['reach', 'realistic', 'safety']);

interface Pending {
  patch: ProgramPatch;
  /** When it was made: the popup's "most recent" puts a just-changed program first. */
  at: string;
  seq: number;
  settled: boolean;
}

interface Removal {
  item: ListedProgram;
  /** waiting: undo still possible; sent: onRemove called, row kept hidden until the data drops it. */
  phase: 'waiting' | 'sent';
  settled: boolean;
}

/** Where focus should go after the next render. */
type FocusWant = { row: string; control: string } | { undo: string } | { heading: Tier | null };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

const reflected = (p: ListedProgram['program'], patch: ProgramPatch): boolean =>
  (patch.status === undefined || patch.status === p.status) &&
  (patch.notes === undefined || patch.notes === p.notes) &&
  (patch.tierOverride === undefined || patch.tierOverride === p.tierOverride);

function withPatch(item: ListedProgram, pending: Pending): ListedProgram {
  const { patch } = pending;
  const program = { ...item.program, ...patch, updatedAt: pending.at };
  const tier = patch.tierOverride === undefined ? item.tier : (patch.tierOverride ?? item.fit.tier);
  return { ...item, program, tier };
}

type MapSetter<V> = (fn: (m: ReadonlyMap<string, V>) => ReadonlyMap<string, V>) => void;

/** State held as an immutable map, with a ref mirror so callbacks read the latest value. */
function useMapState<V>(): [ReadonlyMap<string, V>, MapSetter<V>, { current: ReadonlyMap<string, V> }] {
  const [map, setMap] = useState<ReadonlyMap<string, V>>(() => new Map());
  const ref = useRef(map);
  const set: MapSetter<V> = useCallback((fn) => {
    const next = fn(ref.current);
    if (next !== ref.current) {
      ref.current = next;
      setMap(next);
    }
  }, []);
  return [map, set, ref];
}

const without = <V,>(m: ReadonlyMap<string, V>, id: string): ReadonlyMap<string, V> => {
  if (!m.has(id)) return m;
  const n = new Map(m);
  n.delete(id);
  return n;
};
const withEntry = <V,>(m: ReadonlyMap<string, V>, id: string, v: V): ReadonlyMap<string, V> => new Map(m).set(id, v);

export function ProgramList(props: ProgramListProps) {
  const { programs, limit, visaNeed = null, focusIds = null, focusLabel = null, renderExtra } = props;
  const compact = limit !== undefined;
  const showControls = props.controls ?? !compact;

  const [filter, setFilter] = useState<ListFilter>(NO_FILTER);
  const [sort, setSort] = useState<SortKey>('score');
  const [patches, setPatches] = useMapState<Pending>();
  const [removals, setRemovals, removalsRef] = useMapState<Removal>();
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');

  // Callbacks handed to rows stay the same across renders (rows skip re-rendering); they read
  // the latest props through this ref.
  const latest = useRef(props);
  latest.current = props;
  const seq = useRef(0);
  const handles = useRef(new Map<string, unknown>());
  const wrap = useRef<HTMLDivElement>(null);
  const lastFocus = useRef<{ row: string; control: string } | null>(null);
  const want = useRef<FocusWant | null>(null);

  const timers = () => latest.current.timers ?? GLOBAL_TIMERS;

  // ---- changes ------------------------------------------------------------------------------

  const update = useCallback(
    (item: ListedProgram, patch: ProgramPatch) => {
      const { id, name } = item.program;
      const n = ++seq.current;
      setError(null);
      setPatches((m) => withEntry(m, id, { patch: { ...m.get(id)?.patch, ...patch }, at: new Date().toISOString(), seq: n, settled: false }));
      if (patch.tierOverride !== undefined) {
        setSaid(patch.tierOverride === null ? `${name}: back to ${TIER_HEADING[item.fit.tier]}, as scored` : `Moved ${name} to ${TIER_HEADING[patch.tierOverride]}`);
      } else if (patch.notes !== undefined) {
        setSaid(`Saved notes for ${name}`);
      }
      const fail = (e: unknown) => {
        setPatches((m) => (m.get(id)?.seq === n ? without(m, id) : m));
        setError(`Couldn’t change ${name}: ${message(e)}`);
      };
      try {
        Promise.resolve(latest.current.onUpdate(item, patch)).then(
          () => setPatches((m) => {
            const p = m.get(id);
            return p?.seq === n ? withEntry(m, id, { ...p, settled: true }) : m;
          }),
          fail,
        );
      } catch (e) {
        fail(e);
      }
    },
    [setPatches],
  );

  const send = useCallback(
    (id: string) => {
      const r = removalsRef.current.get(id);
      if (!r || r.phase !== 'waiting') return;
      const h = handles.current.get(id);
      if (h !== undefined) timers().clear(h);
      handles.current.delete(id);
      // The undo button is going away: if it had focus, hand it to the section heading.
      const active = wrap.current?.ownerDocument.activeElement as HTMLElement | null | undefined;
      if (active?.dataset.undoId === id) want.current = { heading: r.item.tier };
      setRemovals((m) => withEntry(m, id, { ...r, phase: 'sent' }));
      const fail = (e: unknown) => {
        setRemovals((m) => without(m, id));
        setError(`Couldn’t remove ${r.item.program.name}: ${message(e)}`);
      };
      try {
        Promise.resolve(latest.current.onRemove(r.item)).then(
          () => setRemovals((m) => {
            const cur = m.get(id);
            return cur ? withEntry(m, id, { ...cur, settled: true }) : m;
          }),
          fail,
        );
      } catch (e) {
        fail(e);
      }
    },
    [removalsRef, setRemovals],
  );

  const remove = useCallback(
    (item: ListedProgram) => {
      const { id } = item.program;
      if (removalsRef.current.has(id)) return;
      setError(null);
      setRemovals((m) => withEntry(m, id, { item, phase: 'waiting', settled: false }));
      handles.current.set(id, timers().set(() => send(id), latest.current.undoMs ?? UNDO_MS));
      // The row's button disappears with the row: focus goes to its Undo.
      want.current = { undo: id };
    },
    [removalsRef, setRemovals, send],
  );

  const undo = (id: string) => {
    const r = removalsRef.current.get(id);
    if (!r || r.phase !== 'waiting') return;
    const h = handles.current.get(id);
    if (h !== undefined) timers().clear(h);
    handles.current.delete(id);
    setRemovals((m) => without(m, id));
    setSaid(`${r.item.program.name} is back in your list`);
    want.current = { row: id, control: 'remove' };
  };

  // Leaving (the view changes, the popup or tab closes) sends what is waiting: the applicant saw
  // it go and did not undo it.
  useEffect(() => {
    const flush = () => {
      for (const [id, r] of removalsRef.current) if (r.phase === 'waiting') send(id);
    };
    addEventListener('pagehide', flush);
    return () => {
      removeEventListener('pagehide', flush);
      for (const h of handles.current.values()) timers().clear(h);
      handles.current.clear();
      for (const r of removalsRef.current.values()) if (r.phase === 'waiting') void Promise.resolve(latest.current.onRemove(r.item)).catch(() => {});
    };
  }, [removalsRef, send]);

  // Fresh data from the parent: drop what it now carries, and what was answered before it came.
  useEffect(() => {
    const present = new Set(programs.map((p) => p.program.id));
    const byId = new Map(programs.map((p) => [p.program.id, p.program]));
    setPatches((m) => {
      let n: Map<string, Pending> | null = null;
      for (const [id, p] of m) {
        const prog = byId.get(id);
        if (p.settled || !prog || reflected(prog, p.patch)) (n ??= new Map(m)).delete(id);
      }
      return n ?? m;
    });
    setRemovals((m) => {
      let n: Map<string, Removal> | null = null;
      for (const [id, r] of m) if (r.phase === 'sent' && (r.settled || !present.has(id))) (n ??= new Map(m)).delete(id);
      return n ?? m;
    });
  }, [programs, setPatches, setRemovals]);

  // ---- what to show -------------------------------------------------------------------------

  const effective = useMemo(() => {
    if (patches.size === 0 && removals.size === 0) return programs;
    const out: ListedProgram[] = [];
    for (const item of programs) {
      const id = item.program.id;
      if (removals.has(id)) continue;
      const p = patches.get(id);
      out.push(p && !reflected(item.program, p.patch) ? withPatch(item, p) : item);
    }
    return out;
  }, [programs, patches, removals]);

  const active: ListFilter = showControls ? { ...filter, ids: focusIds } : { ...NO_FILTER, ids: focusIds };
  const filtered = isFiltered(active);
  const needIndex = showControls || filtered || !compact;
  const index = useMemo(() => (needIndex ? indexList(effective) : null), [effective, needIndex]);
  const shown = useMemo(
    () => (index ? applyList(index, active, sort) : effective),
    // `active` is rebuilt each render; its parts are the real inputs.
    [index, effective, sort, active.tier, active.state, active.specialty, active.status, active.query, active.ids],
  );
  const totals = props.totals;
  const groups = useMemo(() => {
    const total = new Map<Tier, number>();
    const rows = new Map<Tier, ListedProgram[]>();
    for (const t of TIER_ORDER) {
      total.set(t, totals?.[t] ?? 0);
      rows.set(t, []);
    }
    const add = (t: Tier, n: number) => total.set(t, Math.max(0, (total.get(t) ?? 0) + n));
    if (totals) {
      // Counts of the whole list, corrected for the rows changed here since they were read.
      const now = new Map(effective.map((p) => [p.program.id, p.tier]));
      for (const p of programs) {
        const t = now.get(p.program.id);
        if (t === p.tier) continue;
        add(p.tier, -1);
        if (t) add(t, 1);
      }
    } else for (const p of effective) add(p.tier, 1);
    for (const p of shown) rows.get(p.tier)?.push(p);
    return { total, rows };
  }, [effective, shown, totals, programs]);
  // A new search, filter or sort starts drawing from the top again; a data change (a status saved)
  // keeps what is drawn, so no row is torn down under the applicant's hands.
  const view = `${active.tier}|${active.state}|${active.specialty}|${active.status}|${active.query}|${active.ids?.join(',') ?? ''}|${sort}`;
  const [drawn, setDrawn] = useState({ view, rows: FIRST_ROWS });
  const budget = compact ? Infinity : drawn.view === view ? drawn.rows : FIRST_ROWS;
  useEffect(() => {
    if (budget >= shown.length) return;
    const h = setTimeout(() => setDrawn({ view, rows: budget + MORE_ROWS }), 0);
    return () => clearTimeout(h);
  }, [budget, shown.length, view]);

  const facetLists = useMemo(() => (showControls ? facets(programs) : { states: [], specialties: [] }), [programs, showControls]);
  const tiersPresent = useMemo(() => new Set(programs.map((p) => p.tier)), [programs]);
  const more = (tier: Tier, drawnRows: number, matching: number) => (totals && !filtered ? (groups.total.get(tier) ?? 0) : matching) - drawnRows;

  useLayoutEffect(() => {
    if (marked || programs.length === 0) return;
    marked = true;
    globalThis.performance?.mark?.(RENDERED_MARK);
  }, [programs.length]);

  // ---- focus --------------------------------------------------------------------------------

  // A control that moved (its row changed section or place) or vanished gets focus back on its
  // new self; otherwise the request made by remove/undo/send is honoured.
  useLayoutEffect(() => {
    const w = wrap.current;
    if (!w) return;
    const doc = w.ownerDocument;
    const findRow = (id: string) => Array.from(w.querySelectorAll<HTMLElement>('li[data-id]')).find((li) => li.dataset.id === id);
    const heading = (t: Tier | null) =>
      (t && w.querySelector<HTMLElement>(`section[data-tier="${t}"] h2`)) || w.querySelector<HTMLElement>('h2') || w.querySelector<HTMLElement>('.sp-count');
    const focusRow = (id: string, control: string, tier: Tier | null) => {
      const el = findRow(id)?.querySelector<HTMLElement>(`[data-control="${control}"]`) ?? heading(tier);
      el?.focus();
    };
    const w8 = want.current;
    want.current = null;
    if (w8) {
      if ('undo' in w8) Array.from(w.querySelectorAll<HTMLElement>('[data-undo-id]')).find((b) => b.dataset.undoId === w8.undo)?.focus();
      else if ('row' in w8) focusRow(w8.row, w8.control, effective.find((p) => p.program.id === w8.row)?.tier ?? null);
      else heading(w8.heading)?.focus();
      return;
    }
    const last = lastFocus.current;
    const now = doc.activeElement;
    if (last && (!now || now === doc.body || !now.isConnected)) focusRow(last.row, last.control, effective.find((p) => p.program.id === last.row)?.tier ?? null);
  });

  const onFocusIn = (e: FocusEvent) => {
    const t = e.target as HTMLElement;
    const row = t.closest<HTMLElement>('li[data-id]')?.dataset.id;
    lastFocus.current = row && t.dataset.control ? { row, control: t.dataset.control } : null;
  };
  const onFocusOut = (e: FocusEvent) => {
    const t = e.target as HTMLElement;
    const to = e.relatedTarget as Node | null;
    // Focus left the list on purpose (not because its element was removed): forget it.
    if (t.isConnected && !(to && wrap.current?.contains(to))) lastFocus.current = null;
  };

  // ---- render -------------------------------------------------------------------------------

  let left = budget;
  const waiting = [...removals.entries()].filter(([, r]) => r.phase === 'waiting');
  const focus = focusIds ? { label: focusLabel, onClear: () => latest.current.onClearFocus?.() } : null;

  return (
    <div class="sp-list" ref={wrap} data-compact={compact ? '' : undefined} onFocusIn={onFocusIn} onFocusOut={onFocusOut}>
      {showControls && (
        <ListControls
          filter={filter}
          sort={sort}
          states={facetLists.states}
          specialties={facetLists.specialties}
          tiers={tiersPresent}
          onFilter={(patch) => setFilter((f) => ({ ...f, ...patch }))}
          onSort={setSort}
          onReset={() => setFilter(NO_FILTER)}
        />
      )}
      {(showControls || focus) && <ResultLine shown={shown.length} total={effective.length} focus={focus} />}
      {error && (
        <p class="sp-error" role="alert">
          {error}
        </p>
      )}
      <p class="sp-sr" aria-live="polite">
        {said}
      </p>
      <div class="sp-tiers">
        {TIER_ORDER.map((tier) => {
          const total = groups.total.get(tier) ?? 0;
          const matching = groups.rows.get(tier) ?? [];
          if (filtered ? matching.length === 0 && active.tier !== tier : total === 0 && !ALWAYS.has(tier)) return null;
          const rows = compact ? mostRecent(matching, limit) : left >= matching.length ? matching : matching.slice(0, left);
          left -= rows.length;
          const id = `sp-tier-${tier}`;
          return (
            <section key={tier} class="sp-tier" data-tier={tier} aria-labelledby={id}>
              <h2 id={id} class="sp-tier-h" tabIndex={-1}>
                <span class="sp-dot" aria-hidden="true" />
                {filtered ? `${TIER_HEADING[tier]} (${matching.length} of ${total})` : `${TIER_HEADING[tier]} (${total})`}
              </h2>
              {rows.length === 0 && matching.length > 0 ? (
                <p class="sp-muted sp-none">{W.loading}</p>
              ) : rows.length ? (
                <ul class="sp-rows">
                  {rows.map((item) => (
                    <MemoRow key={item.program.id} item={item} compact={compact} visaNeed={visaNeed} onUpdate={update} onRemove={remove} renderExtra={renderExtra} />
                  ))}
                </ul>
              ) : compact && more(tier, 0, 0) > 0 ? null : (
                // (The quick list's rows of this tier were all moved away here: "N more" says the rest.)
                <p class="sp-muted sp-none">{filtered ? 'No matches' : W.noneYet}</p>
              )}
              {compact && more(tier, rows.length, matching.length) > 0 && <p class="sp-muted sp-more">{`${more(tier, rows.length, matching.length)} more in the full list`}</p>}
            </section>
          );
        })}
        {filtered && shown.length === 0 && <p class="sp-nomatch">No saved program matches.</p>}
      </div>
      <div class="sp-undo-bar" aria-live="polite">
        {waiting.map(([id, r]) => (
          <p key={id} class="sp-undo">
            <span>{`Removed ${r.item.program.name} · `}</span>
            <button type="button" class="sp-link" data-undo-id={id} aria-label={`Undo removing ${r.item.program.name}`} onClick={() => undo(id)}>
              {W.undo}
            </button>
          </p>
        ))}
      </div>
    </div>
  );
}

/**
 * Mounts the list in a container and returns its unmount: the benchmark's way to time a first
 * render of N programs (popup: `limit: 5`; full page: no limit) in happy-dom or a real page.
 * Preact renders synchronously here, so the time around this call is the first render.
 */
export function renderProgramList(container: Element, props: ProgramListProps): () => void {
  render(<ProgramList {...props} />, container);
  return () => render(null, container);
}

export function EmptyGuide({ profileSet, onSetUp }: { profileSet: boolean; onSetUp(): void }) {
  return (
    <section class="sp-empty" aria-labelledby="sp-empty-h">
      <h2 id="sp-empty-h">Your list is empty</h2>
      <p class="sp-muted">Three steps to your first programs:</p>
      <ol class="sp-steps">
        <li data-done={profileSet ? '' : undefined}>
          {profileSet ? (
            <>
              {EMPTY_STEPS[0]} <span class="sp-done">(done)</span>
            </>
          ) : (
            <a
              href="#profile"
              onClick={(e) => {
                e.preventDefault();
                onSetUp();
              }}
            >
              {EMPTY_STEPS[0]}
            </a>
          )}
        </li>
        <li>{EMPTY_STEPS[1]} — the SmartPick badge shows how it fits you.</li>
        <li>{EMPTY_STEPS[2]} with the badge’s “Add to list”.</li>
      </ol>
    </section>
  );
}
