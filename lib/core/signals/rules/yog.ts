import type { YogValue } from '../../schema/signals';
import { NUM_WORD, wordNumber } from '../normalize';
import { contentClauses, found, type Found, type RuleContext } from '../rule-kit';

// Graduation-year limits: "within the past 5 years", "no more than three years out", "within 3 years
// of starting training" → { maxYears }; "graduated on or after June 30, 2023", "2019 or later",
// "graduates of 2019–2024" → { earliestYear }. "Preferred", "encouraged" and descriptions of current
// residents are not limits; "no cut-off" says there is none.

const TOPIC = /\bgraduat\w*|\bout (?:of|from) (?:medical )?school\b|\byog\b|\byear of graduation\b|\bmedical school\b|\bdegree\b/;
const WITHIN_YEARS = new RegExp(
  String.raw`\b(?:within|in) (?:the )?(?:past |last |previous |prior )?(${NUM_WORD}) (?:\(\d+\) )?years?\b` +
    String.raw`|\bno more than (${NUM_WORD}) (?:\(\d+\) )?years?\b` +
    String.raw`|\b(?:less|fewer) than (${NUM_WORD}) years?\b` +
    String.raw`|\b(${NUM_WORD}) years? or (?:less|fewer)\b` +
    String.raw`|\bmaximum of (${NUM_WORD}) years?\b` +
    String.raw`|\b(${NUM_WORD})[- ]years? (?:cut-?off|limit|since graduation|from graduation)\b` +
    String.raw`|\bgraduat\w* (?:in|within) (?:the )?(?:past |last )?(${NUM_WORD}) years?\b`,
);
const YEAR_AFTER = /\b(?:on or after|after|since|no earlier than|not before|from)\s+(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?)?((?:19|20)\d{2})\b/;
const YEAR_OR_LATER = /\b((?:19|20)\d{2}) or (?:later|after|more recently)\b|\bclass(?:es)? of ((?:19|20)\d{2}) (?:or|and) (?:later|after)\b/;
const YEAR_RANGE = /\b(?:between|from) ((?:19|20)\d{2}) (?:and|to|-|through) ((?:19|20)\d{2})\b|\b((?:19|20)\d{2})\s?-\s?((?:19|20)\d{2})\b/;
const NO_LIMIT = /\bno (?:absolute |strict |hard |specific |set )?(?:graduation )?(?:cut-?off|limit|restriction|cap)\b|\bdo(?:es)? not (?:have|use|set) (?:a |any )?(?:graduation )?(?:cut-?off|limit)|\bregardless of (?:the )?(?:year|date) of graduation\b|\bno cap on\b/;
const WISH = /\b(?:prefer\w*|preference|desirable|desired|encourag\w*|ideally|recommended|favou?r\w*)\b/;
const TRAINING_SPAN = /\b(?:year|years) of (?:residency|training|experience|clinical)|\bthree-year\b|\byears? (?:residency|program|track)\b/;

function yearsFrom(m: RegExpMatchArray): number | null {
  for (let i = 1; i < m.length; i++) if (m[i] !== undefined) return wordNumber(m[i]!);
  return null;
}

export function readYog(ctx: RuleContext): Found<YogValue> | null {
  let preferred: Found<YogValue> | null = null;
  for (const c of contentClauses(ctx)) {
    const t = c.norm;
    const promptAsks = /graduat|year of graduation|out of (?:medical )?school/.test(c.prompt);
    if (!TOPIC.test(t) && !promptAsks) continue;
    if (c.statistic || NO_LIMIT.test(t)) continue;
    // "show clinical experience if more than a year has passed since graduation" is not a limit.
    if (/\bif (?:more|less) than\b/.test(t) && !WITHIN_YEARS.test(t.replace(/\bif (?:more|less) than.*$/, ''))) continue;

    let value: YogValue | null = null;
    let m: RegExpMatchArray | null;
    if ((m = t.match(YEAR_AFTER)) && /graduat|degree|medical school/.test(t)) value = { earliestYear: Number(m[1]) };
    else if ((m = t.match(YEAR_OR_LATER)) && /graduat|class/.test(t + c.prompt)) value = { earliestYear: Number(m[1] ?? m[2]) };
    else if ((m = t.match(YEAR_RANGE)) && /graduat/.test(t + c.prompt)) value = { earliestYear: Number(m[1] ?? m[3]) };
    else if ((m = t.match(WITHIN_YEARS))) {
      if (TRAINING_SPAN.test(t) && !/graduat|out of|out from/.test(t)) continue;
      const n = yearsFrom(m);
      if (n !== null && n > 0 && n <= 30) value = { maxYears: n };
    }
    if (!value) continue;
    if (WISH.test(t) || /\bprefer/.test(c.section)) {
      preferred ??= found(ctx, c, value, 'preferred');
      continue;
    }
    const hedged = c.hedged || /\bunless\b|\bexception/.test(t);
    return found(ctx, c, value, hedged ? 'preferred' : 'required', hedged);
  }
  return preferred;
}
