import type { YogValue } from '../../schema/signals';
import { NUM_WORD, wordNumber } from '../normalize';
import { contentClauses, contentHits, found, inWishSection, type Found, type RuleContext } from '../rule-kit';

// Graduation-year limits: "within the past 5 years", "no more than three years out", "within 3 years
// of starting training" → { maxYears }; "graduated on or after June 30, 2023", "2019 or later",
// "graduates of 2019–2024" → { earliestYear }. "Preferred", "encouraged" and descriptions of current
// residents are not limits; "no cut-off" says there is none.

const TOPIC = /\bgraduat\w*|\bout (?:of|from) (?:medical )?school\b|\byog\b|\byear of graduation\b|\bmedical school\b|\bdegree\b/;
// Clauses holding TOPIC, found in one scan of the page (contentHits).
export const TOPIC_SCAN = new RegExp(TOPIC.source, 'g');
// A span of years; whether it bounds graduation is decided by its place (SPAN_OF_GRADUATION below).
const N = `(${NUM_WORD})`;
const WITHIN_YEARS = new RegExp(
  String.raw`\b(?:within|in) (?:the )?(?:past |last |previous |prior )?${N} (?:\(\d+\) )?years?\b` +
    String.raw`|\b(?:no more than|up to|at most) ${N} (?:\(\d+\) )?years?\b` +
    String.raw`|\b(?:less|fewer) than ${N} years?\b` +
    String.raw`|\b${N} years? or (?:less|fewer)\b|\b${N} years? (?:maximum|max)\b` +
    String.raw`|\bmaximum of ${N} years?\b` +
    String.raw`|(?:<=|<)\s?${N} (?:\(\d+\) )?years?\b` + // YOG <= 5 years
    String.raw`|\b${N}[- ]years? (?:(?:graduation|yog) )?(?:cut-?off|limit|since graduation|from graduation)\b`,
);
// "more than 5 years out of medical school will not be considered": the limit stated from outside.
const MORE_THAN_YEARS = new RegExp(String.raw`\bmore than ${N} years?\b`);
const REJECTS = /\bnot (?:be )?(?:considered|eligible|accepted|reviewed)\b|\b(?:do not|does not|don't|cannot|will not) (?:consider|accept|review)\b|\bineligible\b|\bexcluded\b/;
// The span bounds graduation when graduation comes first ("graduated within 3 years", "a degree earned
// within five years") or the span points at it ("within 3 years of graduation", "5 years out of school").
const GRADUATION_WORDS = /\bgraduat\w*|\bdegree\b|\bmedical school\b|\byog\b|\bschool of medicine\b/g;
// ("a gap of more than five years between medical school graduation and residency")
// ("No more than 7 years may have passed between your medical school graduation and …")
const POINTS_AT_GRADUATION =
  /^(?: (?:may|can|must|should|shall|will|have|has|had|be|been|passed|elapsed|gone by|lapsed))*[^.;]{0,12}\b(?:of|since|from|after|past|beyond|out of|out from|between) (?:\w+ ){0,2}(?:graduation|medical school|school)\b/;
// "if you graduated before 2018, you must have six months of US clinical experience within the two
// years before you apply": a span after the experience it measures is how recent that is.
const MEASURES_OTHER = /\b(?:experience|activity|practice|usce|work|rotations?|observerships?|letters?)\b/;
const MONTH = String.raw`(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?)?`;
// ("after 12/31/2019": a numeric date; the last day of a year points at the next.)
const YEAR_AFTER = new RegExp(String.raw`\b(?:on or after|after|since|no earlier than|not before|from)\s+(?:${MONTH}|(\d{1,2})\/(\d{1,2})\/)((?:19|20)\d{2})\b`);
// "graduated before 2018 are not eligible" → 2018 is the earliest accepted.
const YEAR_BEFORE = new RegExp(String.raw`\b(?:before|prior to|earlier than)\s+${MONTH}((?:19|20)\d{2})\b`);
const YEAR_OR_LATER = /\b((?:19|20)\d{2}) (?:or|and) (?:later|after|more recently|newer)\b|\b((?:19|20)\d{2}) onwards?\b|\b((?:19|20)\d{2}) ?\+/;
const YEAR_RANGE = /\b(?:between|from) ((?:19|20)\d{2}) (?:and|to|-|through) ((?:19|20)\d{2})\b|\b((?:19|20)\d{2})\s?-\s?((?:19|20)\d{2})\b/;
const NO_LIMIT = /\bno (?:absolute |strict |hard |specific |set )?(?:graduation )?(?:cut-?off|limit|restriction|cap)\b|\bdo(?:es)? not (?:have|use|set) (?:a |any )?(?:graduation )?(?:cut-?off|limit)|\bregardless of (?:the )?(?:year|date) of graduation\b|\bno cap on\b/;
// "Applicants who graduated in 2018 or later do not need to meet this requirement": who is spared
// another rule, not a limit.
const EXEMPT = /\b(?:do|does|will) not (?:need|have) to (?:meet|satisfy|complete|show|fulfil)|\bnot (?:be )?(?:held|subject) to\b|\bare exempt\b|\bexempt from\b/;
const WISH = /\b(?:prefer\w*|preference|desirable|desired|encourag\w*|ideally|recommended|favou?r\w*)\b/;
const TRAINING_SPAN = /\b(?:year|years) of (?:residency|training|experience|clinical)|\bthree-year\b|\byears? (?:residency|program|track)\b/;
// Who graduated when, among residents and alumni, is not a limit ("our residents must…" still is).
const DESCRIPTION = /\b(?:our|all of our|all our) (?:current )?(?:residents|graduates|interns|alumni|trainees|class)\b|\bcurrent residents\b/;
// Graduating from the residency itself (board eligibility windows, alumni) is not medical school.
const RESIDENCY_GRADUATION = /\bgraduat\w* (?:of|from) (?:our|the|this) (?:program|residency)\b|\b(?:program|residency) graduat/;
const ASKS_GRADUATION = /graduat|\byog\b|out of (?:medical )?school/;
const ASKS_LIMIT = /cut-?off|limit|maximum|how (?:recent|long|many years)|restriction/;

function yearsFrom(m: RegExpMatchArray): number | null {
  for (let i = 1; i < m.length; i++) if (m[i] !== undefined) return wordNumber(m[i]!);
  return null;
}

/** "within 5 years" bounds graduation here (not clinical experience, letters or a visa). */
function spanOfGraduation(t: string, m: RegExpMatchArray, promptAsks: boolean): boolean {
  const before = t.slice(0, m.index!);
  const after = t.slice(m.index! + m[0].length);
  if (POINTS_AT_GRADUATION.test(after) || /graduation/.test(m[0])) return true;
  let last = -1;
  GRADUATION_WORDS.lastIndex = 0;
  for (let g = GRADUATION_WORDS.exec(before); g; g = GRADUATION_WORDS.exec(before)) last = g.index + g[0].length;
  if (MEASURES_OTHER.test(before.slice(Math.max(last, 0)))) return false;
  return promptAsks || last >= 0;
}

function limitIn(t: string, prompt: string, promptAsks: boolean): YogValue | null {
  const graduationWord = /graduat|degree|medical school|\byog\b|class/.test(t + ' ' + prompt);
  let m: RegExpMatchArray | null;
  if ((m = t.match(YEAR_AFTER)) && /graduat|degree|medical school|\byog\b/.test(t + ' ' + prompt)) {
    // "after 12/31/2019", "after December 31, 2019": the first graduates accepted are of the next year.
    const afterYearEnd = /^after\b/.test(m[0]) && ((m[1] === '12' && m[2] === '31') || /\bdecember\s+31\b/.test(m[0]));
    return { earliestYear: Number(m[3]) + (afterYearEnd ? 1 : 0) };
  }
  if ((m = t.match(YEAR_OR_LATER)) && graduationWord) return { earliestYear: Number(m[1] ?? m[2] ?? m[3]) };
  if ((m = t.match(YEAR_RANGE)) && graduationWord) return { earliestYear: Number(m[1] ?? m[3]) };
  if ((m = t.match(YEAR_BEFORE)) && graduationWord && REJECTS.test(t)) return { earliestYear: Number(m[1]) };
  m = t.match(WITHIN_YEARS) ?? (REJECTS.test(t) ? t.match(MORE_THAN_YEARS) : null);
  // "Is there a graduation cut-off? || Yes, 5 years."; "How many years since graduation? || Up to 5."
  if (!m && promptAsks && ASKS_LIMIT.test(prompt)) m = t.match(new RegExp(String.raw`\b${N} years?\b`));
  if (!m && promptAsks && /\bhow many years\b/.test(prompt)) m = t.match(new RegExp(String.raw`^(?:yes,? )?(?:up to |within |no more than |at most )?${N}\b`));
  if (!m || !spanOfGraduation(t, m, promptAsks)) return null;
  // "Applicants more than 3 years from graduation must show clinical experience": a group, not a limit.
  if (/\b(?:more|over|greater) than\s*$/.test(t.slice(0, m.index)) && !REJECTS.test(t)) return null;
  if (TRAINING_SPAN.test(t) && !/graduat|out of|out from/.test(t)) return null;
  const n = yearsFrom(m);
  return n !== null && n > 0 && n <= 30 ? { maxYears: n } : null;
}

export function readYog(ctx: RuleContext): Found<YogValue> | null {
  let preferred: Found<YogValue> | null = null;
  const clauses = contentClauses(ctx);
  const hits = contentHits(ctx, TOPIC_SCAN);
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i]!;
    if (hits[i] === 0 && c.prompt === '') continue;
    const t = c.norm;
    const promptAsks = ASKS_GRADUATION.test(c.prompt);
    if (!TOPIC.test(t) && !promptAsks) continue;
    if (c.statistic || NO_LIMIT.test(t) || EXEMPT.test(t) || RESIDENCY_GRADUATION.test(t) || (DESCRIPTION.test(t) && !/\b(?:must|required)\b/.test(t))) continue;
    // "show clinical experience if more than a year has passed since graduation" is not a limit.
    const rule = t.replace(/\bif (?:you )?(?:graduated )?(?:more|less) than\b.*$/, '');
    if (rule !== t && !WITHIN_YEARS.test(rule)) continue;

    const value = limitIn(rule, c.prompt, promptAsks);
    if (!value) continue;
    if (WISH.test(t) || inWishSection(c)) {
      preferred ??= found(ctx, c, value, 'preferred');
      continue;
    }
    const hedged = c.hedged || /\bunless\b|\bexception/.test(t);
    return found(ctx, c, value, hedged ? 'preferred' : 'required', hedged);
  }
  return preferred;
}
