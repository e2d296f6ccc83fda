import type { Tier } from '../schema/fit';
import { MODEL } from './model';

// Any dealbreaker → 'ineligible', whatever the score (the score is still shown). Otherwise the
// thresholds of data/fit-model.json. fit() never answers 'unknown': that is the caller's word for
// "no profile yet" or "not a program page".

export const TIER_ORDER = ['ineligible', 'reach', 'realistic', 'safety'] as const;

export function tierFor(score: number, dealbreakerCount: number): Exclude<Tier, 'unknown'> {
  if (dealbreakerCount > 0) return 'ineligible';
  if (score >= MODEL.safetyFrom) return 'safety';
  if (score >= MODEL.realisticFrom) return 'realistic';
  return 'reach';
}
