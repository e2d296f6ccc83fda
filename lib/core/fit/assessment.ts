import type { Dealbreaker, FitField, Reason, VerifyItem } from '../schema/fit';
import type { Evidence, Strength } from '../schema/signals';
import { round1 } from './model';

// What one rule (visa, scores, attempts, …) says about one program for one applicant. Each rule file
// reads its signals once and returns its dealbreakers, its weighted reasons and its questions, so a
// fact is never read two ways (once for the dealbreaker, again for the score).

export interface Assessment {
  dealbreakers: Dealbreaker[];
  reasons: Reason[];
  verify: VerifyItem[];
  /** The Step 2 CK reference came from NRMP outcomes (no stated minimum). */
  usedOutcomes?: boolean;
  /** …and the specialty was not in the outcomes table, so the fallback figures were used. */
  outcomesFallback?: boolean;
}

export const emptyAssessment = (): Assessment => ({ dealbreakers: [], reasons: [], verify: [] });

/** Only a `required`, unhedged signal can block (FIT_MODEL principle 4); anything else is a weight. */
export const isFirm = (s: { strength: Strength; hedged?: boolean | undefined }): boolean =>
  s.strength === 'required' && s.hedged !== true;

export const reason = (field: FitField, text: string, weight: number, evidence: Evidence | null): Reason => ({
  field,
  text,
  weight: round1(weight),
  evidence,
});

export const plural = (n: number, one: string, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;

/** Whole numbers as they are, fractions to one decimal ("1.5 months"). */
export const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, ''));
