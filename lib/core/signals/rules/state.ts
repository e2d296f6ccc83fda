import statesData from '../../../../data/states.json';
import { found, type Found, type RuleContext } from '../rule-kit';

// The program's state, from a postal address ("Phoenix, AZ 85013"), which on hospital sites is often
// only in the footer — so chrome blocks are read here. The address named most often wins; on a tie,
// the later one (the site's own footer comes after addresses of rotation sites in the text).

const ABBRS = new Set(statesData.states.map((s) => s.abbr));
const BY_NAME = new Map(statesData.states.map((s) => [s.name.toLowerCase(), s.abbr]));
const NAMES = statesData.states.map((s) => s.name).sort((a, b) => b.length - a.length).join('|');
// "City, ST 12345" / "City, ST, 12345" / "City, State 12345"
const ADDRESS = new RegExp(String.raw`,\s*([A-Z]{2}|${NAMES}),?\s+(\d{5})(?:-\d{4})?\b`, 'g');

export function readState(ctx: RuleContext): Found<string> | null {
  const tally = new Map<string, { n: number; last: number; clauseIdx: number }>();
  ctx.clauses.forEach((c, idx) => {
    if (!/\d{5}/.test(c.text)) return;
    for (const m of c.text.matchAll(ADDRESS)) {
      const raw = m[1]!;
      const abbr = raw.length === 2 ? raw : BY_NAME.get(raw.toLowerCase());
      if (!abbr || !ABBRS.has(abbr)) continue;
      const cur = tally.get(abbr) ?? { n: 0, last: -1, clauseIdx: idx };
      tally.set(abbr, { n: cur.n + 1, last: idx, clauseIdx: idx });
    }
  });
  let best: [string, { n: number; last: number; clauseIdx: number }] | null = null;
  for (const entry of tally) {
    if (!best || entry[1].n > best[1].n || (entry[1].n === best[1].n && entry[1].last > best[1].last)) best = entry;
  }
  if (!best) return null;
  return found(ctx, ctx.clauses[best[1].clauseIdx]!, best[0]);
}
