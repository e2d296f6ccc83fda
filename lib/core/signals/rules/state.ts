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
  String.raw`\b(?:[Ll]ocated|[Bb]ased|[Ss]ituated|[Hh]eadquartered|[Nn]estled|[Cc]ampus|[Hh]ospital|[Pp]rograms?|[Rr]esidency)\s+(?:is\s+)?in\s+(?:downtown\s+|the heart of\s+|historic\s+|beautiful\s+)?(?:[A-Z][\w.'-]*\s+){0,3}?[A-Z][\w.'-]*,\s+${STATE}(?![\w])`,
  'g',
);

const WEIGHT = { footer: 3, contact: 3, rotation: 0.5, plain: 1 } as const;
const CONTACT = /\b(?:contact|address|location|directions|mailing|visit us|find us|reach us|coordinator)\b/;
const ROTATION = /\b(?:rotat\w*|sites?|affiliat\w*|training locations|hospitals|clinics)\b/;

function abbrOf(raw: string): string | null {
  const abbr = raw.length === 2 ? raw : /^D\.\s?C\.$/.test(raw) ? 'DC' : BY_NAME.get(raw.toLowerCase());
  return abbr && ABBRS.has(abbr) ? abbr : null;
}

type Place = keyof typeof WEIGHT;

/** Where an address stands; a sentence about rotations outweighs the section it sits in. */
function placeOf(c: Clause): Place {
  if (c.chrome) return 'footer';
  const context = `${c.section} ${c.prompt}`;
  if (ROTATION.test(c.norm)) return 'rotation';
  if (CONTACT.test(context)) return 'contact';
  if (ROTATION.test(context)) return 'rotation';
  return 'plain';
}

// Every clause is read (chrome too), so each pattern comes with a cheap test of what any match of
// it contains — five digits for an address, a comma for "located in City, ST" — that most clauses fail.
const FIVE_DIGITS = /\d{5}/;
const COMMA = /,/;

// A parent system's head office in the same footer ("CoastalCare Health Corporate Office 3300
// Peachtree Road NE, Atlanta, GA"): not where the program is.
const HEAD_OFFICE = /\b(?:corporate|headquarters|head office|system office|administrative offices?|home office|billing office)\b/i;
// A clinic, outreach or rotation site named before its address: the program's reach, not its home.
const SITE_LEAD = /\b(?:rotations?|rotation sites?|clinic|outreach|outpatient|satellite|affiliated? sites?|affiliate|practice site|laboratory)\b[^,\d]{0,60}$/i;

// The program's own office named over its address ("Child Neurology Residency Program Office (this
// program)"): that is where the program is, whatever campus the footer lists first.
const PROGRAM_OFFICE = /\bthis program\b|\b(?:residency|program) office\b|\boffice of the (?:residency|program)\b/i;

interface Tally {
  score: Map<string, { w: number; last: number }>;
  /** The kinds of place (footer, contact…) whose first address has been read. */
  firstSeen: Set<Place>;
}

/**
 * Adds each match of `pattern` in the clauses to the tally. A site lists its own address first
 * (main campus, then its clinics and rotation sites in neighbouring states), so with `firstCounts`
 * the first address of each kind of place (footer, contact section…) weighs half again as much; a
 * head office or a clinic named before its address weighs less.
 */
function add(ctx: RuleContext, t: Tally, pattern: RegExp, needs: RegExp, placeFor: (c: Clause) => Place | null, firstCounts: boolean): void {
  ctx.clauses.forEach((c, idx) => {
    if (!needs.test(c.text)) return;
    const place = placeFor(c);
    if (!place) return;
    for (const m of c.text.matchAll(pattern)) {
      const abbr = abbrOf(m[1] ?? m[2]!);
      if (!abbr) continue;
      const lead = c.text.slice(Math.max(0, m.index! - 80), m.index!);
      let w = WEIGHT[place] * (HEAD_OFFICE.test(lead) ? 0.1 : SITE_LEAD.test(lead) ? 0.5 : 1);
      if (PROGRAM_OFFICE.test(lead) || PROGRAM_OFFICE.test(c.section)) w *= 3;
      if (firstCounts && !t.firstSeen.has(place)) {
        t.firstSeen.add(place);
        w *= 1.5;
      }
      const cur = t.score.get(abbr);
      // The evidence is the latest address; a "located in" sentence only adds weight to it.
      t.score.set(abbr, { w: (cur?.w ?? 0) + w, last: cur && !firstCounts ? cur.last : idx });
    }
  });
}

export function readState(ctx: RuleContext): Found<string> | null {
  const t: Tally = { score: new Map(), firstSeen: new Set() };
  add(ctx, t, ADDRESS, FIVE_DIGITS, placeOf, true);
  // "located in Sarasota, Florida" in the page's own words adds to the addresses; alone, it decides.
  add(ctx, t, LOCATED, COMMA, (c) => (c.chrome ? null : 'plain'), false);
  let top: [string, { w: number; last: number }] | null = null;
  for (const e of t.score) if (!top || e[1].w > top[1].w || (e[1].w === top[1].w && e[1].last > top[1].last)) top = e;
  return top ? found(ctx, ctx.clauses[top[1].last]!, top[0]) : null;
}
