import { QUESTION_END, type Block, type BlockKind, type PageText } from '../page-text';
import { normalize } from './normalize';

// The shared reading: the page is split once into clauses, each marked for negation, condition,
// preference, hedging and numbers. Rules are matchers over this list; none re-reads the page.

export interface NumberMention {
  value: number;
  /** Offset in the clause's normalised text. */
  index: number;
  raw: string;
}

export interface Clause {
  /** Original sentence text (for evidence). */
  text: string;
  /** Normalised text (normalize()). */
  norm: string;
  /** Normalised question or label this clause answers (qa / label-value blocks), else ''. */
  prompt: string;
  /** Normalised nearest heading. */
  section: string;
  blockIndex: number;
  /** Position of this clause within its block (0 = first sentence). */
  order: number;
  kind: BlockKind;
  chrome: boolean;
  /** Bit set of TOPIC: the rules this clause (or its question) can matter to. 0 → no rule reads it. */
  topics: number;
  /** The answer opens with a bare yes / no ("No. Our program does not …"). */
  answer: 'yes' | 'no' | null;
  /** The clause asks ("Do you sponsor H-1B visas?"): it gives context to its answer, it states nothing. */
  question: boolean;
  negated: boolean;
  conditional: boolean;
  preference: boolean;
  /** Statements of what residents have had (averages, "usually", "most of our residents"): not rules. */
  statistic: boolean;
  /** A rule stated with exceptions ("generally", "unless", "exceptions are made"). */
  hedged: boolean;
  numbers: NumberMention[];
}

const NEGATION = /\b(?:not|no|never|nor|none|cannot|can't|don't|doesn't|won't|isn't|aren't|unable to)\b/;
const CONDITION = /\b(?:if|unless|provided|only (?:if|when|for|to|with)|in (?:select|selected|certain|some|rare|special|unusual|exceptional|limited) (?:cases|circumstances|situations)|case[- ]by[- ]case|on a limited basis|subject to|depending on|dependent on)\b/;
const PREFERENCE = /\b(?:prefer|prefers|preferred|preferably|preference|preferential|ideally|ideal|desirable|desired|encouraged?|recommended|recommends?|stand out|strongly (?:suggest|advise)|helpful|helps|a plus|advantage(?:ous)?|viewed (?:very )?favou?rably|favou?rably|highly regarded|valued|like to see|more competitive|competitive applicants?)\b/;
// "typically/usually require" is a rule with exceptions (hedged), not a description of residents.
const STATISTIC = /\b(?:average|averages|averaged|mean|median|(?:typically|usually)(?! (?:require|requires|ask|expect|accept|need))|most of our|most of the (?:residents|interns|applicants|candidates)|majority of|successful (?:applicants|candidates)|matched (?:applicants|candidates|residents)|candidates matched|applicants who match|residents who matched|range (?:was|is) )\b/;
const HEDGE = /\b(?:generally|in general|typically (?:require|ask|expect|need)|usually (?:require|ask|expect|need)|exceptions? (?:is|are|may be|can be) (?:made|considered|possible)|may still be considered|unless|on a case[- ]by[- ]case)\b/;

const MAX_CLAUSE = 600;

const BOUNDARY = /;|[.!?](?=[ )"]+[A-Z0-9("“(])/g;

/** Splits block text into sentences and semicolon clauses without breaking "U.S.", "e.g.", "Dr.". */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  // Candidates only: a semicolon, or . ! ? followed by space/bracket/quote and a capital, digit or
  // opening bracket — then the abbreviation checks below, on those few places.
  // (exec, not matchAll, which copies the pattern on every call; this runs once per block.)
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const i = m.index;
    if (m[0] === '.') {
      const before = text.slice(Math.max(0, i - 6), i);
      // A lone letter before the dot is an initial or "U.S." / "Q." — not a sentence end.
      if (/(?:^|[\s.(])[A-Za-z]$/.test(before)) continue;
      if (/\b(?:e\.g|i\.e|etc|vs|Dr|Mr|Ms|Mrs|St|Mt|approx|No|Inc|Jr|Sr)$/.test(before) && !/^\s*No$/.test(text.slice(start, i))) continue;
    }
    out.push(text.slice(start, i + 1));
    start = i + 1;
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

// Scores, months, percentages: any number in the clause with its offset. "1,500" → 1500.
const NUMBER = /(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])/g;

function numbersIn(norm: string): NumberMention[] {
  const out: NumberMention[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(norm); m; m = NUMBER.exec(norm)) {
    out.push({ value: Number(m[1]!.replace(/,/g, '')), index: m.index, raw: m[0] });
  }
  return out;
}

function answerOf(norm: string): 'yes' | 'no' | null {
  const m = norm.match(/^(yes|no)\b/);
  return m ? (m[1] as 'yes' | 'no') : null;
}

// Which rules a clause can matter to, found once per clause (and its question or label), so each
// rule visits only its own clauses instead of re-reading the page. Broad on purpose: a rule's own
// patterns decide; these only rule clauses out.
export const TOPIC = {
  visa: 1,
  score: 2,
  attempts: 4,
  yog: 8,
  usce: 16,
  img: 32,
  setting: 64,
} as const;
export type TopicName = keyof typeof TOPIC;

const TOPIC_PATTERNS: [number, RegExp][] = [
  [TOPIC.visa, /j1|h1b|visa|sponsor|citizen|permanent resid|ecfmg|ead|immigra|work authori/],
  [TOPIC.score, /steps?|usmle|scores?|comlex|minimum|cut-?off|levels? [12i]|\d{2,3}|boards?/],
  [TOPIC.attempts, /attempt|fail|first[- ]time|tr(?:y|ies)|sitting|pass/],
  [TOPIC.yog, /graduat|medical school|degree|yog|out (?:of|from)/],
  [TOPIC.usce, /usce|clinical|hands-on|observer|experience|rotation|patient|usa/],
  [TOPIC.img, /imgs?|fmgs?|international|foreign|non-usa|non-lcme|%|percent|none|no|not/],
  [TOPIC.setting, /communit|universit|academic/],
];

// Whether any topic pattern matches, in one test instead of up to seven (the marks below ask this
// of every clause a rule reads). The patterns have no flags, anchors or groups that a union changes.
const ANY_TOPIC = new RegExp(TOPIC_PATTERNS.map(([, re]) => `(?:${re.source})`).join('|'));

function topicsOf(norm: string): number {
  let bits = 0;
  for (const [bit, re] of TOPIC_PATTERNS) if (re.test(norm)) bits |= bit;
  return bits;
}

const SEP = '\u0001';

// A clause's topics, marks (negated, conditional, …) and numbers are computed on first read and
// kept: rules ask about a few clauses only, and a page has hundreds. Clauses no rule can read
// (topics 0) are never marked, as before.
export class LazyClause implements Clause {
  /** -1 until computed. */
  #topics = -1;
  #negated?: boolean;
  #conditional?: boolean;
  #preference?: boolean;
  #statistic?: boolean;
  #hedged?: boolean;
  #numbers?: NumberMention[];
  constructor(
    public text: string,
    public norm: string,
    public prompt: string,
    public section: string,
    public blockIndex: number,
    public order: number,
    public kind: BlockKind,
    public chrome: boolean,
    /** Topics of the clause's question or label (shared by the block's clauses, found once). */
    private promptTopics: number,
    public answer: 'yes' | 'no' | null,
    public question: boolean,
  ) {}
  get topics(): number {
    if (this.#topics < 0) this.#topics = this.chrome ? 0 : topicsOf(this.norm) | this.promptTopics;
    return this.#topics;
  }
  /** One topic bit, testing that topic's pattern only (clausesAbout asks this of every clause). */
  hasTopic(bit: number): boolean {
    if (this.#topics >= 0) return (this.#topics & bit) !== 0;
    if (this.chrome) return false;
    if ((this.promptTopics & bit) !== 0) return true;
    return TOPIC_PATTERNS.some(([b, re]) => b === bit && re.test(this.norm));
  }
  /** topics !== 0, stopping at the first pattern that matches. */
  get #marked(): boolean {
    if (this.#topics >= 0) return this.#topics !== 0;
    if (this.chrome) return false;
    return this.promptTopics !== 0 || ANY_TOPIC.test(this.norm);
  }
  get negated(): boolean {
    return (this.#negated ??= this.#marked && NEGATION.test(this.norm));
  }
  get conditional(): boolean {
    return (this.#conditional ??= this.#marked && CONDITION.test(this.norm));
  }
  get preference(): boolean {
    return (this.#preference ??= this.#marked && PREFERENCE.test(this.norm));
  }
  get statistic(): boolean {
    return (this.#statistic ??= this.#marked && STATISTIC.test(this.norm));
  }
  get hedged(): boolean {
    return (this.#hedged ??= this.#marked && HEDGE.test(this.norm));
  }
  get numbers(): NumberMention[] {
    return (this.#numbers ??= this.#marked ? numbersIn(this.norm) : []);
  }
}

/** One pass over the page's blocks → the clause list every rule reads. */
export function toClauses(page: PageText): Clause[] {
  // Sentences of the whole page, normalised in one go (one run of each pattern, not one per sentence).
  const pending: { b: Block; blockIndex: number; order: number; text: string }[] = [];
  page.blocks.forEach((b: Block, blockIndex) => {
    if (b.chrome) {
      // Site chrome states no rule; the state rule reads addresses from its raw text.
      pending.push({ b, blockIndex, order: 0, text: b.text.length > MAX_CLAUSE * 4 ? b.text.slice(0, MAX_CLAUSE * 4) : b.text });
      return;
    }
    splitSentences(b.text).forEach((sentence, order) => {
      pending.push({ b, blockIndex, order, text: sentence.length > MAX_CLAUSE ? sentence.slice(0, MAX_CLAUSE) : sentence });
    });
  });
  const norms = normalize(pending.map((p) => (p.b.chrome ? '' : p.text.includes(SEP) ? p.text.replace(/\u0001/g, ' ') : p.text)).join(SEP)).split(SEP);
  const promptCache = new Map<string, { norm: string; topics: number }>();
  const promptOf = (raw: string | undefined) => {
    if (!raw) return { norm: '', topics: 0 };
    let hit = promptCache.get(raw);
    if (!hit) {
      const norm = normalize(raw);
      hit = { norm, topics: topicsOf(norm) };
      promptCache.set(raw, hit);
    }
    return hit;
  };

  const clauses: Clause[] = [];
  pending.forEach(({ b, blockIndex, order, text }, i) => {
    const norm = (norms[i] ?? '').trim();
    const prompt = promptOf(b.prompt);
    const section = promptOf(b.section).norm;
    clauses.push(
      new LazyClause(
        text,
        norm,
        prompt.norm,
        section,
        blockIndex,
        order,
        b.kind,
        b.chrome,
        prompt.topics,
        order === 0 && (b.kind === 'qa' || b.kind === 'label-value') ? answerOf(norm) : null,
        QUESTION_END.test(norm),
      ),
    );
  });
  return clauses;
}

/** Text a rule reads for a clause: its question or label (if any) then the clause. */
export function withPrompt(c: Clause): string {
  return c.prompt ? `${c.prompt} || ${c.norm}` : c.norm;
}
