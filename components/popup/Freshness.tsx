import { currentSeason, formatDay, freshnessLine, staleIds } from '../../lib/core/list/freshness';
import type { Program } from '../../lib/core/schema/program';

// Freshness (UX.md "Freshness and privacy"): when a program's facts were read, flagged "may be out
// of date" when read before the current application season, with "Re-check" for one program and
// "Re-check all (N)" for the list. Props in, callbacks out; `now` is passed in like everywhere else.

export interface FreshnessLineProps {
  program: Pick<Program, 'id' | 'name' | 'signals' | 'updatedAt'>;
  now: Date;
  onRecheck(programId: string): void;
  /** Also show the read date when it is current (the full list); by default only stale rows get a line. */
  showFresh?: boolean;
}

/** A row's "Read 14 Aug 2025 · may be out of date  Re-check". */
export function FreshnessLine({ program, now, onRecheck, showFresh = false }: FreshnessLineProps) {
  const line = freshnessLine(program, now);
  if (!line.stale && !showFresh) return null;
  return (
    <p class="sp-fresh sp-muted" data-stale={line.stale ? '' : undefined} style={{ marginTop: '2px', fontSize: '12px' }}>
      {line.text}
      {line.stale && (
        <>
          {' '}
          <button type="button" class="sp-link" aria-label={`Re-check ${program.name}`} onClick={() => onRecheck(program.id)}>
            Re-check
          </button>
        </>
      )}
    </p>
  );
}

export interface RecheckAllProps {
  items: readonly { program: Program }[];
  now: Date;
  /** Re-read every program whose facts predate the season. */
  onRecheckAll(programIds: string[]): void;
}

/** "3 programs were read before the 2026–2027 season began (1 Jun 2026). [Re-check all (3)]"; nothing when none. */
export function RecheckAll({ items, now, onRecheckAll }: RecheckAllProps) {
  const ids = staleIds(items, now);
  if (ids.length === 0) return null;
  const season = currentSeason(now);
  const n = ids.length;
  return (
    <p class="sp-recheck" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 10px', margin: '0 0 10px' }}>
      <span class="sp-muted">
        {`${n} ${n === 1 ? 'program has' : 'programs have'} facts read before the ${season.label} season began (${formatDay(season.start)}); they may be out of date.`}
      </span>
      <button type="button" class="sp-btn sp-small" onClick={() => onRecheckAll(ids)}>
        {`Re-check all (${n})`}
      </button>
    </p>
  );
}
