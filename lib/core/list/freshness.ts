import type { Program } from '../schema/program';
import type { SignalField } from '../schema/signals';
import { SIGNAL_FIELDS } from '../signals/empty';

// Freshness (UX.md "Freshness and privacy"): every fact says when it was read, and facts read before
// the current application season are flagged "may be out of date" — programs change visa policy,
// minimums and graduation limits between seasons ("only J-1 for 2026-2027", FACTS.md).
//
// The season: ERAS opens to applicants in June and the cycle runs until the next one opens, so the
// season "2026–2027" runs 1 June 2026 – 31 May 2027 (applications in 2026 for training from July
// 2027). Boundaries are taken at 00:00 UTC: a few hours either way do not change whether a fact read
// months ago needs a second look, and UTC keeps the result the same on every machine. `now` is passed
// in (HOUSE_STYLE habit 5).

/** June, as a JavaScript month index. */
const SEASON_START_MONTH = 5;

export interface Season {
  /** "2026–2027" (en dash). */
  label: string;
  /** The calendar year the season opens in. */
  year: number;
  /** 1 June, 00:00 UTC. */
  start: Date;
  /** The next season's start (exclusive). */
  end: Date;
}

export function currentSeason(now: Date): Season {
  const year = now.getUTCMonth() >= SEASON_START_MONTH ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return {
    label: `${year}–${year + 1}`,
    year,
    start: new Date(Date.UTC(year, SEASON_START_MONTH, 1)),
    end: new Date(Date.UTC(year + 1, SEASON_START_MONTH, 1)),
  };
}

/**
 * Read before the current season started. A date that cannot be read counts as stale: nothing shows
 * it is current, and a re-check costs less than trusting it.
 */
export function isStale(readAt: string | Date, now: Date): boolean {
  const t = typeof readAt === 'string' ? Date.parse(readAt) : readAt.getTime();
  return Number.isNaN(t) || t < currentSeason(now).start.getTime();
}

/**
 * When a fact was read: its evidence's `readAt`; records saved before facts carried one fall back to
 * the program's `updatedAt` (which also moves on edits such as notes, so it errs toward "fresh").
 */
export function factReadAt(program: Pick<Program, 'signals' | 'updatedAt'>, field: SignalField): string | null {
  const sig = program.signals[field];
  return sig ? (sig.evidence.readAt ?? program.updatedAt) : null;
}

export interface ProgramFreshness {
  /** The oldest read among its stated facts (the one that may be out of date); `updatedAt` when none is stated. */
  readAt: string;
  stale: boolean;
  /** Stated facts read before the current season. */
  staleFields: SignalField[];
}

const time = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
};

export function programFreshness(program: Pick<Program, 'signals' | 'updatedAt'>, now: Date): ProgramFreshness {
  const reads = SIGNAL_FIELDS.flatMap((field) => {
    const at = factReadAt(program, field);
    return at === null ? [] : [{ field, at }];
  });
  if (reads.length === 0) return { readAt: program.updatedAt, stale: isStale(program.updatedAt, now), staleFields: [] };
  const oldest = reads.reduce((a, b) => (time(b.at) < time(a.at) ? b : a));
  const staleFields = reads.filter((r) => isStale(r.at, now)).map((r) => r.field);
  return { readAt: oldest.at, stale: staleFields.length > 0, staleFields };
}

/** Ids of the programs with a fact read before the current season ("Re-check all"). */
export const staleIds = (items: readonly { program: Program }[], now: Date): string[] =>
  items.filter((i) => programFreshness(i.program, now).stale).map((i) => i.program.id);

export const staleCount = (items: readonly { program: Program }[], now: Date): number => staleIds(items, now).length;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "14 Aug 2025" (UTC, the same words whatever the browser's locale); "an unknown date" if unreadable. */
export function formatDay(readAt: string | Date): string {
  const d = typeof readAt === 'string' ? new Date(readAt) : readAt;
  if (Number.isNaN(d.getTime())) return 'an unknown date';
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** A row's line: "Read 14 Aug 2025 · may be out of date", or "Read 3 Sep 2026". */
export function freshnessLine(program: Pick<Program, 'signals' | 'updatedAt'>, now: Date): { text: string; stale: boolean; readAt: string } {
  const f = programFreshness(program, now);
  return { text: `Read ${formatDay(f.readAt)}${f.stale ? ' · may be out of date' : ''}`, stale: f.stale, readAt: f.readAt };
}
