import type { PageText } from '../page-text';
import type { Evidence, Strength } from '../schema/signals';
import { LazyClause, TOPIC, type Clause, type TopicName } from './clauses';

// What every rule receives: the page (for URL and title), the shared clause list, and the results
// of rules that ran before it (signals/index.ts decides the order).

export interface RuleContext {
  page: PageText;
  clauses: Clause[];
  /** Specialty slug found by the specialty rule (the score rule reads per-specialty tables). */
  specialty: string | null;
  /** Per-topic clause lists, filled on first use (see clausesAbout). */
  byTopic?: Map<number, Clause[]>;
  /** contentClauses, filled on first use: six rules read it. */
  content?: Clause[];
  /** The content clauses' norms joined by CLAUSE_SEP, with each one's offset (see contentHits). */
  contentText?: { text: string; starts: number[] };
}

export interface Found<T> {
  value: T;
  strength: Strength;
  hedged?: boolean;
  evidence: Evidence;
}

export function evidenceFor(ctx: RuleContext, c: Clause): Evidence {
  const block = ctx.page.blocks[c.blockIndex];
  const ev: Evidence = { pageUrl: ctx.page.url, quote: c.text, blockIndex: c.blockIndex };
  if (block?.prompt) ev.context = block.prompt;
  return ev;
}

export function found<T>(ctx: RuleContext, c: Clause, value: T, strength: Strength = 'required', hedged = false): Found<T> {
  const f: Found<T> = { value, strength, evidence: evidenceFor(ctx, c) };
  if (hedged) f.hedged = true;
  return f;
}

/**
 * Statements in the page's content: site chrome (menus, footers, cookie banners) never states a
 * program rule, and a question states nothing (its answer carries it as `prompt`).
 */
export function contentClauses(ctx: RuleContext): Clause[] {
  return (ctx.content ??= ctx.clauses.filter((c) => !c.chrome && !c.question && !isBiography(c)));
}

// A resident's or teacher's story ("He came to us on a J-1 visa", "Dr. Okafor graduated from the
// University of Lagos in 2019 and joined us…") tells what one person did, not what the program
// requires. ("He or she", "he/she" are how rules speak of any applicant.)
const PRONOUN_SUBJECT = /(?:^|[,;:] )(?:he|she)\b(?! or | ?\/ ?)/;
// A person named as the subject: "Dr. Okafor …", "Maria Lopez …" (two capitalised words), then a verb of a life story.
const NAMED_SUBJECT = /^(?:Dr\.? [A-Z][\w'-]+(?: [A-Z][\w'-]+)?|[A-Z][a-z'-]+ [A-Z][a-z'-]+) (?:came|comes|joined|trained|completed|graduated|earned|matched|moved|grew|holds|held|is originally|was born)\b/;
function isBiography(c: Clause): boolean {
  const n = c.norm;
  return (n.startsWith('he ') || n.startsWith('she ') || n.includes(' he ') || n.includes(' she ')) ? PRONOUN_SUBJECT.test(n) : NAMED_SUBJECT.test(c.text);
}

/** Content clauses that can matter to one rule (its TOPIC bit), in page order. */
export function clausesAbout(ctx: RuleContext, topic: TopicName): Clause[] {
  const bit = TOPIC[topic];
  ctx.byTopic ??= new Map();
  let list = ctx.byTopic.get(bit);
  if (!list) {
    // (A clause from toClauses tests only this topic's pattern, not all seven.)
    list = ctx.clauses.filter((c) => (c instanceof LazyClause ? c.hasTopic(bit) : (c.topics & bit) !== 0) && !c.question);
    ctx.byTopic.set(bit, list);
  }
  return list;
}

// One scan of the page instead of one test per clause. A rule that reads only the clauses holding
// some word runs its gate over all content clauses' norms joined into one string; each hit marks its
// clause and the scan resumes at the next clause. Rules keep their own per-clause tests behind this
// gate: it only spares them the clauses that cannot match.
//
// A gate finds every clause where it would match on its own when it has no anchor (^, $), no
// lookbehind and no negative lookahead: the separator is a non-word character, like a string's
// edges, so \b reads the same; anything else only widens what is marked.
const CLAUSE_SEP = '\u0001';

function contentText(ctx: RuleContext): { text: string; starts: number[] } {
  if (ctx.contentText) return ctx.contentText;
  const norms = contentClauses(ctx).map((c) => c.norm);
  const starts: number[] = [];
  let at = 0;
  for (const n of norms) {
    starts.push(at);
    at += n.length + 1;
  }
  starts.push(at);
  return (ctx.contentText = { text: norms.join(CLAUSE_SEP), starts });
}

/**
 * Which content clauses (same order as contentClauses) have a match of `gate` in their norm. `gate`
 * must be global and follow the rule above (tests/lib/core/signals/rule-kit.test.ts checks the gates).
 */
export function contentHits(ctx: RuleContext, gate: RegExp): Uint8Array {
  const { text, starts } = contentText(ctx);
  const n = starts.length - 1;
  const hits = new Uint8Array(n);
  let i = 0;
  gate.lastIndex = 0;
  for (let m = gate.exec(text); m; m = gate.exec(text)) {
    while (starts[i + 1]! <= m.index) i++;
    hits[i] = 1;
    if (++i >= n) break;
    gate.lastIndex = starts[i]!;
  }
  return hits;
}

// A section of wishes: "Preferred qualifications", "What strengthens an application", "Competitive
// applicants". Its items are preferences unless one says it is a requirement. ("What we look for" is
// not one: programs head their requirements with it too.)
const WISH_SECTION =
  /\bprefer|\bwhat (?:strengthens|makes (?:an? |your )?(?:application|applicant|candidate)s? (?:stand out|competitive|strong))|\bcompetitive (?:applicants?|candidates?|applications?)\b|\bstrong(?:er)? (?:applicants?|candidates?|applications?)\b|\bideal (?:applicants?|candidates?)\b|\bdesir(?:ed|able)\b|\bnice to have\b|\bhelpful\b/;
const SAYS_REQUIRED = /\b(?:must|required|requires|mandatory|not (?:be )?eligible|ineligible|not (?:be )?considered)\b/;
export function inWishSection(c: Clause): boolean {
  return c.section !== '' && WISH_SECTION.test(c.section) && !SAYS_REQUIRED.test(c.norm);
}

/** A table row written as one line of text, "Attempts: First attempt only": its label and value. */
export function rowAsLine(norm: string): { label: string; value: string } | null {
  const m = /^([a-z][a-z /-]{2,30}):\s*(.{1,80})$/.exec(norm);
  return m ? { label: m[1]!, value: m[2]! } : null;
}

export { alternation } from './phrases';
