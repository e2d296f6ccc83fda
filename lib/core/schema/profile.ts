import { z } from 'zod';

// The applicant's profile (DESIGN.md "Profile"). Messages are written for the person filling the
// form: they say what is expected, in plain words.

const score = (exam: string) =>
  z
    .number({ error: `${exam} score must be a number` })
    .int(`${exam} score must be a whole number`)
    .min(1, `${exam} scores run from 1 to 300`)
    .max(300, `${exam} scores run from 1 to 300`);

const attempts = (exam: string) =>
  z
    .number({ error: `${exam} attempts must be a number` })
    .int(`${exam} attempts must be a whole number`)
    .min(0, `${exam} attempts cannot be negative`)
    .max(10, `${exam} attempts: 10 at most`);

export const visaNeedSchema = z.enum(['none', 'j1', 'h1b', 'any'], {
  error: 'Visa must be one of: none, j1, h1b, any',
});
export type VisaNeed = z.infer<typeof visaNeedSchema>;

export const profileSchema = z
  .object({
    step1: z.object({
      result: z.enum(['pass', 'fail', 'not-taken'], { error: 'Step 1 result must be pass, fail or not-taken' }),
      /** null in the pass/fail era. */
      score: score('Step 1').nullable().default(null),
      /** Every sitting, including the passing one. */
      attempts: attempts('Step 1').default(1),
    }),
    step2ck: z.object({
      score: score('Step 2 CK').nullable().default(null),
      attempts: attempts('Step 2 CK').default(1),
    }),
    step3: z.object({ passed: z.boolean({ error: 'Step 3 passed must be true or false' }).default(false) }).default({ passed: false }),
    graduationYear: z
      .number({ error: 'Graduation year must be a year such as 2021' })
      .int('Graduation year must be a whole year')
      .min(1950, 'Graduation year must be 1950 or later')
      .max(2100, 'Graduation year must be a year such as 2021'),
    visa: visaNeedSchema,
    usce: z
      .object({
        months: z.number({ error: 'USCE months must be a number' }).min(0, 'USCE months cannot be negative').max(240, 'USCE months: 240 at most'),
        /** Hands-on (clerkship, externship, sub-internship) rather than observership only. */
        handsOn: z.boolean({ error: 'Hands-on must be true or false' }),
      })
      .default({ months: 0, handsOn: false }),
    specialties: z.array(z.string().regex(/^[a-z-]+$/, 'Specialties are written like internal-medicine')).max(30).default([]),
    states: z.array(z.string().regex(/^[A-Z]{2}$/, 'States are two capital letters, such as NY')).max(60).default([]),
    ecfmgCertified: z.boolean().default(false),
    /** Prior ACGME residency training, months; counts toward "one year in a US hospital" rules. */
    usResidencyMonths: z.number().min(0, 'US residency months cannot be negative').max(120, 'US residency months: 120 at most').default(0),
  })
  .superRefine((p, ctx) => {
    if (p.step1.result === 'not-taken' && p.step1.attempts > 0 && p.step1.score !== null)
      ctx.addIssue({ code: 'custom', path: ['step1', 'score'], message: 'A Step 1 score needs a Step 1 result of pass or fail' });
    if (p.step2ck.score === null && p.step2ck.attempts > 1)
      ctx.addIssue({ code: 'custom', path: ['step2ck', 'score'], message: 'Enter your Step 2 CK score (or set attempts to 0 if not taken)' });
  });
export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;

/** One line per problem, naming the field: "step2ck.score: Step 2 CK scores run from 1 to 300". */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
}
