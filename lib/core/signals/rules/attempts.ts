import { NUM_WORD, wordNumber } from '../normalize';
import { contentClauses, found, type Found, type RuleContext } from '../rule-kit';

// First-attempt passes required (for any Step), or failures accepted ("within 2 attempts",
// "failed three times will not be considered" → two failures accepted, "attempts do not matter").
// "First attempt preferred" is a preference, and descriptions ("rarely", "likely") are not rules.

export interface AttemptsValue {
  firstAttemptOnly: boolean;
  maxAttempts: number | null;
}

const FIRST =
  /\b(?:first|1st)[ -](?:attempt|try|sitting|time)s?\b|\bfirst-time pass|\bon (?:the )?first (?:attempt|try)|\bin one attempt\b|\bone attempt\b/;
const ATTEMPT_TOPIC = /\battempts?\b|\btries\b|\bfail(?:ed|ure|ures|s)?\b|\bfirst[ -]time\b|\bsittings?\b/;
const EXAM = /\busmle|\bstep [123]\b|\bsteps\b|\bcomlex|\blevel [12]\b|\bexam|\bboards?\b|\blicensing|\bscores?\b/;
const REQUIRE = /\b(?:must|required?|requires|requirement|only|expect(?:ed)?|need(?:ed)?|passed|pass|with (?:a )?scores?|considered|eligible|accepted|screen)\b|>=|\+/;
const WISH = /\b(?:prefer\w*|ideally|desirable|desired|like to see|encouraged?|helpful|a plus)\b/;
const HEDGE = /\b(?:rarely|likely|unlikely|may|might|viewed favou?rably|highly regarded)\b/;

const ANY_ATTEMPTS =
  /\b(?:attempts?|number of attempts|how many attempts)[^.;]{0,40}\b(?:does not|do not|doesn't|don't) matter\b|\bregardless of (?:the )?(?:number of )?attempts\b|\bno (?:attempt|attempts) limit\b|\bmultiple attempts (?:are|is) (?:accepted|acceptable|fine|considered)\b|\bnot (?:required|necessary) to pass[^.;]{0,40}first attempt\b/;
const WITHIN = new RegExp(String.raw`\bwithin (?:the )?(?:first )?(${NUM_WORD}) attempts\b|\bin (?:no more than |at most )?(${NUM_WORD}) attempts\b|\bmaximum of (${NUM_WORD}) attempts\b|\bno more than (${NUM_WORD}) attempts\b`);
const MAX_FAILURES = new RegExp(String.raw`\bno more than (${NUM_WORD}) fail(?:ure|ures|ed attempts?)\b|\bat most (${NUM_WORD}) fail(?:ure|ures|ed attempts?)\b|\bup to (${NUM_WORD}) fail(?:ure|ures|ed attempts?)\b`);
const FAILED_TIMES = new RegExp(String.raw`\bfailed [^.;]{0,40}?\b(${NUM_WORD}|twice) times?\b[^.;]*\b(?:not (?:be )?(?:eligible|considered|accepted)|ineligible|will not)`);
const NO_FAILURES = /\bfailed attempts? (?:are|is|will) not (?:be )?(?:accepted|considered)|\bno (?:failed attempts|failures|prior failures)\b(?! (?:or withdrawn )?(?:medical school )?courses)|\bwithout (?:any )?fail(?:ures|ed attempts)\b/;

function firstNumber(m: RegExpMatchArray): number | null {
  for (let i = 1; i < m.length; i++) {
    if (m[i] === undefined) continue;
    if (m[i] === 'twice') return 2;
    return wordNumber(m[i]!);
  }
  return null;
}

export function readAttempts(ctx: RuleContext): Found<AttemptsValue> | null {
  let strict: Found<AttemptsValue> | null = null;
  let lenient: Found<AttemptsValue> | null = null;
  let strictPreferred: Found<AttemptsValue> | null = null;
  for (const c of contentClauses(ctx)) {
    const t = c.norm;
    const promptAsks = c.prompt !== '' && ATTEMPT_TOPIC.test(c.prompt) && EXAM.test(c.prompt + ' ' + t);
    if (!ATTEMPT_TOPIC.test(t) && !(promptAsks && c.answer)) continue;
    if (c.statistic || HEDGE.test(t)) continue;

    // Failures accepted, with or without a limit.
    let m: RegExpMatchArray | null;
    if (ANY_ATTEMPTS.test(t) || (promptAsks && c.answer === 'no' && /limit|maximum|restrict/.test(c.prompt))) {
      lenient ??= found(ctx, c, { firstAttemptOnly: false, maxAttempts: null });
      continue;
    }
    if ((m = t.match(WITHIN))) {
      const n = firstNumber(m);
      if (n === 1) strict ??= found(ctx, c, { firstAttemptOnly: true, maxAttempts: 1 });
      else lenient ??= found(ctx, c, { firstAttemptOnly: false, maxAttempts: n });
      continue;
    }
    if ((m = t.match(MAX_FAILURES))) {
      const n = firstNumber(m);
      if (n === 0) strict ??= found(ctx, c, { firstAttemptOnly: true, maxAttempts: 1 });
      else lenient ??= found(ctx, c, { firstAttemptOnly: false, maxAttempts: n === null ? null : n + 1 });
      continue;
    }
    if ((m = t.match(FAILED_TIMES))) {
      // Failing N times excludes: up to N-1 failures, so N attempts.
      const n = firstNumber(m);
      if (n === 1) strict ??= found(ctx, c, { firstAttemptOnly: true, maxAttempts: 1 });
      else lenient ??= found(ctx, c, { firstAttemptOnly: false, maxAttempts: n });
      continue;
    }
    if (NO_FAILURES.test(t) && EXAM.test(t + ' ' + c.prompt + ' ' + c.section)) {
      strict ??= found(ctx, c, { firstAttemptOnly: true, maxAttempts: 1 });
      continue;
    }

    // First-attempt passes.
    const first = FIRST.test(t) || (promptAsks && FIRST.test(c.prompt));
    if (!first) continue;
    if (promptAsks && !FIRST.test(t) && c.answer === 'no') {
      lenient ??= found(ctx, c, { firstAttemptOnly: false, maxAttempts: null });
      continue;
    }
    if (!EXAM.test(t) && !EXAM.test(c.prompt) && !EXAM.test(c.section)) continue;
    // "must be at least 210 on the first attempt, and ideally 230": the wish follows the rule.
    const wish = t.search(WISH);
    const preferred = /\bprefer/.test(c.section) || (wish >= 0 && !/\b(?:must|required|requires)\b/.test(t.slice(0, wish)));
    if (preferred) {
      strictPreferred ??= found(ctx, c, { firstAttemptOnly: true, maxAttempts: 1 }, 'preferred');
      continue;
    }
    if (REQUIRE.test(t) || (promptAsks && c.answer === 'yes')) {
      strict ??= found(ctx, c, { firstAttemptOnly: true, maxAttempts: 1 });
    }
  }
  // A first-attempt rule for any Step makes the program first-attempt only.
  return strict ?? lenient ?? strictPreferred;
}
