import type { Signals } from '../schema/signals';
import { emptyAssessment, fmt, reason, type Assessment } from './assessment';
import { interpolate, MODEL } from './model';

// The program's openness to IMGs (FIT_MODEL principle 3): setting (community > community-university-
// affiliated > university) and the share of IMGs among residents, weighed continuously.

const SETTING_TEXT = {
  community: 'Community program: the most open to IMGs',
  'community-university-affiliated': 'Community program affiliated with a university',
  university: 'University program: the least open to IMGs',
} as const;

export function assessProgram(s: Signals): Assessment {
  const a = emptyAssessment();
  if (s.programType) {
    const t = s.programType.value;
    a.reasons.push(reason('programType', SETTING_TEXT[t], MODEL.setting[t], s.programType.evidence));
  } else {
    a.verify.push({ field: 'programType', question: 'Is the program community-based or university-based?' });
  }
  if (s.imgPercent) {
    const pct = s.imgPercent.value;
    const text = pct === 0 ? 'Currently no IMGs among the residents' : `About ${fmt(Math.round(pct))}% of residents are IMGs`;
    a.reasons.push(reason('imgPercent', text, interpolate(MODEL.imgAnchors, pct), s.imgPercent.evidence));
  } else {
    a.verify.push({ field: 'imgPercent', question: 'How many of the current residents are IMGs?' });
  }
  return a;
}
