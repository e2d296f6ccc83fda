import type { VisaValue } from '../../schema/signals';
import { isPlaceholder } from '../../freida';
import type { Clause } from '../clauses';
import { alternation, contentClauses, contentHits, found, type Found, type RuleContext } from '../rule-kit';

// J-1 and H-1B sponsorship, each "yes" | "no" | "conditional", null when the page is silent on it
// (labels per shared/corpus/README.md: any qualifier → conditional; "J-1 only" → H-1B no).
// A sentence often says two things ("We accept J-1 but not H-1B", "on a J-1 visa (we do not sponsor
// H1 visas)", "H-1B if Step 3 is passed by April 30, otherwise J-1"), so each clause is cut into
// scopes at brackets and contrasts, and each visa named is read against its own words in its scope.

type VisaType = 'j1' | 'h1b';

/** How much a statement says: an explicit conditional beats an explicit yes/no, which beats an implication. */
const enum Rank { Implied = 1, Explicit = 2, Conditional = 3 }

interface Statement { type: VisaType; value: VisaValue; rank: Rank; clause: Clause }

// --- vocabulary (phrase tables; spaces also match hyphens) -----------------------------------------

const SITUATIONS = ['select', 'selected', 'certain', 'some', 'rare', 'special', 'unusual', 'exceptional', 'limited'].flatMap((a) =>
  ['cases', 'circumstances', 'situations', 'instances'].map((n) => `in ${a} ${n}`),
);

export const VISA_VOCABULARY = {
  /** The program's stance: "we sponsor", "J-1 holders are welcome", "eligible for a J-1". */
  stance: [
    'sponsor', 'sponsors', 'sponsored', 'sponsoring', 'sponsorship', 'accept', 'accepts', 'accepted', 'accepting',
    'offer', 'offers', 'offered', 'support', 'supports', 'supported', 'holder', 'holders', 'eligible', 'eligibility',
    'qualify for', 'consider', 'considers', 'considered', 'continue', 'continued', 'continuing', 'possible', 'maintain',
    'welcome', 'welcomes', 'welcomed', 'prefer', 'prefers', 'preferred', 'participate', 'participates', 'participating',
    'assist', 'assists', 'assisting', 'petition', 'petitions', 'file', 'files', 'filed',
  ],
  /** Verbs a refusal negates: "we do not sponsor", "cannot accept", "will not take". */
  refusedVerbs: ['sponsor', 'accept', 'offer', 'support', 'consider', 'provide', 'take', 'allow', 'participate'],
  /** Qualifiers that make sponsorship conditional (README: case by case, select cases, limited basis, …). */
  conditions: [
    'if', 'unless', 'provided', 'only if', 'only when', 'only to', 'only with', 'only possible', 'possible if',
    'case by case', 'on a limited basis', 'limited number', 'subject to', 'depending on', 'exceptionally',
    'transferring', 'transfer from', 'already hold', 'already holds', 'already holding', 'already has',
    'already have', 'already in', 'already on', 'would consider', 'may consider', 'may sponsor', 'may offer',
    'may be sponsored', 'may be considered', 'may be offered', 'may be available', 'may be possible',
    ...SITUATIONS,
  ],
  /** Visa talk about something else: work permits, dependants, waivers, other programs, where to read more. */
  offTopic: [
    'ead', 'employment authorization', 'employment authorisation', 'dependent', 'dependents', 'dependant', 'dependants',
    'spouse', 'spouses', 'spousal', 'j2', 'waiver', 'waivers', 'contact', 'website', 'information about',
    'information on', 'information regarding', 'questions about', 'questions regarding',
    'most programs', 'many programs', 'some programs', 'other programs', 'few programs',
    'moonlight', 'moonlighting',
  ],
  /** A scope made only of these names visas as what the program takes: "J-1 and H-1B.", "J-1 visa: Yes". */
  bare: ['j1', 'h1b', 'visa', 'visas', 'status', 'sponsorship', 'and', 'or', '&', 'both', 'the', 'a', 'an', 'otherwise',
    'else', 'also', 'only', 'through', 'via', 'by', 'ecfmg', 'yes'],
} as const;

const words = (phrases: readonly string[]) => new RegExp(String.raw`\b(?:${alternation(phrases)})\b`);
const BARE_WORDS = new Set<string>(VISA_VOCABULARY.bare);
const OFF_TOPIC = words(VISA_VOCABULARY.offTopic);

// Visa spellings are canonical ("j1", "h1b") after normalize() and canon() below.
const J1 = /\bj1\b|ecfmg[- ]sponsored|sponsored (?:by|through) (?:the )?ecfmg/;
const H1B = /\bh1b\b/;
const VISA_MENTION = new RegExp(`${J1.source}|${H1B.source}`, 'g');
const VISA_TALK = /\bvisa|\bj1\b|\bh1b\b|sponsor/;
// F-1, O-1, H-4, TN…: a refusal naming them says nothing about the J-1 or H-1B.
const OTHER_VISA = /\b[a-z]-?\d{1,2}[a-z]?\b|\btn\b/;
const SEASON = String.raw`(?:the\s+)?(?:\d{4}|upcoming|coming|current|next)\b`;

const POSITIVE = new RegExp(
  [
    words(VISA_VOCABULARY.stance).source,
    // "IMGs must obtain a J-1", "candidates who already hold H-1B status"
    String.raw`\b(?:must|or|and|who) (?:already )?(?:obtain|have|has|hold|holds|secure|be on) (?:a |an )?(?:valid )?(?:j1|h1b)\b`,
    String.raw`\bon (?:an? |the )?(?:j1|h1b)\b`, // "apply on a J-1 visa"
    String.raw`\b(?:sponsorship|visas?) (?:is|are) (?:also )?(?:only )?available\b`,
    String.raw`(?::|\s-)\s*yes\b`, // "J-1: Yes", "J-1 – Yes"
  ].join('|'),
);
const NEGATIVE = new RegExp(
  [
    String.raw`\b(?:not in a position to|not|never|neither|nor|unable to|cannot|can't|don't|doesn't|won't|no longer)\s+(?:\w+\s+){0,2}?(?:${alternation(VISA_VOCABULARY.refusedVerbs)})(?!ship)\w*`,
    String.raw`\bnot\s+(?:\w+\s+)?(?:sponsored|accepted|offered|supported|available|considered|possible|eligible for)\b`,
    String.raw`\b(?:no|not|neither|nor)\s+(?:the\s+|an?\s+)?(?:j1|h1b)\b`, // "no H-1B sponsorship", "but not H-1B"
    String.raw`(?::|\s-)\s*no\b`, // "H-1B visa: No", "H1B – No"
    String.raw`\b(?:sponsorship|visas?|j1|h1b|ecfmg)\s+no\.?$`, // a row read as one line: "J-1 visa sponsorship through ECFMG No"
    String.raw`\b(?:is|are|does|do|will)\s+not\s*[.;,]?$`, // "H-1B visas are sponsored; J-1 visas are not."
    String.raw`\bnot an? (?:option|possibility)\b`, // "the H-1B is therefore not an option"
    // "does not file H-1B petitions" (active voice only: "petitions cannot be filed until…" is a condition)
    String.raw`\b(?:(?:do|does|will|are|is)\s+not(?:\s+able\s+to)?|don't|doesn't|won't|unable\s+to|cannot|can't)\s+file\b`,
    // "H-1B sponsorship was discontinued in 2024"
    String.raw`\b(?:was|were|has been|have been|is|are|been)\s+discontinued\b|\bno longer (?:available|offered)\b`,
  ].join('|'),
);
// "J-1 only", "only J-1 visas", "we only sponsor J-1", "J-1 exclusively", "any visas other than the J-1".
// "J-1 only for 2026-2027" is a season's policy; "H-1B only for transfers" is a condition, not "only".
const ONLY_TYPE = new RegExp(
  [
    String.raw`\bonly (?:(?:sponsor|accept|consider|support|offer|provide)s?\s+)?(?:the\s+)?(j1|h1b)\b`,
    String.raw`\b(j1|h1b)(?: visas?)?(?: status)?(?: (?:through|via|sponsored by) (?:the )?ecfmg| \((?:through |via )?ecfmg\))? (?:only|exclusively)\b(?!\s+(?:if|when|to|with|after|in|on)\b|\s+for\s+(?!${SEASON}))`,
    String.raw`\b(?:other than|except(?: for)?) (?:the\s+)?(j1|h1b)\b`,
    // "Visa sponsorship is limited to the J-1"
    String.raw`\b(?:limited|restricted) to (?:the\s+)?(j1|h1b)\b`,
  ].join('|'),
);
const VISA_CONDITION = new RegExp(
  [
    words(VISA_VOCABULARY.conditions).source,
    String.raw`\bonly for (?!${SEASON})`,
    String.raw`\boffered to \w+(?: \w+)? who\b`, // "offered to Canadians who graduated…"
    // ("available to applicants entering an advanced position")
    String.raw`\b(?:for|to) (?:applicants|candidates|residents|those|individuals)(?: \w+)? (?:who|that|with|(?!during\b)\w+ing)\b`,
    // "H-1B for PGY-2 and above only": a restriction to some positions or people.
    String.raw`\bfor (?!${SEASON})[^.;:]{1,30}? only\b`,
  ].join('|'),
);
// A refusal with a way out ("we do not sponsor H-1B visas except for transfers") is a condition.
const EXCEPTION = /\bexcept (?:for |when |if |in |to )|\bunless\b|\bexceptions? (?:is |are )?(?:may be |can be |will be )?(?:made|considered|possible)\b/;
// H-1B needs every Step including Step 3 (FACTS.md "Visas"): naming Step 3 next to it is a condition.
const STEP3 = /\bstep 3\b|\ball (?:three |3 )?(?:usmle )?steps\b/;
// ("…by April 30", "petitions cannot be filed until residents pass Step 3")
const STEP3_DEADLINE = /\bstep 3\b.*\b(?:by|before|prior to)\b|\b(?:until|once|after|upon)\b[^.;]{0,40}\bstep 3\b/;

// No visa at all: citizens and permanent residents only; "We do not sponsor visas"; "Applicants
// requiring visa sponsorship will not be considered" (with a negation in the clause).
const CITIZENS_ONLY =
  /\bonly (?:\w+ ){0,3}?(?:usa )?citizens\b|\bmust (?:be|hold) (?:a )?(?:usa )?citizen|\b(?:citizens?|permanent residents?|green card holders?)(?:,? (?:and|or) [\w ]{0,30}?)? only\b|\bcitizens? (?:or|and) permanent residents? (?:only|are eligible)\b|\bmust hold usa citizenship\b/;
// "We accept applications from citizens, permanent residents and those holding an EAD": the groups
// that need no visa, listed as the ones accepted (read only where no visa is named).
const NO_VISA_GROUPS = /\b(?:accept\w*|consider\w*|eligib\w*|open)\b[^.;]{0,40}\b(?:from|to) (?:usa )?citizens,? (?:and |or )?(?:lawful )?permanent residents\b/;
// An answer pointing back at those groups: "Our eligibility is limited to the groups listed above."
const LIMITED_TO_LISTED = /\blimited to (?:the )?(?:groups?|categories|applicants|those|people) (?:listed|named|described|mentioned) above\b/;
const NEEDS_SPONSORSHIP = /\b(?:applicants?|candidates?|those|anyone|individuals?|graduates?)\b[^.;]{0,25}?(?<!not |n't )\b(?:requir\w*|need\w*)\s+(?:a\s+)?(?:visa|sponsorship)/;
// "We do not sponsor visas": a no for every visa the sentence does not name ("…other than the J-1").
const GENERIC_NO =
  /\b(?:do|does|will|can) not (?:currently )?sponsor (?:any )?(?:type of )?(?:visas?|work visas?)\b|\bvisas? of any kind\b|\bno (?:type of )?visas? (?:is |are |will be )?(?:sponsored|sponsorship)\b|\bno visa sponsorship\b|\bunable to sponsor (?:any )?visas?\b|\bnot (?:able|eligible) to sponsor visas?\b/;
// "We cannot sponsor visas", "Visa sponsorship is not available": a refusal whose object is visas in
// general — not "we do not offer observerships to visa holders".
const VISA_REFUSAL = new RegExp(
  [
    // ("we do not sponsor or accept any visas": two verbs, one object)
    String.raw`\b(?:not|never|unable to|cannot|can't|don't|doesn't|won't|no longer)\s+(?:\w+\s+)?(?:sponsor|offer|provide|support|accept)\w*(?:\s+(?:or|nor|and)\s+(?:sponsor|offer|provide|support|accept)\w*)?\s+(?:any\s+|an?\s+|the\s+|work\s+|(?:type|kind)s? of\s+)*(?:visas?|sponsorship)\b`,
    String.raw`\b(?:visas?|visa sponsorship)\b(?:\s+\w+){0,3}?\s+(?:is|are)\s+not\s+(?:\w+\s+)?(?:sponsored|offered|available|provided|possible)\b`,
  ].join('|'),
);
const ANY_KIND = /\bvisas? of any kind\b|\bany (?:type|kind) of visa\b|\bany visas?\b/;
// "We accept the J-1 … The hospital does not sponsor any other visa type": no for the ones not named.
const NO_OTHER = /\bnot (?:sponsor|accept|support|offer) any other (?:visas?|visa types?|types? of visas?|kinds? of visas?)\b|\bno other (?:visas?|visa types?)\b/;
// Applicants who need no visa at all: citizens, permanent residents, green card holders.
const NEEDS_NO_VISA = /\bcitizens?(?:hip)?\b|\bpermanent residen|\bgreen card/;
// "If you require visa sponsorship, say so in ERAS": the condition is the applicant's, not the program's.
const APPLICANT_NEED = /\b(?:if|whether|when) (?:you|applicants?|candidates?) (?:will )?(?:require|need)\b/;
// "If you are on a J-1 visa, you will need a Statement of Need": the visa is the applicant's circumstance.
const APPLICANT_IF = /^(?:if|when|once) (?:you|your|applicants?|an applicant)\b([^,]*),\s*(.*)$/;

// FAQ answers. A conditional answer without a yes is the question's only when it keeps to the topic
// ("Only on a case-by-case basis."), not "If you have questions, contact the coordinator."
const ANSWER_TOPIC =
  /\b(?:visas?|sponsor\w*|step 3|transfer\w*|case[- ]by[- ]case|select cases|limited basis|already)\b|^(?:only|occasionally|rarely|sometimes|in (?:select|selected|certain|some|rare|special|unusual|exceptional|limited)|on a (?:case|limited))\b/;
// Openings other than a bare "No"/"Yes": "Not at this time.", "None.", "We do not." / "We do.", "Absolutely."
const REFUSAL =
  /^(?:not|none)\b|^unfortunately\b|^(?:we|the program|our program|it) (?:do not|does not|will not|cannot|can not|don't|doesn't|won't|is not|are not)\b(?! only\b)/;
const ASSENT = /^(?:(?:we|the program|our program|it) (?:do|does|will|can)\b(?! not)|absolutely|certainly|of course|definitely)/;
// Questions about Step 3, waivers, fees or dependants name a visa without asking about sponsoring it.
const PROMPT_ASIDE = /\bstep 3\b|\bwaivers?\b|\bfees?\b|\bj2\b|\bead\b|\bdependen|\bspous/;

// --- reading ----------------------------------------------------------------------------------------

// normalize() leaves a spelling followed by a comma half-done ("J-1, H-1B" → "j-1, h1bb"): its guard
// against "J-1,000"-style numbers also refuses a plain comma. Finish the job here (reported for
// normalize.ts); idempotent on text normalize() already got right.
// Each replacement needs a "j1" / "h1" with at most a space or hyphen between: most clauses have
// none and skip the three patterns.
const CANON_NEEDED = /[jh][\s-]?1/;
function canon(norm: string): string {
  if (!CANON_NEEDED.test(norm)) return norm;
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

// With `conditionTail`, anything from a condition word on is ignored: "H-1B if Step 3 is passed…".
const CONDITION_TAIL = /\b(?:if|when|unless|provided|for|with|after|in|on|case[- ]by[- ]case|subject)\b.*$/;
function isBare(scope: string, conditionTail = true): boolean {
  const ws = (conditionTail ? scope.replace(CONDITION_TAIL, '') : scope).replace(/[.,:;!()/-]/g, ' ').split(/\s+/).filter(Boolean);
  return ws.length > 0 && ws.every((w) => BARE_WORDS.has(w));
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

/**
 * Each visa named in a scope owns the words from the previous visa named to the next one ("We sponsor
 * J-1 visas, and H-1B visas are not sponsored"). A visa whose words hold no verb of their own is
 * coordinated with a neighbour ("We do not sponsor J-1 or H-1B visas", "J-1 and H-1B visas are
 * offered to…") and also reads the neighbour's words.
 */
function wordsByMention(scope: string): { type: VisaType; words: string }[] {
  const ms = [...scope.matchAll(VISA_MENTION)].map((m) => ({
    type: (H1B.test(m[0]) ? 'h1b' : 'j1') as VisaType,
    start: m.index!,
    end: m.index! + m[0].length,
  }));
  const own = ms.map((_, k) => scope.slice(k === 0 ? 0 : ms[k - 1]!.end, k === ms.length - 1 ? scope.length : ms[k + 1]!.start));
  const hasVerb = (w: string) => NEGATIVE.test(w) || POSITIVE.test(w) || ONLY_TYPE.test(w);
  // Only "and", "or", "visas", "the"… between two visas: they are named together.
  const together = (a: number) => isBare(`${scope.slice(ms[a]!.end, ms[a + 1]!.start)} j1`, false);
  // "eligible for J-1 or H-1B visas depending on…": a verbless visa named right after (no comma) lends
  // its trailing words to the one before.
  const tight = (a: number) => together(a) && !scope.slice(ms[a]!.end, ms[a + 1]!.start).includes(',');
  return ms.map((m, k) => {
    if (hasVerb(own[k]!)) {
      const lent = k + 1 < ms.length && tight(k) && !hasVerb(own[k + 1]!) ? ` ${own[k + 1]}` : '';
      return { type: m.type, words: own[k]! + lent };
    }
    if (k + 1 < ms.length && together(k) && hasVerb(own[k + 1]!)) return { type: m.type, words: `${own[k]} ${own[k + 1]}` };
    if (k > 0 && together(k - 1) && hasVerb(own[k - 1]!)) return { type: m.type, words: `${own[k - 1]} ${own[k]}` };
    return { type: m.type, words: own[k]! };
  });
}

function answerOf(c: Clause): 'yes' | 'no' | null {
  if (c.answer) return c.answer;
  if (c.order !== 0 || c.prompt === '') return null;
  return REFUSAL.test(c.norm) ? 'no' : ASSENT.test(c.norm) ? 'yes' : null;
}

/** A clause that names no visa: an answer to a visa question, a carried condition, or all visas at once. */
function untypedStatements(c: Clause, text: string, promptTypes: VisaType[], promptVisa: boolean, carried: VisaType[], recent: VisaType[], say: Say) {
  // "Only citizens, permanent residents or EAD holders are eligible": no visa, whatever else is named.
  if (CITIZENS_ONLY.test(text) || NO_VISA_GROUPS.test(text)) return sayBoth(say, 'no', Rank.Implied);
  if (promptTypes.length > 0 && LIMITED_TO_LISTED.test(text)) {
    for (const t of promptTypes) say(t, 'no', Rank.Explicit);
    return;
  }
  // ("cannot sponsor visas of any kind, so applicants must hold … an employment authorization
  // document": a refusal of every visa, whatever else the sentence names.)
  if (OFF_TOPIC.test(text) && !(ANY_KIND.test(text) && GENERIC_NO.test(text))) return;
  const answer = answerOf(c);
  // VISA_CONDITION is long and most clauses never reach a use of it: tested on first use, each use
  // reading `(conditional ??= VISA_CONDITION.test(text))`.
  let conditional: boolean | undefined;
  // The answer to "Do you sponsor H-1B visas?": "No.", "Not at this time.", "Only case by case."
  if (promptTypes.length > 0) {
    const negative = answer === 'no' || NEGATIVE.test(text);
    const positive = answer === 'yes' || POSITIVE.test(text);
    let said = false;
    for (const t of promptTypes) {
      said = true;
      if (negative) say(t, 'no', Rank.Explicit);
      else if ((conditional ??= VISA_CONDITION.test(text)) && (positive || (c.order === 0 && c.answer !== null) || ANSWER_TOPIC.test(text))) say(t, 'conditional', Rank.Conditional);
      else if (positive) say(t, 'yes', Rank.Explicit);
      else said = false;
    }
    if (said || c.order === 0) return;
  }
  // "Applicants must pass Step 3 by April 30" after an H-1B sentence: the condition belongs to it.
  const last = carried.length > 0 ? carried : promptTypes;
  if (NO_OTHER.test(text)) {
    const named = last.length > 0 ? last : recent;
    for (const t of ['j1', 'h1b'] as const) if (named.length > 0 && !named.includes(t)) say(t, 'no', Rank.Explicit);
    return;
  }
  // ("Applicants who already hold permanent residency need not act on visas" is about those who need none.)
  if (last.length === 1 && /\b(?:step 3|visa|sponsor)/.test(text) && !NEEDS_NO_VISA.test(text) && ((conditional ??= VISA_CONDITION.test(text)) || STEP3_DEADLINE.test(text))) {
    return say(last[0]!, 'conditional', Rank.Conditional);
  }
  // GENERIC_NO, VISA_REFUSAL, NEEDS_SPONSORSHIP and the case-by-case test below each need "visa" or
  // "sponsor": most clauses skip them.
  const visaWords = /visa|sponsor/.test(text);
  const refusesAll =
    (visaWords &&
      (GENERIC_NO.test(text) ||
        (VISA_REFUSAL.test(text) && !OTHER_VISA.test(text) && !EXCEPTION.test(text)) ||
        (NEEDS_SPONSORSHIP.test(text) && c.negated && !c.preference))) ||
    (promptVisa && answer === 'no');
  if (refusesAll) return sayBoth(say, 'no', Rank.Implied);
  // "Visa sponsorship is considered case by case": both.
  if (visaWords && /\bvisa (?:sponsorship|status)|\bsponsor\w* (?:a |any )?visas?\b/.test(text) && (conditional ??= VISA_CONDITION.test(text)) && !NEGATIVE.test(text) && !APPLICANT_NEED.test(text)) {
    sayBoth(say, 'conditional', Rank.Implied);
  }
}

/** A clause that names a visa: each scope, each visa in it. */
function typedStatements(c: Clause, text: string, prompt: string, promptTypes: VisaType[], promptVisa: boolean, say: Say) {
  const answer = answerOf(c);
  const named = typesIn(text);
  if (GENERIC_NO.test(text)) for (const t of ['j1', 'h1b'] as const) if (!named.includes(t)) say(t, 'no', Rank.Implied);
  // "Do you sponsor H-1B? — No, J-1 only.": the opening yes/no answers the question's visa;
  // "Do you sponsor visas? — No, but we accept the J-1": a no for every visa the answer does not name.
  if (answer) for (const t of promptTypes) if (!named.includes(t)) say(t, answer, Rank.Explicit);
  if (answer === 'no' && promptVisa && promptTypes.length === 0) {
    for (const t of ['j1', 'h1b'] as const) if (!named.includes(t)) say(t, 'no', Rank.Implied);
  }

  let before: VisaType[] = [];
  scopesOf(text).forEach((scope, i) => {
    if (OFF_TOPIC.test(scope)) return;
    // "…will also file an H-1B petition, but only for a matched applicant who has passed Step 3":
    // a scope naming no visa that only restricts narrows the one before it.
    if (i > 0 && typesIn(scope).length === 0) {
      if (before.length === 1 && ((/^only\b/.test(scope) && VISA_CONDITION.test(scope)) || STEP3_DEADLINE.test(scope))) say(before[0]!, 'conditional', Rank.Conditional);
      return;
    }
    before = typesIn(scope);
    const ifYou = scope.match(APPLICANT_IF);
    if (ifYou && typesIn(ifYou[1]!).length > 0 && !POSITIVE.test(ifYou[2]!)) return;
    const mentions = wordsByMention(scope);
    const bareScope = isBare(scope);
    const single = new Set(mentions.map((m) => m.type)).size === 1;
    for (const { type: t, words: w } of mentions) {
      const only = w.match(ONLY_TYPE);
      const onlyType = (only?.[1] ?? only?.[2] ?? only?.[3] ?? only?.[4]) as VisaType | undefined;
      const negative = NEGATIVE.test(w) || (bareScope && NEGATIVE.test(prompt) && !/\?/.test(prompt));
      const positive = bareScope || POSITIVE.test(w) || (i === 0 && answer === 'yes');
      // Step 3 is the H-1B's requirement: next to the H-1B it is a condition, and "J-1 and H-1B if
      // Step 3 is passed" leaves the J-1 unconditional.
      const cond = VISA_CONDITION.test(w) && !(t === 'j1' && STEP3.test(w));
      const step3 = t === 'h1b' && STEP3.test(w);
      if (onlyType === t) say(t, cond ? 'conditional' : 'yes', cond ? Rank.Conditional : Rank.Explicit);
      else if (negative && EXCEPTION.test(w)) say(t, 'conditional', Rank.Conditional);
      else if (negative) say(t, 'no', Rank.Explicit);
      else if ((cond && positive) || step3) say(t, 'conditional', Rank.Conditional);
      else if (positive) say(t, 'yes', Rank.Explicit);
      if (onlyType === t && !cond && single) say(t === 'j1' ? 'h1b' : 'j1', 'no', Rank.Implied);
    }
  });
}

type Say = (type: VisaType, value: VisaValue, rank: Rank) => void;
const sayBoth = (say: Say, value: VisaValue, rank: Rank) => {
  say('j1', value, rank);
  say('h1b', value, rank);
};

// A returned arrow rather than `const say = () => …` in statementsOf: transpiled with keepNames (tsx,
// which runs the benchmark) each such const is named by a defineProperty call, here once per clause.
function sinkFor(out: Statement[], c: Clause): Say {
  return (type, value, rank) => out.push({ type, value, rank, clause: c });
}

// A table with a row per visa and a column per track: "J-1 (ECFMG) | Yes | Yes" is a yes, "H-1B |
// Yes | No" a yes for some tracks only (conditional), "H-1B | No | No" a no.
const TRACK_ROW = /^([^|]{1,40}) \| ((?:yes|no)\.?(?: \| (?:yes|no)\.?)+)$/;

function trackRow(c: Clause, text: string, say: Say): boolean {
  const m = c.kind === 'table-row' ? TRACK_ROW.exec(text) : null;
  const types = m ? typesIn(m[1]!) : [];
  if (types.length !== 1) return false;
  const answers = new Set(m![2]!.split(' | ').map((a) => a.replace('.', '')));
  say(types[0]!, answers.size > 1 ? 'conditional' : answers.has('yes') ? 'yes' : 'no', answers.size > 1 ? Rank.Conditional : Rank.Explicit);
  return true;
}

function statementsOf(c: Clause, text: string, carried: VisaType[], recent: VisaType[] = []): Statement[] {
  const prompt = canon(c.prompt);
  const out: Statement[] = [];
  const say = sinkFor(out, c);
  if (trackRow(c, text, say)) return out;
  // "Do H-1B applicants need Step 3 before ranking? — Yes.": the H-1B is conditional on it.
  if (answerOf(c) === 'yes' && STEP3.test(prompt) && typesIn(prompt).join() === 'h1b' && typesIn(text).length === 0) {
    say('h1b', 'conditional', Rank.Conditional);
    return out;
  }
  const promptVisa = prompt !== '' && VISA_TALK.test(prompt) && !PROMPT_ASIDE.test(prompt);
  const promptTypes = promptVisa ? typesIn(prompt) : [];
  if (typesIn(text).length === 0) untypedStatements(c, text, promptTypes, promptVisa, carried, recent, say);
  else typedStatements(c, text, prompt, promptTypes, promptVisa, say);
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

// Words a clause (or its question) must hold for statementsOf to say anything: a visa spelling that
// canon() reads as "j1" / "h1b" (or "ecfmg"), the words of the untyped statements ("visa", "sponsor",
// "step 3"), and those of CITIZENS_ONLY. A speed-up only: a clause and prompt without any of them
// yield no statement and name no visa to carry (tests/lib/core/signals/rules/visa-gate.test.ts).
export const VISA_WORDS = /[jh][\s-]?1|ecfmg|visa|sponsor|citizen|permanent resident|green card|step 3/;
export const VISA_WORDS_SCAN = new RegExp(VISA_WORDS.source, 'g');

export function readVisa(ctx: RuleContext): { j1: Found<VisaValue> | null; h1b: Found<VisaValue> | null } {
  const all: Statement[] = [];
  let carried: VisaType[] = [];
  let recent: VisaType[] = [];
  let recentBlock = -9;
  let lastBlock = -1;
  const clauses = contentClauses(ctx);
  const hits = contentHits(ctx, VISA_WORDS_SCAN);
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i]!;
    if (c.blockIndex !== lastBlock) carried = [];
    lastBlock = c.blockIndex;
    if (hits[i] === 0 && (c.prompt === '' || !VISA_WORDS.test(c.prompt))) continue;
    // FREIDA's "Not available" (and "N/A", "–") under a visa label is no answer, not a refusal.
    if (c.kind === 'label-value' && isPlaceholder(c.text)) continue;
    const text = canon(c.norm);
    // (The visas named just before, in this block or the one before it: "…train on the J-1" then
    // "- the hospital does not sponsor any other visa type".)
    all.push(...statementsOf(c, text, carried, c.blockIndex - recentBlock <= 1 ? recent : []));
    const mentioned = typesIn(text);
    if (mentioned.length > 0) {
      carried = mentioned;
      recent = mentioned;
      recentBlock = c.blockIndex;
    }
  }
  const pick = (type: VisaType) => {
    const s = resolve(all.filter((x) => x.type === type));
    return s ? found(ctx, s.clause, s.value) : null;
  };
  return { j1: pick('j1'), h1b: pick('h1b') };
}
