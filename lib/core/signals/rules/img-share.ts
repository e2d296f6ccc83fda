import type { Clause } from '../clauses';
import { NUM_WORD, wordNumber } from '../normalize';
import { contentClauses, contentHits, found, type Found, type RuleContext } from '../rule-kit';

// Share of current residents who are IMGs: "80% of our residents are IMGs", "11 of our 20 residents
// are IMGs" (→ 55), "currently none" (→ 0). Ranges, "most" and counts without a total say nothing exact.

const IMG =
  /\bimgs?\b|\bfmgs?\b|\binternational (?:medical )?graduates?\b|\bforeign (?:medical )?graduates?\b|\bgraduated from (?:an? )?(?:international|foreign|non-usa|non-lcme)\b|\binternational (?:\([^)]*\) )?medical schools?\b|\bnon-usa (?:medical )?graduates?\b|\b(?:graduated|graduates?) (?:from |of )?(?:\w+ )?(?:medical )?schools? outside (?:of )?(?:the )?usa\b|\b(?:medical )?schools? outside (?:of )?(?:the )?usa(?: and canada)?\b|\b(?:trained|studied|graduated|educated) (?:abroad|overseas|outside (?:of )?(?:the )?usa)\b|\b(?:earned|received|obtained|completed) (?:their|his|her|a|the) (?:medical )?(?:degrees?|md|education|schooling) (?:abroad|overseas|outside (?:of )?(?:the )?usa)\b/;
// Without a question, a clause is read only when it names IMGs: one scan of the page (contentHits).
export const IMG_SCAN = new RegExp(IMG.source, 'g');
const PERCENT = /(\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)/;
// ("5 of our 12 transitional residents": up to two words before the group.)
const COUNT_OF = new RegExp(String.raw`\b(${NUM_WORD}) (?:out )?of (?:our |the |all |its |the program's |this program's )?(${NUM_WORD}) (?:(?!of\b|are\b)[\w-]+ ){0,3}?(?:residents|interns|trainees|positions)\b`);
// "18 IMGs out of 24 total": the group named before its total.
const GROUP_OF = new RegExp(String.raw`\b(${NUM_WORD}) (?:imgs?|fmgs?|international (?:medical )?graduates|foreign (?:medical )?graduates) (?:(?:out )?of|among) (?:our |the |all )?(${NUM_WORD})\b`);
// The total first: "Of our 24 residents, 18 are IMGs", "We have 36 residents: 20 are IMGs".
// ("We currently have 16 residents, and 9 of them are international medical graduates")
const TOTAL_THEN_COUNT = new RegExp(
  String.raw`\b(${NUM_WORD}) (?:current |categorical )?(?:residents|interns|trainees)[,:]? (?:and )?(?:of (?:whom|which) )?(${NUM_WORD})(?: of (?:them|these))? (?:are|were)\b`,
);
// "Of the 50 residents presently training in the Program, 12 are graduates of international medical schools".
const OF_TOTAL_THEN_COUNT = new RegExp(String.raw`\bof (?:the |our |all )?(${NUM_WORD}) (?:[\w-]+ ){0,2}?(?:residents|interns|trainees)\b[^,;.]{0,60}, (${NUM_WORD})\b(?! (?:percent|%|years?|months?))`);
// "Current residents :: 18 of 27 are international graduates"
const COUNT_OF_ARE = new RegExp(String.raw`\b(${NUM_WORD}) (?:out )?of (?:our |the )?(${NUM_WORD}) (?:are|were)\b`);
// "One in four residents is an IMG", "1 in 3 of our residents".
const ONE_IN = new RegExp(String.raw`\b(${NUM_WORD}) (?:in|out of) (${NUM_WORD}) (?:of (?:our |the )?)?(?:[\w-]+ )?(?:residents|interns|trainees)\b`);
// The group in brackets after its total: "Current residents: 30 (24 IMGs)".
const TOTAL_THEN_GROUP = new RegExp(String.raw`\b(${NUM_WORD})(?: (?:current |categorical )?(?:residents|interns|trainees))? \((${NUM_WORD}) (?:are )?(?:imgs?|fmgs?|international (?:medical )?graduates|foreign (?:medical )?graduates)\b`);
// None now, said outright: "we currently have no IMG residents", "…30 residents, and none of them
// are international medical graduates". Read whatever follows (a welcome is not a preference).
const SAID_NONE = /\b(?:currently|presently) (?:have |has )?no (?:imgs?|international|foreign)\b|\b(?:do|does) not (?:currently |presently )?have any (?:imgs?|international|foreign)\b|\bnone of (?:them|our (?:current )?(?:residents|interns|trainees)) (?:are|is|were)\b/;
// A bare answer to a share question: "None.", "Not at present.", "0".
const NONE =
  /^(?:none|no|not (?:at present|currently|at this time|right now)|currently (?:none|no|not)|zero|0)\b|\bno (?:imgs?|international medical graduates|foreign medical graduates) (?:currently|at present|at this time)\b/;
const SHARE_QUESTION = /\b(?:percent|percentage|how many|proportion|share|number of)\b|%|\b(?:have|are there) any (?:imgs?|fmgs?|international|foreign)\b/;
// Shares of applicants, interviews, matches and pass rates are not shares of residents.
const NOT_RESIDENTS = /\bapplica(?:nts|tions)\b|\binterview(?:ed|s)?\b|\bmatch rate\b|\bgraduating residents\b|\balumni\b|\bpass rates?\b|\bpass(?:es|ed)? (?:the |their )?boards?\b/;
// Other groups a line may give a share of: "60% of our residents are female", "30% DOs".
const OTHER_GROUP = /\b(?:female|women|men|male|dos|osteopathic|amgs?|usa (?:md|graduates|medical graduates)|citizens|minorit\w+|underrepresented)\b/;

/**
 * The parts of a clause that each give one group's figure: "30% are DOs and 50% are IMGs",
 * "30% DOs, 50% IMGs". A comma splits only before a new figure ("IMGs, who make up 45%, …" stays whole).
 */
function parts(t: string): string[] {
  return t.split(/;| and | while | whereas | but |, (?=(?:about |approximately |roughly )?\d)/);
}

/** The IMG share the clause states, in percent; null when it states none. */
function shareIn(c: Clause, promptAboutShare: boolean): number | null {
  const t = c.norm;
  // A bare figure answering a share question, or a label ("% International medical graduates :: 86%").
  const bare = promptAboutShare && !IMG.test(t);
  if (NOT_RESIDENTS.test(t)) return null;
  let m = t.match(TOTAL_THEN_COUNT);
  if (m && IMG.test(t.slice(m.index! + m[0].length, m.index! + m[0].length + 40))) return ratio(m[2]!, m[1]!);
  m = t.match(OF_TOTAL_THEN_COUNT);
  if (m && IMG.test(t.slice(m.index! + m[0].length, m.index! + m[0].length + 50))) return ratio(m[2]!, m[1]!);
  m = t.match(COUNT_OF_ARE);
  if (m && IMG.test(t.slice(m.index! + m[0].length, m.index! + m[0].length + 40)) && /\b(?:residents|interns|trainees)\b/.test(`${c.prompt} ${t}`)) return ratio(m[1]!, m[2]!);
  m = t.match(ONE_IN);
  if (m && IMG.test(t.slice(m.index! + m[0].length, m.index! + m[0].length + 30))) return ratio(m[1]!, m[2]!);
  if ((m = t.match(TOTAL_THEN_GROUP)) && /\b(?:residents|interns|trainees)\b/.test(`${c.prompt} ${t}`)) return ratio(m[2]!, m[1]!);
  for (const p of parts(t)) {
    // ("5 of our 12 residents are IMGs (all US citizens)": an aside about the same group.)
    if (!(IMG.test(p) || bare) || OTHER_GROUP.test(p.replace(/\([^)]*\)/g, ' '))) continue;
    if ((m = p.match(PERCENT))) {
      const v = Number(m[1]);
      if (v >= 0 && v <= 100) return Math.round(v);
    }
    if ((m = p.match(COUNT_OF) ?? p.match(GROUP_OF))) return ratio(m[1]!, m[2]!);
  }
  return null;
}

function ratio(count: string, total: string): number | null {
  const a = wordNumber(count);
  const b = wordNumber(total);
  return a !== null && b !== null && b > 0 && a <= b ? Math.round((a / b) * 100) : null;
}

const TOTAL_LABEL = /^(?:total (?:number of )?(?:current )?(?:residents|trainees)|(?:current )?residents,? total|number of (?:current )?residents|(?:current )?residents(?: \(total\))?)\b/;

/** A "Total residents :: 54" row near the count (within a few blocks): the count's total. */
function totalRow(clauses: Clause[], blockIndex: number): string | null {
  for (const c of clauses) {
    if (Math.abs(c.blockIndex - blockIndex) > 12 || c.blockIndex === blockIndex) continue;
    if ((c.kind === 'label-value' || c.kind === 'qa') && TOTAL_LABEL.test(c.prompt) && /^\d{1,3}$/.test(c.norm)) return c.norm;
  }
  return null;
}

export function readImgShare(ctx: RuleContext): Found<number> | null {
  const clauses = contentClauses(ctx);
  const hits = contentHits(ctx, IMG_SCAN);
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i]!;
    if (hits[i] === 0 && c.prompt === '') continue;
    const t = c.norm;
    // "What percentage of residents are IMGs?", or a label naming the group over a bare "75%".
    // ("IMGs :: 0" in a table of the program's numbers: none; a bare count without its total says nothing.)
    const asksShare = SHARE_QUESTION.test(c.prompt) || (c.kind === 'label-value' && /^(?:\d{1,3}(?:\.\d+)?\s?%|0|none)$/.test(t));
    const asksPolicy = /\baccept|\bconsider|\btake\b|\bsponsor|\brequire/.test(c.prompt) || NOT_RESIDENTS.test(c.prompt);
    const promptAboutShare = asksShare && IMG.test(c.prompt) && !asksPolicy;
    const aboutImg = IMG.test(t) || promptAboutShare;
    // "IMG residents :: 9/27" (a label row, or a dl's dt/dd): a count out of its total.
    const slash = (c.kind === 'label-value' || c.kind === 'qa') && IMG.test(c.prompt) ? /^(\d{1,3})\s?\/\s?(\d{1,3})$/.exec(t) : null;
    if (slash) {
      const share = ratio(slash[1]!, slash[2]!);
      if (share !== null) return found(ctx, c, share);
    }
    // "International medical graduates among current residents :: 31" with "Total residents :: 54"
    // in the same table: a count and its total.
    if ((c.kind === 'label-value' || c.kind === 'qa') && IMG.test(c.prompt) && /^\d{1,3}$/.test(t) && !SHARE_QUESTION.test(c.prompt)) {
      const total = totalRow(clauses, c.blockIndex);
      const share = total === null ? null : ratio(t, total);
      if (share !== null) return found(ctx, c, share);
    }
    if (!aboutImg) continue;
    if (SAID_NONE.test(t)) return found(ctx, c, 0);
    if (c.preference) continue;
    if (/\bbetween\b|\bmost\b|\bmajority\b|\bmany\b/.test(t) && !PERCENT.test(t)) continue;
    // Ranges ("between 40 and 60%", "40-60%", "40 to 50 percent", "40%–50%") state no exact share.
    if (/\bbetween \d+\s?(?:%|percent)? (?:and|to)\b|\d\s?(?:%|percent)?\s?(?:-|to)\s?\d+\s?(?:%|percent\b)/.test(t)) continue;

    const share = shareIn(c, promptAboutShare);
    if (share !== null) return found(ctx, c, share);
    if (promptAboutShare && c.order === 0 && NONE.test(t)) {
      return found(ctx, c, 0);
    }
  }
  return null;
}
