import type { Fit, ListTier, Tier } from '../schema/fit';
import type { Profile } from '../schema/profile';
import type { Program } from '../schema/program';
import type { Signals } from '../schema/signals';
import { SIGNAL_FIELDS } from '../signals/empty';

// Fit with "no profile yet" handled, and the tier a saved program shows (a user's move wins).

export type FitFn = (profile: Profile, signals: Signals, now: Date) => Fit;

export function unknownFit(signals: Signals): Fit {
  const known = SIGNAL_FIELDS.filter((f) => signals[f] !== null).length;
  return {
    tier: 'unknown', score: null, confidence: 0, dealbreakers: [], reasons: [], verify: [],
    usedOutcomes: false, known, total: SIGNAL_FIELDS.length,
  };
}

export function evaluate(fitFn: FitFn, profile: Profile | null, signals: Signals, now: Date): Fit {
  return profile ? fitFn(profile, signals, now) : unknownFit(signals);
}

/** The tier a saved program is listed under: the user's override, else the model's. */
export function effectiveTier(fit: Fit, override: ListTier | null): Tier {
  return override ?? fit.tier;
}

/** Saved programs with their fit and listed tier, in the order given. */
export function listItems(fitFn: FitFn, profile: Profile | null, programs: readonly Program[], now: Date): { program: Program; fit: Fit; tier: Tier }[] {
  return programs.map((program) => {
    const f = evaluate(fitFn, profile, program.signals, now);
    return { program, fit: f, tier: effectiveTier(f, program.tierOverride) };
  });
}
