import { NUM_WORD, wordNumber } from '../normalize';
import { contentClauses, found, type Found, type RuleContext } from '../rule-kit';

// Share of current residents who are IMGs: "80% of our residents are IMGs", "11 of our 20 residents
// are IMGs" (→ 55), "currently none" (→ 0). Ranges, "most" and counts without a total say nothing exact.

const IMG =
  /\bimgs?\b|\bfmgs?\b|\binternational (?:medical )?graduates?\b|\bforeign (?:medical )?graduates?\b|\bgraduated from (?:an? )?(?:international|foreign|non-usa|non-lcme)\b|\binternational (?:\([^)]*\) )?medical schools?\b|\bnon-usa (?:medical )?graduates?\b/;
const PERCENT = /(\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)/;
const COUNT_OF = new RegExp(String.raw`\b(${NUM_WORD}) (?:out )?of (?:our |the |all )?(${NUM_WORD}) (?:current |categorical )?(?:residents|interns|trainees|positions)\b`);
const NONE =
  /^(?:none|no|not (?:at present|currently|at this time|right now)|currently (?:none|no|not)|zero|0)\b|\b(?:currently|presently) (?:have |has )?no (?:imgs?|international|foreign)\b|\bno (?:imgs?|international medical graduates|foreign medical graduates) (?:currently|at present|at this time)\b/;
const SHARE_QUESTION = /\b(?:percent|percentage|how many|proportion|number of)\b|%|\b(?:have|are there) any (?:imgs?|fmgs?|international|foreign)\b/;
const NOT_RESIDENTS = /\bapplica(?:nts|tions)\b|\binterview(?:ed|s)?\b|\bmatch rate\b|\bgraduating residents\b|\balumni\b/;

export function readImgShare(ctx: RuleContext): Found<number> | null {
  for (const c of contentClauses(ctx)) {
    const t = c.norm;
    const promptAboutShare = SHARE_QUESTION.test(c.prompt) && IMG.test(c.prompt) && !/\baccept|\bconsider|\btake\b|\bsponsor|\brequire/.test(c.prompt);
    const aboutImg = IMG.test(t) || promptAboutShare;
    if (!aboutImg || c.preference) continue;
    if (/\bbetween\b|\bmost\b|\bmajority\b|\bmany\b/.test(t) && !PERCENT.test(t)) continue;

    let m = t.match(PERCENT);
    if (m && !/\bbetween \d+\s?(?:%|percent)? (?:and|to)\b|\d\s?-\s?\d+\s?%/.test(t) && !NOT_RESIDENTS.test(t)) {
      const v = Number(m[1]);
      if (v >= 0 && v <= 100) return found(ctx, c, Math.round(v));
    }
    m = t.match(COUNT_OF);
    if (m) {
      const a = wordNumber(m[1]!);
      const b = wordNumber(m[2]!);
      if (a !== null && b !== null && b > 0 && a <= b) return found(ctx, c, Math.round((a / b) * 100));
    }
    if ((promptAboutShare && c.order === 0 && NONE.test(t)) || /\b(?:currently|presently) (?:have |has )?no (?:imgs?|international|foreign)\b/.test(t)) {
      return found(ctx, c, 0);
    }
  }
  return null;
}
