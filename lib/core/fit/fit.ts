import type { Fit } from '../schema/fit';
import type { Profile } from '../schema/profile';
import type { Signals } from '../schema/signals';
import { assess } from './assess';
import { confidence } from './confidence';
import { scoreFrom } from './score';
import { tierFor } from './tier';

// Profile × Signals → Fit (DESIGN.md "lib/core/fit"). Pure: `now` is passed in and only decides the
// training start year for graduation limits. Dealbreakers decide the tier ('ineligible'); the score
// is still computed from the other reasons so the list can show how the rest of the page fits
// (a blocked rule itself adds no weight: the dealbreaker says it). Confidence is separate.

export function fit(profile: Profile, signals: Signals, now: Date): Fit {
  const a = assess(profile, signals, now);
  const score = scoreFrom(a.reasons);
  const c = confidence(profile, signals, { outcomesFallback: a.outcomesFallback === true });
  return {
    tier: tierFor(score, a.dealbreakers.length),
    score,
    confidence: c.confidence,
    dealbreakers: a.dealbreakers,
    reasons: a.reasons,
    verify: a.verify,
    usedOutcomes: a.usedOutcomes === true,
    known: c.known,
    total: c.total,
  };
}
