import statesData from '../../../../data/states.json';
import type { Clause } from '../clauses';
import { found, type Found, type RuleContext } from '../rule-kit';

// The program's state, from a postal address ("Phoenix, AZ 85013"), which on hospital sites is often
// only in the footer — so chrome blocks are read here. A page may also list its rotation sites'
// addresses, often in a neighbouring state; the institution's own address is the one in the footer
// or under a contact heading, so those weigh more and a rotation-site list weighs less. On a tie the
// later address wins (the site's own footer comes last). Without any postal address, "located in
// Tucson, Arizona" names the state; a bare "City, ST" does not ("Jane Doe, MD" is a degree).

const ABBRS = new Set(statesData.states.map((s) => s.abbr));
const BY_NAME = new Map(statesData.states.map((s) => [s.name.toLowerCase(), s.abbr]));
const NAMES = statesData.states.map((s) => s.name).sort((a, b) => b.length - a.length).join('|');
const STATE = String.raw`([A-Z]{2}|D\.\s?C\.|${NAMES})`;
// "City, ST 12345" / "City, ST, 12345" / "City, State 12345" / "Washington, D.C. 20010", and footers
// without the comma ("Des Moines IA 50314") — but not "Program ID 12345" or "NRMP code NE 12345".
const ADDRESS = new RegExp(
  String.raw`,\s*${STATE},?\s+\d{5}(?:-\d{4})?\b|\b(?!(?:Program|Code|Number|NRMP|ACGME|ERAS|Box|Suite|Step|Room|Fax|Phone|Employee)\b)[A-Z][a-z]+\s+([A-Z]{2})\s+\d{5}(?:-\d{4})?\b`,
  'g',
);
const LOCATED = new RegExp(
  String.raw`\b(?:located|based|situated|headquartered|nestled|campus|hospital|program|residency)\s+(?:is\s+)?in\s+(?:downtown\s+|the heart of\s+|historic\s+|beautiful\s+)?(?:[A-Z][\w.'-]*\s+){0,3}?[A-Z][\w.'-]*,\s+${STATE}(?![\w])`,
  'g',
);

const WEIGHT = { footer: 3, contact: 3, rotation: 0.5, plain: 1 } as const;
const CONTACT = /\b(?:contact|address|location|directions|mailing|visit us|find us|reach us|coordinator)\b/;
const ROTATION = /\b(?:rotat\w*|sites?|affiliat\w*|training locations|hospitals|clinics)\b/;

function abbrOf(raw: string): string | null {
  const abbr = raw.length === 2 ? raw : /^D\.\s?C\.$/.test(raw) ? 'DC' : BY_NAME.get(raw.toLowerCase());
  return abbr && ABBRS.has(abbr) ? abbr : null;
}

function weightOf(c: Clause): number {
  if (c.chrome) return WEIGHT.footer;
  const context = `${c.section} ${c.prompt}`;
  if (CONTACT.test(context)) return WEIGHT.contact;
  if (ROTATION.test(context) || ROTATION.test(c.norm)) return WEIGHT.rotation;
  return WEIGHT.plain;
}

// Every clause is read (chrome too), so each pattern comes with a cheap test of what any match of
// it contains — five digits for an address, a comma for "located in City, ST" — that most clauses fail.
const FIVE_DIGITS = /\d{5}/;
const COMMA = /,/;

// A parent system's head office in the same footer ("CoastalCare Health Corporate Office 3300
// Peachtree Road NE, Atlanta, GA"): not where the program is.
const HEAD_OFFICE = /\b(?:corporate|headquarters|head office|system office|administrative offices?|home office|billing office)\b/i;

function tally(ctx: RuleContext, pattern: RegExp, needs: RegExp, weigh: (c: Clause) => number): Found<string> | null {
  const score = new Map<string, { w: number; last: number }>();
  ctx.clauses.forEach((c, idx) => {
    if (!needs.test(c.text)) return;
    for (const m of c.text.matchAll(pattern)) {
      const abbr = abbrOf(m[1] ?? m[2]!);
      if (!abbr) continue;
      const lead = c.text.slice(Math.max(0, m.index! - 80), m.index!);
      const w = weigh(c) * (HEAD_OFFICE.test(lead) ? 0.1 : 1);
      const cur = score.get(abbr) ?? { w: 0, last: idx };
      score.set(abbr, { w: cur.w + w, last: idx });
    }
  });
  let best: [string, { w: number; last: number }] | null = null;
  for (const e of score) if (!best || e[1].w > best[1].w || (e[1].w === best[1].w && e[1].last > best[1].last)) best = e;
  return best ? found(ctx, ctx.clauses[best[1].last]!, best[0]) : null;
}

export function readState(ctx: RuleContext): Found<string> | null {
  return tally(ctx, ADDRESS, FIVE_DIGITS, weightOf) ?? tally(ctx, LOCATED, COMMA, () => 1);
}
