import type { Profile } from '../schema/profile';
import type { SignalField, Signals } from '../schema/signals';
import { hasFailedAttempt } from './applicant';
import { isFirm } from './assessment';
import { MODEL } from './model';

// How much of what matters to this applicant the page states (FIT_MODEL principle 6): shown apart
// from the score, which unknowns never lower. A fact counts when it matters to this applicant —
// the visa they need (none for an applicant who needs none), attempts only with a repeated attempt,
// Step 1 only with a numeric Step 1 score — or when the page states a rule the model checks anyway
// (visa statements are never read for an applicant who needs no visa). Facts stated with
// exceptions or as preferences count partly; leaning on the outcomes fallback lowers it too.

const W = MODEL.confidence.weights;

interface Fact { key: SignalField; weight: number; matters: boolean }

function facts(p: Profile, s: Signals): Fact[] {
  const firmYes = (k: 'visaJ1' | 'visaH1b') => {
    const sig = s[k];
    return sig !== null && sig.value === 'yes' && isFirm(sig);
  };
  const visa: Fact[] =
    p.visa === 'j1' ? [{ key: 'visaJ1', weight: W.visa, matters: true }]
    : p.visa === 'h1b' ? [{ key: 'visaH1b', weight: W.visa, matters: true }]
    : p.visa === 'any'
      // Either visa will do: once one is an unqualified yes, the other no longer matters.
      ? [
          { key: 'visaJ1', weight: W.visa / 2, matters: !firmYes('visaH1b') },
          { key: 'visaH1b', weight: W.visa / 2, matters: !firmYes('visaJ1') },
        ]
      : [];
  return [
    ...visa,
    { key: 'step2MinScore', weight: W.step2, matters: true },
    { key: 'step1MinScore', weight: W.step1, matters: p.step1.score !== null },
    { key: 'attempts', weight: W.attempts, matters: hasFailedAttempt(p) },
    { key: 'specialty', weight: W.specialty, matters: true },
    { key: 'programType', weight: W.programType, matters: true },
    { key: 'imgPercent', weight: W.imgPercent, matters: true },
    { key: 'yog', weight: W.yog, matters: true },
    { key: 'usce', weight: W.usce, matters: true },
  ];
}

export interface Confidence {
  /** 0–1. */
  confidence: number;
  /** Facts found and facts that matter: "3 of 12 facts found". */
  known: number;
  total: number;
}

export function confidence(p: Profile, s: Signals, opts: { outcomesFallback: boolean }): Confidence {
  let knownWeight = 0;
  let totalWeight = 0;
  let known = 0;
  let total = 0;
  for (const f of facts(p, s)) {
    const sig = s[f.key];
    if (!f.matters && sig === null) continue;
    total++;
    totalWeight += f.weight;
    if (sig === null) continue;
    known++;
    knownWeight += f.weight * (isFirm(sig) ? 1 : MODEL.confidence.hedgedFactor);
  }
  const c = (totalWeight > 0 ? knownWeight / totalWeight : 0) * (opts.outcomesFallback ? MODEL.confidence.fallbackFactor : 1);
  return { confidence: Math.round(c * 100) / 100, known, total };
}
