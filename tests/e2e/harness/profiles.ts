import type { ProfileInput } from '../../../lib/core/schema/profile';

// Profiles for the browser tests. EXAMPLE is DESIGN.md's profile example: Step 2 CK 214, needs a
// J-1, graduated 2021, 3 months hands-on USCE, internal medicine.

export const EXAMPLE_PROFILE = {
  step1: { result: 'pass', score: null, attempts: 1 },
  step2ck: { score: 214, attempts: 1 },
  step3: { passed: false },
  graduationYear: 2021,
  visa: 'j1',
  usce: { months: 3, handsOn: true },
  specialties: ['internal-medicine'],
  states: [],
  ecfmgCertified: false,
  usResidencyMonths: 0,
} satisfies ProfileInput;

/** A strong applicant who needs no visa: clears every minimum and graduation limit in the fixtures, any year. */
export const STRONG_PROFILE = {
  ...EXAMPLE_PROFILE,
  step2ck: { score: 248, attempts: 1 },
  step3: { passed: true },
  graduationYear: new Date().getFullYear() - 1,
  visa: 'none',
  usce: { months: 6, handsOn: true },
  specialties: ['internal-medicine', 'family-medicine'],
  ecfmgCertified: true,
} satisfies ProfileInput;
