import { trainingStartYear } from '../fit/years-out';
import type { Tier } from '../schema/fit';
import type { ListDigest } from '../schema/digest';
import type { Profile } from '../schema/profile';
import { listFigures, type CoachItem } from './coach';
import { mostRecent } from './filter';

// The list digest: tier counts, the coach's fee input and the most recent few programs per tier,
// built by the background after every change (entrypoints/background) and read by the toolbar
// popup first, so its first screen costs the same with 1,000 saved programs as with 20. The full
// list page still reads every program. Pure: no storage here.

/** Rows per tier the toolbar popup shows (components/popup/Popup.tsx POPUP_ROWS). */
export const DIGEST_ROWS = 5;

const TIERS: readonly Tier[] = ['reach', 'realistic', 'safety', 'ineligible', 'unknown'];

export function buildDigest(items: readonly CoachItem[], skipped: number, profile: Profile | null, now: Date, rows = DIGEST_ROWS): ListDigest {
  const figures = listFigures(items, profile);
  const recent = {} as Record<Tier, string[]>;
  for (const t of TIERS) recent[t] = mostRecent(items.filter((i) => i.tier === t), rows).map((i) => i.program.id);
  return {
    version: 1,
    builtAt: now.toISOString(),
    profileSet: profile !== null,
    total: items.length,
    skipped,
    counts: figures.counts,
    specialties: figures.specialties,
    recent,
  };
}

/**
 * Whether a digest still describes the list at `now`: fit moves only when the application season
 * turns (years since graduation count to the training start, lib/core/fit/years-out.ts), and every
 * write deletes the digest in its own transaction (lib/platform/db.ts). A digest from the future
 * (a clock set back) is not trusted either.
 */
export function digestIsCurrent(digest: Pick<ListDigest, 'builtAt'>, now: Date): boolean {
  const built = new Date(digest.builtAt);
  if (Number.isNaN(built.getTime()) || built.getTime() > now.getTime() + 60_000) return false;
  return trainingStartYear(built) === trainingStartYear(now);
}

/** Every program id the digest names, once. */
export function digestIds(digest: Pick<ListDigest, 'recent'>): string[] {
  return [...new Set(Object.values(digest.recent).flat())];
}
