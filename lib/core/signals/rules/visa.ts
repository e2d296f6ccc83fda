import type { VisaValue } from '../../schema/signals';
import type { Clause } from '../clauses';
import { contentClauses, found, type Found, type RuleContext } from '../rule-kit';

// J-1 and H-1B sponsorship, each "yes" | "no" | "conditional", null when the page is silent on it.
// Visa spellings are already canonical ("j1", "h1b") from normalize().

type VisaType = 'j1' | 'h1b';

/** How much a statement says: an explicit conditional beats an explicit yes/no, which beats an implication. */
const enum Rank { Implied = 1, Explicit = 2, Conditional = 3 }

interface Statement { type: VisaType; value: VisaValue; rank: Rank; clause: Clause }

const J1 = /\bj1\b|ecfmg[- ]sponsored|sponsored (?:by|through) (?:the )?ecfmg/;
const H1B = /\bh1b\b/;
// Employment-authorisation and dependants' visas are about other people's status, not sponsorship.
const OFF_TOPIC = /\b(?:ead|employment authori[sz]ation|dependent visas?|j2)\b/;

const POSITIVE = /\b(?:sponsor|sponsors|sponsored|sponsoring|sponsorship|accept|accepts|accepted|offer|offers|offered|support|supports|supported|holders?|eligib\w*|qualify for|considered for|consider|considers|continu\w*|possible|available|maintain)\b|\bon an? (?:j1|h1b)\b/;
const NEGATIVE =
  /\b(?:not|never|nor|unable to|cannot|can't|don't|doesn't|won't|no longer)\s+(?:\w+\s+){0,2}?(?:sponsor|accept|offer|support|consider|provide)\w*|\b(?:are|is|be|been)\s+not\s+(?:\w+\s+)?(?:sponsored|accepted|offered|supported|available|considered|possible)\b|\bno (?:j1|h1b)\b/;
const ONLY_TYPE = /\bonly (?:the )?(j1|h1b)\b|\b(j1|h1b)(?: visas?)?(?: status)? only\b(?!\s+(?:for|if|when|to|with|after))/;
const VISA_CONDITION =
  /\b(?:if|unless|provided|only (?:if|when|for|to|with)|in (?:select|selected|certain|some|rare|special|unusual|exceptional|limited) (?:cases|circumstances|situations)|case[- ]by[- ]case|on a limited basis|limited number|subject to|depending on|already (?:hold|holds|has|have|in)|transferring|transfer from|only possible|possible (?:only )?if|would consider|may consider|offered to \w+(?: \w+)? who|exceptionally)\b/;
const STEP3_DEADLINE = /\bstep 3\b.*\b(?:by|before|prior to)\b/;
const CITIZENS_ONLY =
  /\bonly (?:usa )?citizens\b|\bmust (?:be|hold) (?:a )?(?:usa )?citizen|\bcitizens and permanent residents only\b|\bcitizens? (?:or|and) permanent residents? (?:only|are eligible)\b|\bmust hold usa citizenship\b|\bapplicants must be usa citizens\b/;
const GENERIC_NO =
  /\b(?:do|does|will|can) not (?:currently )?sponsor (?:any )?(?:type of )?(?:visas?|work visas?)\b|\bvisas? of any kind\b|\bno (?:type of )?visas? (?:is |are |will be )?(?:sponsored|sponsorship)\b|\bno visa sponsorship\b|\bunable to sponsor (?:any )?visas?\b|\bnot (?:able|eligible) to sponsor visas?\b/;

function typesIn(text: string): VisaType[] {
  const t: VisaType[] = [];
  if (J1.test(text)) t.push('j1');
  if (H1B.test(text)) t.push('h1b');
  return t;
}

function statementsOf(c: Clause, carried: VisaType[]): Statement[] {
  const text = c.norm;
  if (OFF_TOPIC.test(text)) return [];
  const out: Statement[] = [];
  const say = (type: VisaType, value: VisaValue, rank: Rank) => out.push({ type, value, rank, clause: c });

  let types = typesIn(text);
  const fromPrompt = types.length === 0 && c.prompt !== '' && /\bvisa|\bj1\b|\bh1b\b|sponsor/.test(c.prompt);
  if (fromPrompt) types = typesIn(c.prompt);

  const conditional = VISA_CONDITION.test(text);
  if (types.length === 0) {
    // "Applicants must pass Step 3 by April 30" after an H-1B sentence: the condition belongs to it.
    if (carried.length === 1 && (conditional || STEP3_DEADLINE.test(text)) && /\b(?:step 3|visa|sponsor)/.test(text)) {
      say(carried[0]!, 'conditional', Rank.Conditional);
      return out;
    }
    if (GENERIC_NO.test(text) || (fromPrompt && c.answer === 'no' && /\bvisa/.test(c.prompt))) {
      say('j1', 'no', Rank.Implied);
      say('h1b', 'no', Rank.Implied);
    } else if (CITIZENS_ONLY.test(text)) {
      say('j1', 'no', Rank.Implied);
      say('h1b', 'no', Rank.Implied);
    } else if (conditional && /\bvisa (?:sponsorship|status)|\bsponsor\w* (?:a |any )?visas?\b/.test(text) && !NEGATIVE.test(text)) {
      say('j1', 'conditional', Rank.Implied);
      say('h1b', 'conditional', Rank.Implied);
    }
    return out;
  }

  if (GENERIC_NO.test(text)) {
    for (const t of ['j1', 'h1b'] as const) if (!types.includes(t)) say(t, 'no', Rank.Implied);
  }

  const only = text.match(ONLY_TYPE);
  const onlyType = (only?.[1] ?? only?.[2]) as VisaType | undefined;
  const negative = NEGATIVE.test(text) || (fromPrompt && c.answer === 'no');
  const positive = POSITIVE.test(text) || (fromPrompt && c.answer === 'yes') || c.answer === 'yes';

  for (const t of types) {
    if (negative && !(onlyType === t)) say(t, 'no', Rank.Explicit);
    else if (conditional && (positive || onlyType === t)) say(t, 'conditional', Rank.Conditional);
    else if (positive || onlyType === t) say(t, 'yes', Rank.Explicit);
  }
  if (onlyType && !conditional && types.length === 1) {
    say(onlyType === 'j1' ? 'h1b' : 'j1', 'no', Rank.Implied);
  }
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
    const st = statementsOf(c, carried);
    all.push(...st);
    const mentioned = typesIn(c.norm);
    if (mentioned.length > 0) carried = mentioned;
  }
  const pick = (type: VisaType) => {
    const s = resolve(all.filter((x) => x.type === type));
    return s ? found(ctx, s.clause, s.value) : null;
  };
  return { j1: pick('j1'), h1b: pick('h1b') };
}
