import type { Profile } from '../schema/profile';
import type { Signals } from '../schema/signals';
import { usceMonthsCounted } from './applicant';
import { emptyAssessment, isFirm, plural, reason, type Assessment } from './assessment';
import { MODEL } from './model';

// US clinical experience. Its general value always counts (hands-on fully, observerships half, prior
// US residency fully, up to usce.fullMonths). A stated requirement or preference counts hands-on
// months only, unless the page says observerships count, plus prior US residency ("one year in an
// accredited US hospital"); with no stated amount it asks for more than nothing.

const U = MODEL.usce;

export function assessUsce(p: Profile, s: Signals): Assessment {
  const a = emptyAssessment();
  const general = (p.usce.handsOn ? p.usce.months : p.usce.months * U.observershipFactor) + p.usResidencyMonths;
  if (general > 0) {
    const parts = [
      ...(p.usce.months > 0 ? [`${plural(p.usce.months, 'month')} ${p.usce.handsOn ? 'hands-on' : 'observership'}`] : []),
      ...(p.usResidencyMonths > 0 ? [`${plural(p.usResidencyMonths, 'month')} of US residency`] : []),
    ];
    a.reasons.push(reason('usce', `US clinical experience: ${parts.join(', ')}`, (U.maxPoints * Math.min(general, U.fullMonths)) / U.fullMonths, null));
  }
  const sig = s.usce;
  if (!sig) {
    a.verify.push({ field: 'usce', question: 'Does the program require US clinical experience, and do observerships count?' });
    return a;
  }
  const v = sig.value;
  if (v.status === 'not-required') return a;
  const counted = usceMonthsCounted(p, v.observershipsCount === true);
  const need = v.minMonths !== null && v.minMonths > 0 ? v.minMonths : null;
  const met = need === null ? counted > 0 : counted >= need;
  const kind = v.observershipsCount === true ? 'US clinical experience (observerships count)' : 'hands-on US clinical experience';
  const wanted = need === null ? kind : `${plural(need, 'month')} of ${kind}`;
  const firmRule = v.status === 'required' && isFirm(sig);
  const verb = v.status === 'required' ? 'requires' : 'prefers';
  if (met) {
    a.reasons.push(reason('usce', `Meets the program's ${v.status === 'required' ? 'requirement' : 'preference'}: ${wanted}`, U.met, sig.evidence));
    return a;
  }
  const yours = counted > 0 ? `you have ${plural(counted, 'month')} that count${counted === 1 ? 's' : ''}` : 'you have none that counts';
  if (firmRule) {
    a.dealbreakers.push({ field: 'usce', message: `Program requires ${wanted}; ${yours}`, evidence: sig.evidence });
  } else {
    const shortfall = need === null ? 1 : 1 - counted / need;
    a.reasons.push(reason('usce', `Program ${verb} ${wanted}; ${yours}`, U.unmetMax * shortfall, sig.evidence));
    const have = counted > 0 ? `with ${plural(counted, 'month')} of ${kind}` : `without ${kind}`;
    a.verify.push({ field: 'usce', question: `Would the program consider you ${have}?` });
  }
  return a;
}
