import type { Profile } from '../schema/profile';
import type { Signals } from '../schema/signals';
import { emptyAssessment, isFirm, plural, reason, type Assessment } from './assessment';
import { interpolate, MODEL } from './model';
import { trainingStartYear, yearsOut } from './years-out';

// Graduation recency (FIT_MODEL principle 5). Recency always counts a little (the applicant's own
// figure); a stated limit blocks when firm ({ maxYears: N }: years out > N; { earliestYear: Y }:
// graduated before Y), weighs against when only preferred, and adds a little when met.

const Y = MODEL.yog;

export function assessYog(p: Profile, s: Signals, now: Date): Assessment {
  const a = emptyAssessment();
  const out = yearsOut(p.graduationYear, now);
  const start = trainingStartYear(now);
  const recency = interpolate(Y.recencyAnchors, out);
  a.reasons.push(
    reason('yog', out <= 0 ? `Graduating ${p.graduationYear}: no gap before a ${start} start` : `Graduated ${p.graduationYear}: ${plural(out, 'year')} before a ${start} start`, recency, null),
  );
  const sig = s.yog;
  if (!sig) {
    a.verify.push({ field: 'yog', question: 'Does the program limit the years since graduation?' });
    return a;
  }
  const v = sig.value;
  const beyond = 'maxYears' in v ? out > v.maxYears : p.graduationYear < v.earliestYear;
  const limit = 'maxYears' in v ? `graduation within ${plural(v.maxYears, 'year')}` : `graduation in ${v.earliestYear} or later`;
  if (!beyond) {
    a.reasons.push(reason('yog', `Within the program's limit: ${limit}`, Y.withinStated, sig.evidence));
    return a;
  }
  const yours = `Graduated ${p.graduationYear}, ${plural(out, 'year')} before a ${start} start`;
  if (isFirm(sig)) {
    a.dealbreakers.push({ field: 'yog', message: `${yours}; program: ${limit}`, evidence: sig.evidence });
  } else {
    a.reasons.push(reason('yog', `${yours}; the program prefers ${limit}`, Y.beyondStated, sig.evidence));
    a.verify.push({ field: 'yog', question: `Would the program consider a ${p.graduationYear} graduate?` });
  }
  return a;
}
