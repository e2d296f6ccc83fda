import type { ProfileInput } from '../../../lib/core/schema/profile';
import { EXAMPLE_PROFILE } from '../../fixtures/profiles';

// Profiles for the browser tests. EXAMPLE is DESIGN.md's profile example: Step 2 CK 214, needs a
// J-1, graduated 2021, 3 months hands-on USCE, internal medicine.

export { EXAMPLE_PROFILE };

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
