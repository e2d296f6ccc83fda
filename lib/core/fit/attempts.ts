import type { Profile } from '../schema/profile';
import type { Signals } from '../schema/signals';
import { failedSteps, hasFailedAttempt } from './applicant';
import { emptyAssessment, isFirm, reason, type Assessment } from './assessment';
import { MODEL } from './model';

// Attempts rules: "first-attempt passes only" against any failed sitting; "within 2 attempts"
// against the sittings of each Step. Attempts weigh only when the page states a rule (unknowns never
// lower the score); a silent page is a question for applicants who have a repeated attempt.

function stepList(steps: string[]): string {
  return steps.length > 1 ? `${steps.slice(0, -1).join(', ')} and ${steps[steps.length - 1]}` : (steps[0] ?? '');
}

export function assessAttempts(p: Profile, s: Signals): Assessment {
  const a = emptyAssessment();
  const sig = s.attempts;
  if (!sig) {
    if (hasFailedAttempt(p)) a.verify.push({ field: 'attempts', question: 'Does the program consider applicants who did not pass every Step on the first attempt?' });
    return a;
  }
  const { firstAttemptOnly, maxAttempts } = sig.value;
  const failed = failedSteps(p);
  const broken: string[] = [];
  if (firstAttemptOnly && (failed.step1 || failed.step2)) {
    const steps = [...(failed.step1 ? ['Step 1'] : []), ...(failed.step2 ? ['Step 2 CK'] : [])];
    broken.push(`First-attempt passes required; you did not pass ${stepList(steps)} on the first attempt`);
  }
  if (maxAttempts !== null) {
    const over = [
      ...(p.step1.attempts > maxAttempts ? [`Step 1 ${p.step1.attempts} times`] : []),
      ...(p.step2ck.attempts > maxAttempts ? [`Step 2 CK ${p.step2ck.attempts} times`] : []),
    ];
    if (over.length) broken.push(`At most ${maxAttempts} attempt${maxAttempts === 1 ? '' : 's'} per Step; you took ${stepList(over)}`);
  }
  if (broken.length === 0) {
    if (hasFailedAttempt(p)) a.reasons.push(reason('attempts', 'Your attempts are within the program\'s stated rule', 0, sig.evidence));
    return a;
  }
  if (isFirm(sig)) {
    for (const message of broken) a.dealbreakers.push({ field: 'attempts', message, evidence: sig.evidence });
  } else {
    a.reasons.push(reason('attempts', `${broken.join('; ')} (stated as a preference)`, MODEL.attemptsViolated, sig.evidence));
    a.verify.push({ field: 'attempts', question: 'Would the program consider you with your number of attempts?' });
  }
  return a;
}
