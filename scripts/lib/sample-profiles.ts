// The sample applicant used by the demo and the browser benchmarks: Step 2 CK 232, needs a J-1,
// graduated 2023, 3 months hands-on US clinical experience, internal medicine.
export const SAMPLE_PROFILE = {
  step1: { result: 'pass', score: null, attempts: 1 },
  step2ck: { score: 232, attempts: 1 },
  step3: { passed: false },
  graduationYear: 2023,
  visa: 'j1',
  usce: { months: 3, handsOn: true },
  specialties: ['internal-medicine'],
  states: [],
  ecfmgCertified: false,
  usResidencyMonths: 0,
};

/** The same applicant with another Step 2 CK score (re-scoring benchmarks change it). */
export const withStep2 = (score: number) => ({ ...SAMPLE_PROFILE, step2ck: { score, attempts: 1 } });
