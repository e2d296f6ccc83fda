import type { Profile } from '../schema/profile';

// Facts about the applicant that several rules need, computed one way.

/** Steps with a failed sitting: a recorded fail, or more than one sitting (every sitting is counted). */
export function failedSteps(p: Profile): { step1: boolean; step2: boolean } {
  return { step1: p.step1.result === 'fail' || p.step1.attempts > 1, step2: p.step2ck.attempts > 1 };
}

export const hasFailedAttempt = (p: Profile) => {
  const f = failedSteps(p);
  return f.step1 || f.step2;
};

/**
 * Months of US clinical experience a stated USCE rule counts: hands-on months (observership months
 * too when the page says observerships count) plus prior US residency training.
 */
export function usceMonthsCounted(p: Profile, observershipsCount: boolean): number {
  return (p.usce.handsOn || observershipsCount ? p.usce.months : 0) + p.usResidencyMonths;
}
