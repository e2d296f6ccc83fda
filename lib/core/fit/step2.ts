import type { Profile } from '../schema/profile';
import type { Signals } from '../schema/signals';
import { emptyAssessment, isFirm, reason, type Assessment } from './assessment';
import { MODEL, type Quartiles } from './model';
import { outcomeReference } from './outcomes';

// Competitiveness (FIT_MODEL principle 2): the applicant's Step 2 CK against the program's stated
// minimum when there is one, otherwise against NRMP outcomes for non-US IMGs in the specialty.
// Both become a "position" in the same units (0 = typical matched applicant; ±1 = a quartile away),
// then points. A stated minimum is a floor: being typical means clearing it comfortably
// (step2.comfortOverMinimum), and clearing it by a little reads like being below the quartile.

const S2 = MODEL.step2;
const clampPosition = (x: number) => Math.min(S2.positionMax, Math.max(S2.positionMin, x));

export function positionOverMinimum(score: number, minimum: number): number {
  return clampPosition((score - minimum - S2.comfortOverMinimum) / S2.pointsOverMinimumPerUnit);
}

export function positionInOutcomes(score: number, q: Quartiles): number {
  const spread = score >= q.median ? q.q3 - q.median : q.median - q.q1;
  return clampPosition((score - q.median) / spread);
}

function whereInOutcomes(score: number, q: Quartiles): string {
  if (score >= q.q3) return 'in the top quarter of';
  if (score >= q.median) return 'above the median of';
  if (score >= q.q1) return 'below the median of';
  return 'below the middle half of';
}

export function assessStep2(p: Profile, s: Signals): Assessment {
  const a = emptyAssessment();
  const score = p.step2ck.score;
  const min = s.step2MinScore;
  const notTaken = () =>
    a.reasons.push(reason('step2', 'Step 2 CK not taken yet: most programs want the score before interviews', S2.notTakenPosition * S2.pointsPerUnit, null));

  if (min) {
    const m = min.value;
    if (score === null) {
      notTaken();
      a.verify.push({ field: 'step2', question: `Will the program consider you before you have a Step 2 CK score? It states a minimum of ${m}.` });
      return a;
    }
    const points = positionOverMinimum(score, m) * S2.pointsPerUnit;
    if (score < m) {
      if (isFirm(min)) a.dealbreakers.push({ field: 'step2', message: `Step 2 CK ${score} is below the stated minimum of ${m}`, evidence: min.evidence });
      else a.verify.push({ field: 'step2', question: `Would the program consider a Step 2 CK of ${score}? It prefers ${m} or more.` });
      a.reasons.push(reason('step2', `Step 2 CK ${score} is below the program's ${isFirm(min) ? 'stated' : 'preferred'} minimum of ${m}`, points, min.evidence));
    } else {
      const by = score - m;
      const comfort = by >= S2.comfortOverMinimum ? 'comfortably' : 'a minimum is a floor, not the typical resident';
      a.reasons.push(reason('step2', `Step 2 CK ${score} clears the ${isFirm(min) ? 'stated' : 'preferred'} minimum of ${m} by ${by} (${comfort})`, points, min.evidence));
    }
    return a;
  }

  if (score === null) {
    notTaken();
    return a;
  }
  const ref = outcomeReference(p, s);
  const q = ref.matched;
  const points = positionInOutcomes(score, q) * S2.pointsPerUnit;
  const who = ref.specialtyName
    ? `non-US IMGs who matched in ${ref.specialtyName}${ref.from === 'profile' ? ' (your first specialty; the page does not name one)' : ''}`
    : 'non-US IMGs who matched in competitive specialties (this specialty is not in the NRMP table)';
  a.reasons.push(reason('step2', `Step 2 CK ${score} is ${whereInOutcomes(score, q)} ${who}: median ${q.median}, middle half ${q.q1}–${q.q3}`, points, null));
  a.verify.push({ field: 'step2', question: 'Does the program set a minimum Step 2 CK score?' });
  a.usedOutcomes = true;
  a.outcomesFallback = ref.from === 'fallback';
  return a;
}
