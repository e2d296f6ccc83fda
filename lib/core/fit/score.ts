import type { Reason } from '../schema/fit';
import { MODEL } from './model';

// The score is the base plus every reason's weight (as shown, to one decimal), clamped to 0–100 and
// rounded: what the badge lists is exactly what the score is made of. Each weight is monotone in the
// applicant's figures, and so are sum, clamp and rounding.

export function scoreFrom(reasons: readonly Reason[]): number {
  const sum = reasons.reduce((total, r) => total + r.weight, MODEL.base);
  return Math.round(Math.min(MODEL.max, Math.max(MODEL.min, sum)));
}
