import type { VisaValue } from '../../schema/signals';
import type { Clause } from '../clauses';
import { contentClauses, found, type Found, type RuleContext } from '../rule-kit';

// J-1 and H-1B sponsorship, each "yes" | "no" | "conditional", null when the page is silent on it.
// Visa spellings are already canonical ("j1", "h1b") from normalize(). A sentence often says two
// things ("We accept J-1 but not H-1B", "on a J-1 visa (we do not sponsor H1 visas)", "H-1B if Step 3
// is passed by April 30, otherwise J-1"), so each clause is cut into scopes at brackets and contrasts
// and every visa named is read against the words of its own scope only.

type VisaType = 'j1' | 'h1b';

/** How much a statement says: an explicit conditional beats an explicit yes/no, which beats an implication. */
const enum Rank { Implied = 1, Explicit = 2, Conditional = 3 }

interface Statement { type: VisaType; value: VisaValue; rank: Rank; clause: Clause }

const J1 = /\bj1\b|ecfmg[- ]sponsored|sponsored (?:by|through) (?:the )?ecfmg/;
const H1B = /\bh1b\b/;
const VISA_TALK = /\bvisa|\bj1\b|\bh1b\b|sponsor/;
// Other people's status (work permits, dependants), waivers and pointers to information: visa talk
// that says nothing about what the program sponsors.
const OFF_TOPIC =
  /\b(?:ead|employment authori[sz]ation|dependents?|dependants?|spous\w*|j2|waivers?|information (?:about|on|regarding)|questions (?:about|regarding|on)|website)\b/;

const POSITIVE =
  /\b(?:sponsor|sponsors|sponsored|sponsoring|sponsorship|accept|accepts|accepted|offer|offers|offered|support|supports|supported|holders?|eligib\w*|qualify for|consider|considers|considered|continu\w*|possible|maintain|welcome\w*|prefer\w*)\b|\bon (?:an? |the )?(?:j1|h1b)\b|\b(?:sponsorship|visas?) (?:is|are) (?:also )?(?:only )?available\b/;
const NEGATIVE = new RegExp(
  [
    String.raw`\b(?:not|never|nor|unable to|cannot|can't|don't|doesn't|won't|no longer)\s+(?:\w+\s+){0,2}?(?:sponsor|accept|offer|support|consider|provide)\w*`,
    String.raw`\bnot\s+(?:\w+\s+)?(?:sponsored|accepted|offered|supported|available|considered|possible)\b`,
    String.raw`\b(?:no|not|neither|nor)\s+(?:the\s+|an?\s+)?(?:j1|h1b)\b`,
    String.raw`:\s*no\b`, // "H-1B visa: No"
  ].join('|'),
);
// "J-1 only", "only J-1 visas", "we only sponsor J-1", "J-1 exclusively", "any visas other than the J-1".
// "J-1 only for 2026-2027" is a season's policy; "H-1B only for transfers" is a condition, not "only".
const ONLY_TYPE = new RegExp(
  [
    String.raw`\bonly (?:(?:sponsor|accept|consider|support|offer|provide)s?\s+)?(?:the\s+)?(j1|h1b)\b`,
    String.raw`\b(j1|h1b)(?: visas?)?(?: status)? (?:only|exclusively)\b(?!\s+(?:if|when|to|with|after|in|on)\b|\s+for\s+(?!(?:the\s+)?(?:\d{4}|upcoming|coming|current|next)\b))`,
    String.raw`\b(?:other than|except(?: for)?) (?:the\s+)?(j1|h1b)\b`,
  ].join('|'),
);
const VISA_CONDITION =
  /\b(?:if|unless|provided|only (?:if|when|to|with)|only for (?!(?:the )?(?:\d{4}|upcoming|coming|current|next)\b)|in (?:select|selected|certain|some|rare|special|unusual|exceptional|limited) (?:cases|circumstances|situations|instances)|case[- ]by[- ]case|on a limited basis|limited number|subject to|depending on|already (?:hold\w*|has|have|in|on)|transferring|transfer from|only possible|possible (?:only )?if|would consider|may consider|may (?:sponsor|offer)|may be (?:sponsored|considered|offered|available|possible)|offered to \w+(?: \w+)? who|(?:for|to) (?:applicants|candidates|residents|those|individuals)(?: \w+)? (?:who|that|with)|exceptionally)\b/;
// H-1B needs every Step including Step 3 (FACTS.md "Visas"): naming Step 3 next to it is a condition.
const STEP3 = /\bstep 3\b|\ball (?:three |3 )?(?:usmle )?steps\b/;
const STEP3_DEADLINE = /\bstep 3\b.*\b(?:by|before|prior to)\b/;
const CITIZENS_ONLY =
  /\bonly (?:\w+ ){0,3}?(?:usa )?citizens\b|\bmust (?:be|hold) (?:a )?(?:usa )?citizen|\b(?:citizens?|permanent residents?|green card holders?)(?:,? (?:and|or) [\w ]{0,30}?)? only\b|\bcitizens? (?:or|and) permanent residents? (?:only|are eligible)\b|\bmust hold usa citizenship\b|\bapplicants must be usa citizens\b/;
// "Applicants requiring visa sponsorship will not be considered" (read with a negation in the clause).
const NEEDS_SPONSORSHIP = /\b(?:applicants?|candidates?|those|anyone|individuals?|graduates?)\b[^.;]{0,25}?(?<!not |n't )\b(?:requir\w*|need\w*)\s+(?:a\s+)?(?:visa|sponsorship)/;
const GENERIC_NO =
  /\b(?:do|does|will|can) not (?:currently )?sponsor (?:any )?(?:type of )?(?:visas?|work visas?)\b|\bvisas? of any kind\b|\bno (?:type of )?visas? (?:is |are |will be )?(?:sponsored|sponsorship)\b|\bno visa sponsorship\b|\bunable to sponsor (?:any )?visas?\b|\bnot (?:able|eligible) to sponsor visas?\b/;
// An answer that opens with a refusal but not with a bare "No": "Not at this time.", "None."
const REFUSAL = /^(?:not|none)\b|^unfortunately,? (?:not|no|we (?:do not|don't|cannot|can't|are unable))\b/;

// A scope that only names visas ("J-1 and H-1B.", "otherwise J-1", "H-1B if Step 3 is passed…",
// "J-1 visa: Yes") states them as what the program takes, with any tail after a condition word.
const BARE_WORDS = new Set(['j1', 'h1b', 'visa', 'visas', 'status', 'sponsorship', 'and', 'or', '&', 'both', 'the', 'a', 'an',
  'otherwise', 'else', 'also', 'only', 'through', 'via', 'by', 'ecfmg', 'yes']);
const CONDITION_TAIL = /\b(?:if|when|unless|provided|for|with|after|in|on|case[- ]by[- ]case|subject)\b.*$/;

function isBare(scope: string): boolean {
  const words = scope.replace(CONDITION_TAIL, '').replace(/[.,:;!()/-]/g, ' ').split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((w) => BARE_WORDS.has(w));
}

// normalize() leaves a spelling followed by a comma half-done ("J-1, H-1B" → "j-1, h1bb"): its guard
// against "J-1,000"-style numbers also refuses a plain comma. Finish the job here (see the report on
// normalize.ts); idempotent on text normalize() already got right.
function canon(norm: string): string {
  return norm
    .replace(/\bh1bb\b/g, 'h1b')
    .replace(/\bj[\s-]?1\b(?!\d|,\d)/g, 'j1')
    .replace(/\bh[\s-]?1(?:[\s-]?b\b)?(?!\d|,\d)/g, 'h1b');
}

function typesIn(text: string): VisaType[] {
  const t: VisaType[] = [];
  if (J1.test(text)) t.push('j1');
  if (H1B.test(text)) t.push('h1b');
  return t;
}

// Contrasts end a statement's reach; "and" does only where a new verb phrase starts ("and do not sponsor").
const CONTRAST =
  /,?\s*\b(?:but|however|whereas|although|though)\b,?\s*|[,;]\s*(?=otherwise\b)|\s+and\s+(?=(?:we|they|the program|our program|it)\s|(?:do|does|will|can|are|is)\s+not\b|(?:cannot|can't|don't|doesn't|won't)\b)/;
const LEADING_SUBORDINATE = /^(?:while|although|though|whereas|even though)\b([^,]+),\s*(.+)$/;

/** Bracketed asides that name a visa are statements of their own; the rest stays in place. */
function scopesOf(text: string): string[] {
  const asides: string[] = [];
  const main = text.replace(/\(([^()]*)\)/g, (whole, inner: string) => (typesIn(inner).length > 0 ? (asides.push(inner), ' ') : whole));
  return [main, ...asides]
    .flatMap((s) => {
      const m = s.trim().match(LEADING_SUBORDINATE);
      return m ? [m[1]!, m[2]!] : [s];
    })
    .flatMap((s) => s.split(CONTRAST))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function answerOf(c: Clause): 'yes' | 'no' | null {
  if (c.answer) return c.answer;
  return c.order === 0 && c.prompt !== '' && REFUSAL.test(c.norm) ? 'no' : null;
}

function statementsOf(c: Clause, carried: VisaType[]): Statement[] {
  const text = canon(c.norm);
  const prompt = canon(c.prompt);
  const out: Statement[] = [];
  const say = (type: VisaType, value: VisaValue, rank: Rank) => out.push({ type, value, rank, clause: c });
  const promptVisa = prompt !== '' && VISA_TALK.test(prompt);
  const promptTypes = promptVisa ? typesIn(prompt) : [];
  const answer = answerOf(c);
  const conditional = VISA_CONDITION.test(text);

  if (typesIn(text).length === 0) {
    if (OFF_TOPIC.test(text)) return out;
    // The answer to "Do you sponsor H-1B visas?": "No.", "Not at this time.", "Only case by case."
    if (promptTypes.length > 0) {
      const negative = answer === 'no' || NEGATIVE.test(text);
      const positive = answer === 'yes' || POSITIVE.test(text);
      for (const t of promptTypes) {
        if (negative) say(t, 'no', Rank.Explicit);
        else if (conditional && (positive || c.order === 0)) say(t, 'conditional', Rank.Conditional);
        else if (positive) say(t, 'yes', Rank.Explicit);
      }
      if (out.length > 0 || c.order === 0) return out;
    }
    // "Applicants must pass Step 3 by April 30" after an H-1B sentence: the condition belongs to it.
    const last = carried.length > 0 ? carried : promptTypes;
    if (last.length === 1 && (conditional || STEP3_DEADLINE.test(text)) && /\b(?:step 3|visa|sponsor)/.test(text)) {
      say(last[0]!, 'conditional', Rank.Conditional);
      return out;
    }
    const refusesAll =
      GENERIC_NO.test(text) ||
      CITIZENS_ONLY.test(text) ||
      (NEEDS_SPONSORSHIP.test(text) && c.negated && !c.preference) ||
      (promptVisa && answer === 'no');
    if (refusesAll) {
      say('j1', 'no', Rank.Implied);
      say('h1b', 'no', Rank.Implied);
    } else if (conditional && /\bvisa (?:sponsorship|status)|\bsponsor\w* (?:a |any )?visas?\b/.test(text) && !NEGATIVE.test(text)) {
      say('j1', 'conditional', Rank.Implied);
      say('h1b', 'conditional', Rank.Implied);
    }
    return out;
  }

  const named = typesIn(text);
  if (GENERIC_NO.test(text)) {
    for (const t of ['j1', 'h1b'] as const) if (!named.includes(t)) say(t, 'no', Rank.Implied);
  }
  // "Do you sponsor H-1B? — No, J-1 only.": the opening yes/no answers the question's visa;
  // "Do you sponsor visas? — No, but we accept the J-1": a no for every visa the answer does not name.
  if (answer) for (const t of promptTypes) if (!named.includes(t)) say(t, answer, Rank.Explicit);
  if (answer === 'no' && promptVisa && promptTypes.length === 0) {
    for (const t of ['j1', 'h1b'] as const) if (!named.includes(t)) say(t, 'no', Rank.Implied);
  }

  scopesOf(text).forEach((scope, i) => {
    const types = typesIn(scope);
    if (types.length === 0 || OFF_TOPIC.test(scope)) return;
    const only = scope.match(ONLY_TYPE);
    const onlyType = (only?.[1] ?? only?.[2] ?? only?.[3]) as VisaType | undefined;
    const bare = isBare(scope);
    const negative = NEGATIVE.test(scope) || (bare && NEGATIVE.test(prompt) && !/\?/.test(prompt));
    const positive = bare || POSITIVE.test(scope) || /:\s*yes\b/.test(scope) || (i === 0 && answer === 'yes');
    const cond = VISA_CONDITION.test(scope);
    for (const t of types) {
      const step3 = t === 'h1b' && STEP3.test(scope);
      if (onlyType === t) say(t, cond ? 'conditional' : 'yes', cond ? Rank.Conditional : Rank.Explicit);
      else if (negative) say(t, 'no', Rank.Explicit);
      else if (cond || step3) say(t, 'conditional', Rank.Conditional);
      else if (positive) say(t, 'yes', Rank.Explicit);
    }
    if (onlyType && !cond && types.length === 1) say(onlyType === 'j1' ? 'h1b' : 'j1', 'no', Rank.Implied);
  });
  return out;
}

function resolve(statements: Statement[]): Statement | null {
  if (statements.length === 0) return null;
  const top = Math.max(...statements.map((s) => s.rank));
  const best = statements.filter((s) => s.rank === top);
  if (top === Rank.Explicit) {
    // Explicit yes and no on one page: the majority, ties to the first said.
    const yes = best.filter((s) => s.value === 'yes').length;
    const no = best.length - yes;
    if (yes !== no) return best.find((s) => s.value === (yes > no ? 'yes' : 'no'))!;
  }
  return best[0]!;
}

export function readVisa(ctx: RuleContext): { j1: Found<VisaValue> | null; h1b: Found<VisaValue> | null } {
  const all: Statement[] = [];
  let carried: VisaType[] = [];
  let lastBlock = -1;
  for (const c of contentClauses(ctx)) {
    if (c.blockIndex !== lastBlock) carried = [];
    lastBlock = c.blockIndex;
    all.push(...statementsOf(c, carried));
    const mentioned = typesIn(canon(c.norm));
    if (mentioned.length > 0) carried = mentioned;
  }
  const pick = (type: VisaType) => {
    const s = resolve(all.filter((x) => x.type === type));
    return s ? found(ctx, s.clause, s.value) : null;
  };
  return { j1: pick('j1'), h1b: pick('h1b') };
}
