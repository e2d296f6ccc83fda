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
  return (ctx.content ??= ctx.clauses.filter((c) => !c.chrome && !c.question));
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

export { alternation } from './phrases';
