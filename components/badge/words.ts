import type { Fit, ListTier, Tier } from '../../lib/core/schema/fit';
import type { Corner } from './types';

// Every word the badge shows, in one place (UX.md "Words"): calm, factual, never a match promise.

export const TIER_WORD: Record<Tier, string> = {
  reach: 'Reach',
  realistic: 'Realistic',
  safety: 'Safety',
  ineligible: 'Not eligible',
  unknown: 'Unknown',
};

export const LIST_TIERS: readonly ListTier[] = ['reach', 'realistic', 'safety'];

/** Below this the tier is shown with "?": too few of the facts the model reads were stated. */
export const LOW_CONFIDENCE = 0.5;
export const isLowConfidence = (fit: Fit): boolean => fit.confidence < LOW_CONFIDENCE;

export const factsFound = (fit: Fit): string => `${fit.known} of ${fit.total} facts found`;

export const DISCLAIMER = 'Ranked from what the program states and public outcome data — not a match prediction.';
export const NRMP_SOURCE = 'Source: NRMP Charting Outcomes 2026';

export const W = {
  brand: 'SmartPick',
  setup: 'Set up your profile',
  reading: 'reading…',
  error: 'couldn’t read this page',
  retry: 'Retry',
  dismiss: 'Dismiss SmartPick',
  move: 'Move badge',
  closePanel: 'Close panel',
  add: 'Add to list',
  inList: 'In your list',
  openList: 'Open list',
  remove: 'Remove from list',
  changeTier: 'Change tier',
  listMenu: 'List options',
  dealbreakers: 'Dealbreakers',
  fits: 'What fits',
  against: 'What weighs against',
  verify: 'Not stated on this page — verify',
  conflicts: 'Conflicts',
  showOnPage: 'Show on page',
} as const;

/** "+12", "−8" (a real minus sign), "+2.5", "0". Weights come rounded to one decimal. */
export function formatWeight(weight: number): string {
  const r = Math.round(weight * 10) / 10;
  if (r === 0) return '0';
  return (r > 0 ? '+' : '\u2212') + String(Math.abs(r));
}

/** The "Move badge" button walks the corners clockwise from the default. */
export const CORNERS: readonly Corner[] = ['bottom-right', 'bottom-left', 'top-left', 'top-right'];
export const nextCorner = (c: Corner): Corner => CORNERS[(CORNERS.indexOf(c) + 1) % CORNERS.length]!;

/** Where a drag ends decides the corner: the quadrant of the viewport the pointer is in. */
export function nearestCorner(x: number, y: number, width: number, height: number): Corner {
  return `${y < height / 2 ? 'top' : 'bottom'}-${x < width / 2 ? 'left' : 'right'}`;
}
