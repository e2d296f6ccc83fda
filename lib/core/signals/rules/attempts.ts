import type { Clause } from '../clauses';
import { NUM_WORD, wordNumber } from '../normalize';
import { contentClauses, contentHits, found, inWishSection, rowAsLine, type Found, type RuleContext } from '../rule-kit';

// First-attempt passes required (for any Step), or failures accepted ("within 2 attempts",
// "failed three times will not be considered" → two failures accepted, "attempts do not matter").
// "First attempt preferred" is a preference, and descriptions ("rarely", "likely") are not rules.

export interface AttemptsValue {
  firstAttemptOnly: boolean;
  maxAttempts: number | null;
}

const FIRST =
  /\b(?:first|1st)[ -](?:attempt|try|sitting|time)s?\b|\bfirst-time pass|\bon (?:the )?first (?:attempt|try)|\bin one attempt\b|\bone attempt\b|\b(?:in|on) a single (?:attempt|sitting|try)\b/;
const ATTEMPT_TOPIC = /\battempts?\b|\btries\b|\btry\b|\bfail(?:ed|ure|ures|s|ing)?\b|\bfirst[ -]time\b|\bsittings?\b|\bretakes?\b/;
// Clauses holding ATTEMPT_TOPIC, found in one scan of the page (contentHits).
export const ATTEMPT_TOPIC_SCAN = new RegExp(ATTEMPT_TOPIC.source, 'g');
// "pass on the first attempt" names no exam either, but passing is what exams are for.
const EXAM = /\busmle|\bstep [123]\b|\bsteps\b|\b(?:any|every|each|a|failed|one) steps?\b|\bfailed attempts?\b(?! (?:to|at)\b)|\bcomlex|\blevel [12]\b|\bexam|\bboards?\b|\blicensing|\bscores?\b|\bpass(?:ed|es|ing)? (?:\w+ ){0,3}(?:first|1st) (?:attempt|try)/;
// "Is there an attempt limit?" names no exam, but on a program page it can only mean the USMLE.
// (A label "Attempts: First attempt only" in a requirements table is the same question.)
const ATTEMPT_QUESTION = /\battempt limit\b|\blimit (?:on|to) (?:the )?(?:number of )?attempts\b|\bnumber of attempts\b|\bhow many attempts\b|^(?:usmle |exam |board )?attempts?(?: allowed| limit)?$/;
const REQUIRE = /\b(?:must|required?|requires|requirement|only|expect(?:ed)?|need(?:ed)?|passed|pass|passing|with (?:a )?scores?|considered|eligible|accepted|screen)\b|>=|\+/;
// A bare "- Step 1 and Step 2 CK passed on first try" under a "Requirements" heading is a requirement.
const MUST_SECTION = /\brequire|\beligib|\bcriteria|\bqualif/;
const WISH = /\b(?:prefer\w*|ideally|desirable|desired|like to see|encouraged?|helpful|a plus)\b/;
const HEDGE = /\b(?:rarely|likely|unlikely|may|might|viewed favou?rably|highly regarded)\b/;
// What residents achieved ("our first-time board pass rate is 98%") is not what applicants need.
const DESCRIPTION = /\bpass rates?\b|\b(?:our|all of our|all our) (?:current )?(?:residents|graduates|interns|alumni|trainees)\b/;

const ANY_ATTEMPTS =
  /\b(?:attempts?|number of attempts|how many attempts)[^.;]{0,40}\b(?:does not|do not|doesn't|don't) matter\b|\bregardless of (?:the )?(?:number of )?(?:\w+ ){0,2}attempts\b|\bno (?:attempt|attempts) limit\b|\b(?:no|(?:do|does) not (?:have|set|use) (?:a |any )?)(?:cut-?off|limit|cap|restriction) (?:on|for) (?:the )?(?:number of )?attempts\b|\bnot (?:required|necessary) to pass[^.;]{0,40}first attempt\b/;
// ("attempts?": "no more than one attempt on any Step" is the same limit, singular.)
const WITHIN = new RegExp(String.raw`\bwithin (?:the )?(?:first )?(${NUM_WORD}) attempts?\b|\bin (?:no more than |at most )?(${NUM_WORD}) attempts?\b|\bmaximum of (${NUM_WORD}) attempts?\b|\bno more than (${NUM_WORD}) attempts?\b|\bup to (${NUM_WORD}) attempts?\b`);
const MAX_FAILURES = new RegExp(String.raw`\bno more than (${NUM_WORD}) fail(?:ure|ures|ed attempts?)\b|\bat most (${NUM_WORD}) fail(?:ure|ures|ed attempts?)\b|\bup to (${NUM_WORD}) fail(?:ure|ures|ed attempts?)\b`);
// "failed three times will not be considered" → two failures accepted; "failed more than once" → one.
const FAILED_TIMES = new RegExp(String.raw`\bfailed [^.;]{0,40}?\b(?:more than )?(?:(${NUM_WORD})(?: or more)? times?|(twice|once))\b`);
// "three or more attempts … is not acceptable" → two allowed; "more than one failed attempt … not
// considered" → one failure allowed (two attempts). Read with REJECTS.
const OR_MORE_ATTEMPTS = new RegExp(String.raw`\b(${NUM_WORD}) or more (?:attempts|tries|sittings)\b|\bmore than (${NUM_WORD}) (?:attempts?|tries|sittings?)\b`);
const OR_MORE_FAILURES = new RegExp(String.raw`\b(${NUM_WORD}) or more (?:failed attempts|failures)\b|\bmore than (${NUM_WORD}) (?:failed attempts?|failures?)\b`);
const NO_FAILURES = /\bno (?:usmle |comlex |exam |board )?(?:failed attempts|failures|prior failures)\b(?! (?:or withdrawn )?(?:medical school )?courses)|\bwithout (?:any )?fail(?:ures|ed attempts)\b/;
// Failed attempts (not "failure to submit") and what the page does with them.
// "Step 1 is pass/fail" names the grading, not a failed attempt.
const PASS_FAIL = /\bpass(?:\s*\/\s*|-| or )fail\b/g;
const FAILURE = /\bfail(?:ed|ures?|ing)?\b(?! to\b)|\bunsuccessful attempts?\b|\bmore than one attempt\b|\bmultiple attempts\b|\bretakes?\b|\brepeated attempts\b/;
const REJECTS =
  /\bremoves? (?:an? |the |your )?(?:application|applicant|candidate)s? from consideration\b|\bnot (?:be )?(?:considered|accepted|acceptable|eligible|reviewed|invited|interviewed)\b|\b(?:unable|not able) to (?:consider|accept|review|interview|invite)\b|\b(?:do not|does not|don't|cannot|can't|will not|won't) (?:consider|accept|review|interview|invite)\b|\bineligible\b|\bdisqualif\w*|\bexclude[sd]?\b|\bprecludes?\b|\bscreened out\b|\brejected\b/;
const NOT_AUTOMATIC = /\bnot (?:automatically|necessarily) (?:be )?(?:exclud|disqualif|eliminat|reject|rule)\w*|\bnot an automatic\b|\b(?:do|does|will) not (?:automatically |necessarily |by itself |on its own |in itself )?(?:exclude|disqualify|preclude|eliminate|rule (?:you |them |an applicant |applicants )?out|remove (?:an? |the |your |you )?(?:(?:application|applicant|candidate)s? )?from consideration)\b|\bdoes not,? (?:on its own|by itself),? (?:exclude|disqualify|remove|rule)\b/;
const ACCEPTS = /\b(?:considered|accepted|acceptable|eligible|reviewed|allowed|welcome)\b|\b(?:will|would|do|does|can|may) (?:still )?consider\b/;
// "Do you accept applicants with a USMLE failure?" — yes accepts failures, no excludes them.
const ASKS_FAILURE_OK = /\b(?:accept|consider|allow|eligible|apply|take)\b[^?]*(?:\bfail|\bmore than one attempt|\bmultiple attempts|\bretak|\bnot pass(?:ed)? (?:\w+ ){0,4}(?:first|1st) attempt)/;

function firstNumber(m: RegExpMatchArray): number | null {
  for (let i = 1; i < m.length; i++) {
    if (m[i] === undefined) continue;
    if (m[i] === 'twice') return 2;
    if (m[i] === 'once') return 1;
    return wordNumber(m[i]!);
  }
  return null;
}

export function readAttempts(ctx: RuleContext): Found<AttemptsValue> | null {
  let strict: Found<AttemptsValue> | null = null;
  let lenient: Found<AttemptsValue> | null = null;
  let strictPreferred: Found<AttemptsValue> | null = null;
  const firstOnly = (c: Clause) => (strict ??= found(ctx, c, { firstAttemptOnly: true, maxAttempts: 1 }));
  const failuresOk = (c: Clause, maxAttempts: number | null = null) =>
    (lenient ??= found(ctx, c, { firstAttemptOnly: false, maxAttempts }));
  const clauses = contentClauses(ctx);
  const hits = contentHits(ctx, ATTEMPT_TOPIC_SCAN);
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i]!;
    // Most clauses are neither about attempts nor a bare answer: skip them before the exam tests.
    if (hits[i] === 0 && !c.answer) continue;
    const t = c.norm.includes('fail') ? c.norm.replace(PASS_FAIL, 'pass') : c.norm;
    const aboutAttempts = hits[i] === 1 && ATTEMPT_TOPIC.test(t);
    if (!aboutAttempts && !c.answer) continue;
    // A row written as a line, "Attempts: First attempt only", labels itself.
    const label = rowAsLine(t)?.label ?? '';
    const examTopic = EXAM.test(`${c.prompt} ${t} ${c.section}`) || ATTEMPT_QUESTION.test(c.prompt) || ATTEMPT_QUESTION.test(label);
    const promptAsks = c.prompt !== '' && ATTEMPT_TOPIC.test(c.prompt) && examTopic;
    if (!aboutAttempts && !(promptAsks && c.answer)) continue;
    if (c.statistic || (DESCRIPTION.test(t) && !/\b(?:must|required)\b/.test(t))) continue;

    // Bare answers to questions about failures and limits.
    if (promptAsks && c.answer && ASKS_FAILURE_OK.test(c.prompt)) {
      if (c.answer === 'yes') failuresOk(c);
      else firstOnly(c);
      continue;
    }
    if (promptAsks && c.answer === 'no' && /limit|maximum|restrict/.test(c.prompt)) {
      failuresOk(c);
      continue;
    }
    // "Applicants with a failure may still be considered": a possibility that is still an acceptance.
    if (FAILURE.test(t) && examTopic && /\bmay (?:still )?be (?:considered|reviewed|accepted)\b/.test(t)) {
      failuresOk(c);
      continue;
    }
    // A stated limit is a rule even in permission words ("applicants may have no more than one
    // failed attempt"): read before the hedges below.
    let m: RegExpMatchArray | null;
    if ((m = t.match(WITHIN))) {
      const n = firstNumber(m);
      if (n === 1) firstOnly(c);
      else failuresOk(c, n);
      continue;
    }
    if ((m = t.match(MAX_FAILURES))) {
      const n = firstNumber(m);
      if (n === 0) firstOnly(c);
      else failuresOk(c, n === null ? null : n + 1);
      continue;
    }
    if ((m = t.match(OR_MORE_FAILURES) ?? t.match(OR_MORE_ATTEMPTS)) && REJECTS.test(t) && examTopic) {
      const n = firstNumber(m);
      const failures = OR_MORE_FAILURES.test(t);
      // Attempts allowed: "N or more attempts" → N-1; "more than N attempts" → N; failures add one.
      const orMore = m[1] !== undefined;
      const attempts = n === null ? null : failures ? (orMore ? n : n + 1) : orMore ? n - 1 : n;
      if (attempts === 1 || attempts === 0) firstOnly(c);
      else failuresOk(c, attempts);
      continue;
    }
    if (HEDGE.test(t)) continue;

    // Failures accepted, with or without a limit.
    if (ANY_ATTEMPTS.test(t) || (FAILURE.test(t) && examTopic && NOT_AUTOMATIC.test(t))) {
      failuresOk(c);
      continue;
    }
    if ((m = t.match(FAILED_TIMES)) && REJECTS.test(t)) {
      // Failing N times excludes: up to N-1 failures, so N attempts; "more than N times": N+1.
      const n = firstNumber(m);
      const attempts = n === null ? null : /\bmore than\b/.test(m[0]) ? n + 1 : n;
      if (attempts === 1) firstOnly(c);
      else failuresOk(c, attempts);
      continue;
    }
    if ((NO_FAILURES.test(t) || (FAILURE.test(t) && REJECTS.test(t))) && examTopic) {
      firstOnly(c);
      continue;
    }
    if (FAILURE.test(t) && examTopic && ACCEPTS.test(t) && !c.negated) {
      failuresOk(c);
      continue;
    }

    // First-attempt passes.
    const first = FIRST.test(t) || (promptAsks && FIRST.test(c.prompt));
    if (!first) continue;
    if (promptAsks && !FIRST.test(t) && c.answer === 'no') {
      failuresOk(c);
      continue;
    }
    if (!EXAM.test(t) && !EXAM.test(c.prompt) && !EXAM.test(c.section) && !ATTEMPT_QUESTION.test(c.prompt) && !ATTEMPT_QUESTION.test(label)) continue;
    // "must be at least 210 on the first attempt, and ideally 230": the wish follows the rule.
    const wish = t.search(WISH);
    const preferred = inWishSection(c) || (wish >= 0 && !/\b(?:must|required|requires)\b/.test(t.slice(0, wish)));
    if (preferred) {
      strictPreferred ??= found(ctx, c, { firstAttemptOnly: true, maxAttempts: 1 }, 'preferred');
      continue;
    }
    if (REQUIRE.test(t) || (promptAsks && c.answer === 'yes') || MUST_SECTION.test(c.section)) firstOnly(c);
  }
  // A first-attempt rule for any Step makes the program first-attempt only.
  return strict ?? lenient ?? strictPreferred;
}
