import type { UsceValue } from '../../schema/signals';
import type { Clause } from '../clauses';
import { NUM_WORD, wordNumber } from '../normalize';
import { contentClauses, contentHits, found, inWishSection, type Found, type RuleContext } from '../rule-kit';

// US clinical experience: required / preferred / not-required, the months named with it, and
// whether observerships count. Praise ("helpful", "viewed favourably") makes it preferred even when
// the page adds "not required"; a rule for only some applicants ("if more than a year has passed
// since graduation") is not a program-wide rule.

// "usa" is the canonical country token from normalize() ("American" is left as written).
const USCE =
  /\busce\b|\bimg\b.{0,20}\bclinical experience|\b(?:usa|american)\b[^.;]{0,25}\b(?:clinical|medical|hands-on|health ?care|patient care)\b[^.;]{0,15}\b(?:experience|training|exposure|rotations?)\b|\b(?:clinical|hands-on|medical|patient care) (?:experience|training)\b[^.;]{0,60}\b(?:in|at|within) (?:the |a |an )?(?:accredited )?(?:usa\b|american\b)|\bhands-on\b[^.;]{0,60}\busa\b|\b(?:one|1|two|2) years? (?:in|at) an? (?:usa )?(?:acgme[- ])?accredited (?:usa )?(?:residency|hospital|program)|\b(?:rotations?|clerkships?|sub-?internships?|externships?|electives?)\b(?: \([^)]*\))? (?:[\w-]+ ){0,3}?(?:in|at) (?:an? |the )?usa\b|\busa (?:[\w-]+ ){0,2}?(?:rotations?|clerkships?|sub-?internships?|externships?)\b|\b(?:of|in) usa experience\b|\bobservers?hips? (?:in|at) (?:the |an? )?usa\b/;
const USCE_WORDS = /usce|clinical experience|usa|american|accredited/;
// A clause without a question is read only for USCE_WORDS and "observer": one scan of the page
// (contentHits) finds those that hold any.
export const USCE_OR_OBSERVER_SCAN = /usce|clinical experience|usa|american|accredited|observer/g;
const RESEARCH_MIX = /\bclinical or research\b|\bresearch or clinical\b/;
const REQUIRED = /\b(?:required|requires|require|must|mandatory|need|needs|necessary|essential|have completed)\b|\bis a requirement\b/;
const NOT_REQUIRED =
  /\bnot (?:a |an )?(?:eligibility |formal |strict )?(?:required|requirement|necessary|mandatory|needed)\b|\bnot require\b|\b(?:do|does) not (?:need|require)\b|\bno usce (?:is )?(?:needed|required)\b|\beven if you have no\b|\bis optional\b/;
const PRAISE =
  /\b(?:prefer\w*|preference|helpful|helps|help|an? (?:real |big |definite |strong |great )?plus|advantage\w*|favou?rabl\w*|highly regarded|regarded|valued|value|recommend(?!ation)\w*|encourag\w*|desirable|desired|strengthen\w*|stronger|more competitive|beneficial|welcome|considered positively|ideally)\b/;
// Rules for a group of applicants: "if more than a year has passed", "applicants who graduated more than
// two years ago", "graduates of more than 2 years since graduation".
// ("if you graduated before 2018", "because you graduated before 2018", "graduates before 2018 need …")
const PARTIAL =
  /\b(?:recent|new|this year's) graduates (?:may|can|are|do not|don't|need not)\b|\b(?:graduat\w*|yog) (?:(?:in|from medical school) )?(?:before|prior to|earlier than) (?:\w+ )?(?:19|20)\d{2}\b|\b(?:more|over) than \S+ (?:years?|months?) (?:before|prior to|ago)\b|\bif (?:more|less) than\b|\bif you graduated\b|\bfor (?:applicants|graduates) (?:who|with) (?:graduated )?more than\b|\bgraduated (?:more|over|less) than\b|\b(?:more|over) than \S+ (?:years?|months?) (?:since|from|after|out of|out from)\b/;
// Applicants who lack it: "without USCE will not be considered" (required) or "… may still apply" (not).
const WITHOUT = /\b(?:without|with no|lacking|lack of|no) (?:any )?(?:usce\b|usa\b)/;
const EXCLUDES = /\bnot (?:be )?(?:considered|eligible|accepted|reviewed|invited)\b|\b(?:do not|does not|cannot|will not) (?:consider|accept|review|interview)\b|\bineligible\b/;
const STILL_WELCOME = /\b(?:may|can|are welcome to|are encouraged to|still) apply\b|\b(?:are|is|will be) (?:still )?(?:considered|eligible|welcome)\b/;
// "A minimum of 6 months of US clinical experience": a stated minimum amount is a requirement.
// ("USCE: 12 weeks minimum", "8 weeks (minimum)": the word after the amount.)
const MINIMUM_AMOUNT = new RegExp(
  String.raw`\b(?:at least|a minimum of|minimum of|minimum) (?:${NUM_WORD}|one|a)(?:\s?(?:-|to)\s?${NUM_WORD})? (?:months?|weeks?|years?)\b|\b${NUM_WORD} (?:months?|weeks?|years?) \(?(?:minimum|at (?:a )?minimum)\b`,
);
const ASKS_REQUIRED = /requir|need|necessary|mandatory|minimum|how much|how many/;
const OBS_NO =
  /\bno observers?hips?\b|\bobservers?hips? (?:do|does|will|are|is)? ?not (?:count|satisfy|qualify|considered|counted|accepted|meet)|\bobservers?hips? (?:are|is) not (?:counted|considered|accepted)|\b(?:not|never) count(?:ed)? observers?hips?|\bobservers?hip does not count\b|\bexcluding observers?hips?\b|\bobservers?hips? (?:alone )?(?:do not|don't) (?:count|qualify)/;
const OBS_YES =
  /\b(?:count|counts|accept|accepts|consider|considers) observers?hips?\b|\bobservers?hips? (?:count|are counted|are accepted|are considered|qualify)\b|\bincluding observers?hips?\b/;
const MONTHS = new RegExp(
  String.raw`\b(${NUM_WORD})(?:\s?(?:-|to|–)\s?(?:${NUM_WORD})| or more)?[ -](months?|weeks?|years?)\b|\b(a|one|1) (year|month)\b`,
);
// "two 4-week rotations": a count of rotations of one length.
const ROTATIONS_OF = new RegExp(String.raw`\b(${NUM_WORD}) (${NUM_WORD})[ -](weeks?|months?) (?:clinical |hands-on |elective |core )?(?:rotations?|electives?|clerkships?|blocks?|externships?|sub-?internships?)\b`);

const EXPERIENCE_PART = /\busce\b|clinical (?:experience|training|rotations?)|hands-on|observers?hip|accredited|patient care/;
// "8 weeks of hands-on experience, preferably in primary care, is required": the wish is about where,
// not whether.
const PLACE_WISH = /\b(?:preferably|ideally|preferred) (?:in|at|within|from|with) [^,;.]*/g;

function monthsIn(text: string): number | null {
  // "Graduation within the past five years is desirable, as is US clinical experience": that span is
  // the graduation window, not an amount of experience.
  // "within the last 12 months" says how recent, not how much.
  // (A part that names the experience itself keeps its amount: "IMGs must have completed one year
  // of clinical training in an accredited US hospital", "6 weeks … required for international graduates".)
  const m = text
    .replace(/[^,;]*\bgraduat[^,;]*/g, (part) => (EXPERIENCE_PART.test(part) ? part : ' '))
    .replace(/\b(?:within|in|during|over) (?:the )?(?:past|last|previous|preceding|prior) (?:\S+ )?(?:years?|months?|weeks?)\b/g, ' ')
    .match(MONTHS);
  if (!m) return null;
  const r = text.match(ROTATIONS_OF);
  if (r && r.index! <= m.index!) {
    const count = wordNumber(r[1]!);
    const each = wordNumber(r[2]!);
    if (count !== null && each !== null && count > 0 && count <= 12) return Math.round(((count * each) / (r[3]!.startsWith('week') ? 4 : 1)) * 100) / 100;
  }
  const n = wordNumber(m[1] ?? m[3]!);
  const unit = m[2] ?? m[4]!;
  if (n === null || n <= 0) return null;
  if (unit.startsWith('week')) return Math.round((n / 4) * 100) / 100;
  if (unit.startsWith('year')) return n * 12;
  return n;
}

type Status = UsceValue['status'];

export function readUsce(ctx: RuleContext): Found<UsceValue> | null {
  const clauses = contentClauses(ctx);
  let best: { status: Status; clause: Clause; idx: number } | null = null;
  let observershipsCount: boolean | null = null;
  const rank: Record<Status, number> = { required: 3, preferred: 2, 'not-required': 1 };

  const hits = contentHits(ctx, USCE_OR_OBSERVER_SCAN);
  clauses.forEach((c, idx) => {
    if (hits[idx] === 0 && c.prompt === '') return;
    const t = c.norm;
    // (Both observership patterns need "observer"; USCE needs one of USCE_WORDS: most clauses skip them.)
    if (t.includes('observer')) {
      if (OBS_NO.test(t)) observershipsCount = false;
      else if (OBS_YES.test(t)) observershipsCount = true;
    }

    const promptAsks = USCE.test(c.prompt) || /\busce\b|clinical experience/.test(c.prompt);
    const mentions = USCE_WORDS.test(t) && USCE.test(t) && !RESEARCH_MIX.test(t);
    if (!mentions && !(promptAsks && c.order <= 1)) return;
    if (PARTIAL.test(t) || c.statistic) return;

    let status: Status | null = null;
    // "encouraged to apply" welcomes the applicant; it does not praise the experience.
    const praise = inWishSection(c) || PRAISE.test(t.replace(STILL_WELCOME, ' ').replace(PLACE_WISH, (w) => (REQUIRED.test(t) || MINIMUM_AMOUNT.test(t) ? ' ' : w)));
    const asksWithout = WITHOUT.test(c.prompt) && /accept|consider|apply|eligible/.test(c.prompt);
    if (WITHOUT.test(t) && EXCLUDES.test(t)) status = 'required';
    else if (WITHOUT.test(t) && STILL_WELCOME.test(t)) status = praise ? 'preferred' : 'not-required';
    else if (asksWithout && c.answer) status = c.answer === 'yes' ? (praise ? 'preferred' : 'not-required') : 'required';
    else if (NOT_REQUIRED.test(t) || (promptAsks && c.answer === 'no' && /requir|need|necessary|mandatory/.test(c.prompt))) {
      status = praise ? 'preferred' : 'not-required';
      // "No. It is not required, but it is preferred": the answer's next sentences may praise it.
      if (!praise) {
        const next = clauses[idx + 1];
        if (next && next.blockIndex === c.blockIndex && PRAISE.test(next.norm) && !NOT_REQUIRED.test(next.norm)) status = 'preferred';
      }
    } else if (praise) status = 'preferred';
    else if (REQUIRED.test(t) || MINIMUM_AMOUNT.test(t) || (promptAsks && c.answer === 'yes' && /requir|need|necessary|mandatory/.test(c.prompt))) status = 'required';
    // "How much USCE do you require? || At least two months."
    else if (promptAsks && ASKS_REQUIRED.test(c.prompt) && c.order === 0 && !c.negated && monthsIn(t) !== null) status = 'required';
    if (!status) return;
    if (!best || rank[status] > rank[best.status]) best = { status, clause: c, idx };
  });

  if (!best) return null;
  const { status, clause, idx } = best as { status: Status; clause: Clause; idx: number };
  // The amount named with the statement: in it, or in the next sentence of the same answer
  // ("Yes, it is required. Ideally you will have at least eight weeks of it.").
  let minMonths = monthsIn(clause.norm);
  for (let k = idx + 1; minMonths === null && k < Math.min(clauses.length, idx + 3); k++) {
    const n = clauses[k]!;
    if (n.blockIndex !== clause.blockIndex) break;
    if (/\b(?:experience|it|rotations?|training|weeks?|months?)\b/.test(n.norm)) minMonths = monthsIn(n.norm);
  }
  if (minMonths !== null && minMonths > 120) minMonths = null;
  return found(ctx, clause, { status, minMonths, observershipsCount }, status === 'preferred' ? 'preferred' : 'required');
}
