import type { Profile } from '../schema/profile';
import type { Signals } from '../schema/signals';
import { emptyAssessment, isFirm, reason, type Assessment } from './assessment';
import { MODEL } from './model';

// Step 1 against a stated minimum. Step 2 CK carries competitiveness; Step 1 only adds a little when
// cleared and blocks when firmly missed. A pass/fail Step 1 (no score) cannot be compared: the
// minimum becomes a question, never a dealbreaker.

const S1 = MODEL.step1;

export function assessStep1(p: Profile, s: Signals): Assessment {
  const a = emptyAssessment();
  const min = s.step1MinScore;
  const score = p.step1.score;
  if (!min) {
    if (score !== null) a.verify.push({ field: 'step1', question: 'Does the program set a minimum Step 1 score?' });
    return a;
  }
  const m = min.value;
  if (score === null) {
    const yours = p.step1.result === 'not-taken' ? 'You have not taken Step 1' : 'Your Step 1 is pass/fail';
    a.verify.push({ field: 'step1', question: `${yours}: does the program's Step 1 minimum of ${m} apply to you?` });
    return a;
  }
  if (score < m) {
    if (isFirm(min)) {
      a.dealbreakers.push({ field: 'step1', message: `Step 1 ${score} is below the stated minimum of ${m}`, evidence: min.evidence });
    } else {
      a.reasons.push(reason('step1', `Step 1 ${score} is below the program's preferred minimum of ${m}`, S1.belowPoints, min.evidence));
      a.verify.push({ field: 'step1', question: `Would the program consider a Step 1 of ${score}? It prefers ${m} or more.` });
    }
    return a;
  }
  const well = score - m >= S1.clearBy;
  a.reasons.push(reason('step1', `Step 1 ${score} clears the ${isFirm(min) ? 'stated' : 'preferred'} minimum of ${m}${well ? ' comfortably' : ''}`, well ? S1.wellClearPoints : S1.clearPoints, min.evidence));
  return a;
}
