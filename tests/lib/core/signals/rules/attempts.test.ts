import { describe, expect, test } from 'vitest';
import { pageTextFromLines } from '../../../../../lib/core/page-text';
import { extractSignals } from '../../../../../lib/core/signals';
import { toLabels } from '../../../../../lib/core/signals/labels';

// USMLE attempts as programs phrase them (our own sentences, to the patterns of shared/FACTS.md),
// labelled per shared/corpus/README.md: true when first-attempt passes are required, false when some
// failure is accepted, null when the page only prefers first attempts or describes likelihoods.

const URL = 'https://www.example-hospital.org/gme/internal-medicine/faq';
const TITLE = 'FAQ | Internal Medicine Residency | Example Hospital';
const read = (lines: string[]) => extractSignals(pageTextFromLines(['We accept applications through ERAS only.', ...lines], URL, TITLE));
const firstAttemptOnly = (lines: string[]) => toLabels(read(lines)).firstAttemptOnly;

describe('first-attempt passes required', () => {
  test.each<[string, string[]]>([
    ['"first-attempt passes only"', ['We accept first-attempt passes only on all USMLE Steps.']],
    ['"must be passed on the first attempt"', ['All USMLE Steps must be passed on the first attempt.']],
    ['"1st attempt" question, bare yes', ['Do I need to pass the USMLE on my 1st attempt? || Yes.']],
    ['"no failures"', ['- No failures on USMLE Step 1 or Step 2 CK']],
    ['any failure not considered', ['Applicants with any USMLE failure will not be considered.']],
    ['failed attempts not accepted', ['Failed attempts on any USMLE Step are not accepted.']],
    ['"in one attempt"', ['Step 2 CK must be passed in one attempt.']],
    ['"first sitting"', ['Applicants must have passed all USMLE exams at the first sitting.']],
    ['"first try" under a requirements heading', ['# Requirements', '- USMLE Step 1 and Step 2 CK passed on first try']],
    ['score on the first attempt', ['A Step 2 CK score of 240 on the first attempt is required.']],
    ['"first-time passes"', ['First-time passes on USMLE Step 1 and Step 2 CK are required.']],
    ['a failure disqualifies', ['A failed attempt on any USMLE Step disqualifies the application.']],
    ['"without any failures"', ['Candidates must have passed every Step without any failures.']],
    ['accept-a-failure question, bare no', ['Do you accept applicants with a USMLE failure? || No.']],
    ['not-first-attempt question, bare no', ['Do you accept applicants who did not pass on the first attempt? || No.']],
    ['a failure precludes', ['Any failed USMLE attempt precludes an interview.']],
    ['"passing scores … on the first attempt"', ['- Passing scores on USMLE Step 1 and Step 2 CK on the first attempt']],
    ['"only … who passed on the first attempt"', ['We only interview applicants who passed USMLE Step 1 and Step 2 CK on the first attempt.']],
  ])('%s', (_name, lines) => {
    expect(firstAttemptOnly(lines)).toBe(true);
  });
});

describe('some failure accepted', () => {
  test.each<[string, string[], number | null]>([
    ['"within 2 attempts"', ['USMLE scores must be passing within 2 attempts.'], 2],
    ['"within two attempts" per step', ['Each Step must be passed within two attempts.'], 2],
    ['"failed three times will not be considered"', ['Applicants who have failed any Step three times will not be considered.'], 3],
    ['"no more than one failure"', ['No more than one failure on the USMLE is accepted.'], 2],
    ['"attempts do not matter"', ['The number of USMLE attempts does not matter as long as all Steps are passed.'], null],
    ['attempt-limit question, bare no', ['Is there an attempt limit? || No.'], null],
    ['limit on the number of attempts, bare no', ['Is there a limit on the number of USMLE attempts? || No, we review every application.'], null],
    ['"not required to pass on the first attempt"', ['Applicants are not required to pass USMLE on the first attempt.'], null],
    ['first-attempt question, bare no', ['Do I need to pass USMLE on my first attempt? || No.'], null],
    ['accept-a-failure question, yes', ['Do you accept applicants with a USMLE failure? || Yes, we consider applicants with one failed attempt.'], null],
    ['"a single failure … still considered"', ['Applicants with a single failed USMLE attempt are still considered.'], null],
    ['"multiple attempts are acceptable"', ['Multiple attempts on USMLE are acceptable.'], null],
    ['"up to two attempts"', ['We accept up to two attempts per USMLE Step.'], 2],
    ['"maximum of three attempts"', ['A maximum of three attempts on any USMLE Step is allowed.'], 3],
    ['not-first-attempt question, yes', ['Do you accept applicants who did not pass on the first attempt? || Yes.'], null],
    ['"not automatically excluded"', ['Applicants who failed a USMLE Step are not automatically excluded.'], null],
    ['"failed more than once will not be considered"', ['Applicants who have failed any Step more than once will not be considered.'], 2],
    ['"failed twice … not eligible"', ['Applicants who failed a USMLE Step twice are not eligible.'], 2],
    ['"may still be considered"', ['Applicants with a USMLE failure may still be considered.'], null],
    ['"if you failed … still eligible"', ['If you failed a Step, you are still eligible to apply.'], null],
    ['"no cut-off for attempts"', ['We do not have a cut-off for attempts, but failures must be explained.'], null],
    ['"regardless of the number of attempts"', ['We review applicants regardless of the number of USMLE attempts.'], null],
  ])('%s', (_name, lines, max) => {
    const s = read(lines);
    expect(toLabels(s).firstAttemptOnly).toBe(false);
    expect(s.attempts?.value.maxAttempts).toBe(max);
  });
});

describe('not a rule', () => {
  test.each<[string, string[]]>([
    ['first attempt preferred', ['First-attempt passes on USMLE are preferred.']],
    ['preference to first-time passers', ['Preference is given to first-time passers of USMLE Step 1 and Step 2 CK.']],
    ['multiple failures will likely preclude', ['Multiple USMLE failures will likely preclude an interview.']],
    ['failures may affect', ['Failures on USMLE may affect your application.']],
    ['board pass rate', ['Our first-time board pass rate is 98%.']],
    ['residents passed on the first attempt (a statistic)', ['All of our graduates passed the ABIM boards on their first attempt last year.']],
    ['list all attempts', ['Please list all USMLE attempts in your ERAS application.']],
    ['failures explained', ['Applicants who failed a Step are encouraged to explain it in the personal statement.']],
    ['a question with no answer', ['How many times can I take Step 1?']],
    ['Step 3 timing only', ['Step 3 must be passed before the start of the PGY-2 year.']],
    ['failure to submit', ['Failure to submit your USMLE transcript by the deadline means the application will not be considered.']],
    ['rarely interview', ['We rarely interview applicants with USMLE failures.']],
    ['reapplying after a first attempt at the Match', ['Can I reapply if I did not match on my first attempt? || Yes.']],
    ['first time applying', ['Applying for the first time? We accept applications through ERAS.']],
    ['first year of residency', ['Residents take Step 3 during the first year of residency.']],
  ])('%s', (_name, lines) => {
    expect(firstAttemptOnly(lines)).toBeNull();
  });
});

describe('strength and evidence', () => {
  test('a first-attempt preference is kept as a preference', () => {
    const s = read(['First-attempt passes on USMLE are preferred.']);
    expect(s.attempts).toMatchObject({ value: { firstAttemptOnly: true }, strength: 'preferred' });
  });
  test('a bare answer carries its question as context', () => {
    const s = read(['Is there an attempt limit? || No.']);
    expect(s.attempts?.evidence).toMatchObject({ quote: 'No.', context: 'Is there an attempt limit?' });
  });
  test('a first-attempt rule for one Step wins over leniency for another', () => {
    const s = read(['Step 1 may be passed within two attempts.', 'Step 2 CK must be passed on the first attempt.']);
    expect(toLabels(s).firstAttemptOnly).toBe(true);
  });
});

// Phrasings met writing a held-out set of pages (session 2), in our own words.
describe('limits stated as counts of attempts or failures', () => {
  test.each<[string, string[], boolean | null, number | null]>([
    ['"no more than one attempt" (singular)', ['No more than one attempt on any USMLE Step is accepted.'], true, 1],
    ['a limit in permission words', ['Candidates may have no more than one failed attempt on the USMLE.'], false, 2],
    ['"N or more attempts … not acceptable"', ['Two attempts on a Step are fine, but three or more attempts on any USMLE Step are not acceptable.'], false, 2],
    ['"more than one failed attempt … not considered"', ['Applicants with more than one failed attempt on any Step are not considered.'], false, 2],
    ['"more than two attempts … will not be reviewed"', ['Applications showing more than two attempts on USMLE Step 2 CK will not be reviewed.'], false, 2],
    ['"two or more failures" exclude', ['Two or more failures on the USMLE exclude an applicant.'], false, 2],
    ['a label row written as text', ['Attempts: First attempt only'], true, 1],
  ])('%s', (_name, lines, first, max) => {
    const a = read(lines).attempts;
    expect(a?.value.firstAttemptOnly ?? null).toBe(first);
    expect(a?.value.maxAttempts ?? null).toBe(max);
  });

  test.each<[string, string[]]>([
    ['"Step 1 is pass/fail" is grading, not a failure', ['Step 1 is considered as pass/fail.']],
    ['"pass-fail" and "pass or fail"', ['USMLE Step 1 is now reported as pass-fail; we read it as pass or fail only.']],
  ])('%s', (_name, lines) => {
    expect(firstAttemptOnly(lines)).toBeNull();
  });
});

describe('"No USMLE failures" in a list of criteria', () => {
  test('an exam named inside the phrase', () => {
    expect(firstAttemptOnly(['Exam history :: No USMLE failures.'])).toBe(true);
  });
});

describe('"a failed Step" in the question', () => {
  test('a single failed attempt does not exclude', () => {
    const l = toLabels(extractSignals(pageTextFromLines(['We accept applications through ERAS only.', 'Will a failed Step hurt my application? || A failed attempt is one piece of information among many. A single failed attempt does not exclude an applicant, but it should be addressed in your personal statement.'], 'https://www.example-hospital.org/gme/internal-medicine/faq', 'FAQ | Internal Medicine Residency | Example Hospital')));
    expect(l.firstAttemptOnly).toBe(false);
  });
});

describe('"will not by itself exclude"', () => {
  test('a failed attempt question answered without the word Step', () => {
    const l = toLabels(extractSignals(pageTextFromLines(['We accept applications through ERAS only.', 'Is a failed attempt disqualifying? || A single failed attempt will not by itself exclude you from consideration.'], 'https://www.example-hospital.org/gme/neurology/faq', 'FAQ | Neurology Residency | Example Hospital')));
    expect(l.firstAttemptOnly).toBe(false);
  });
});

describe('round 7: attempts', () => {
  const attempts = (lines: string[]) => toLabels(extractSignals(pageTextFromLines(['We accept applications through ERAS only.', ...lines], 'https://www.example-hospital.org/gme/internal-medicine/faq', 'FAQ | Internal Medicine Residency | Example Hospital'))).firstAttemptOnly;
  test.each<[string, string[], boolean | null]>([
    ['"two or more failures … we are unable to review your file"', ['Will one failed attempt keep me from being considered? || Not necessarily. We can look past one unsuccessful attempt on a single Step. If you have two or more failures, on any combination of Steps, we are unable to review your file.'], false],
    ['"failed any USMLE Step three or more times"', ['Can I apply if I have failed a Step? || We will not consider applicants who have failed any USMLE Step three or more times.'], false],
    ['"does not by itself rule you out"', ['Will you consider an applicant who failed a Step? || A failed attempt does not by itself rule you out.'], false],
    ['"passed in a single attempt"', ['- Each USMLE Step must be passed in a single attempt.'], true],
  ])('%s', (_name, lines, want) => {
    expect(attempts(lines)).toBe(want);
  });
});

describe('round 8: "does not remove an application from consideration"', () => {
  test('a failure accepted', () => {
    const l = toLabels(extractSignals(pageTextFromLines(['We accept applications through ERAS only.', '# Exam attempts', 'A single failed attempt, by itself, does not remove an application from consideration.'], 'https://www.example-hospital.org/gme/internal-medicine/faq', 'FAQ | Internal Medicine Residency | Example Hospital')));
    expect(l.firstAttemptOnly).toBe(false);
  });
});

describe('round 9: "we will still consider", "does not, on its own, remove you from consideration"', () => {
  const attempts = (lines: string[]) => toLabels(extractSignals(pageTextFromLines(['We accept applications through ERAS only.', ...lines], 'https://www.example-hospital.org/gme/internal-medicine/faq', 'FAQ | Internal Medicine Residency | Example Hospital'))).firstAttemptOnly;
  test.each<[string, string[], boolean | null]>([
    ['"we will consider applicants with a single failed attempt"', ['Will a failed attempt disqualify me? || We will consider applicants with a single failed attempt if it is explained in the personal statement.'], false],
    ['"does not, on its own, remove you from consideration"', ['What if I failed a Step? || A single unsuccessful attempt on any USMLE Step does not, on its own, remove you from consideration.'], false],
    ['"we will not consider applicants with a failed attempt" still excludes', ['Will a failed attempt disqualify me? || We will not consider applicants with a failed attempt on any Step.'], true],
  ])('%s', (_name, lines, want) => {
    expect(attempts(lines)).toBe(want);
  });
});

describe('round 10: "removes an application from consideration"', () => {
  test('a failed attempt removes the application: first attempt only', () => {
    const l = toLabels(extractSignals(pageTextFromLines(['We accept applications through ERAS only.', 'Can I apply if I did not pass an exam the first time? || A failed attempt on any USMLE Step removes an application from consideration, regardless of later scores.'], 'https://www.example-hospital.org/gme/internal-medicine/faq', 'FAQ | Internal Medicine Residency | Example Hospital')));
    expect(l.firstAttemptOnly).toBe(true);
  });
});
