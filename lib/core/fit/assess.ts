import type { Profile } from '../schema/profile';
import type { Signals } from '../schema/signals';
import type { Assessment } from './assessment';
import { assessAttempts } from './attempts';
import { assessProgram } from './program';
import { assessStep1 } from './step1';
import { assessStep2 } from './step2';
import { assessUsce } from './usce';
import { assessVisa } from './visa';
import { assessYog } from './yog';

// Every rule, in the order the badge lists them: visa first (decisive for most IMGs), then exams,
// then the program's openness, then the applicant's experience and recency.

export function assess(profile: Profile, signals: Signals, now: Date): Assessment {
  const parts = [
    assessVisa(profile, signals),
    assessStep2(profile, signals),
    assessStep1(profile, signals),
    assessAttempts(profile, signals),
    assessProgram(signals),
    assessUsce(profile, signals),
    assessYog(profile, signals, now),
  ];
  return {
    dealbreakers: parts.flatMap((p) => p.dealbreakers),
    reasons: parts.flatMap((p) => p.reasons),
    verify: parts.flatMap((p) => p.verify),
    usedOutcomes: parts.some((p) => p.usedOutcomes === true),
    outcomesFallback: parts.some((p) => p.outcomesFallback === true),
  };
}
