import { specialtyFromName } from '../../freida';
import { normalize } from '../normalize';
import type { Evidence } from '../../schema/signals';
import type { Found, RuleContext } from '../rule-kit';
import { GME_OFFICE } from '../phrases';

// The program's specialty from what names it: the page title's segments, the main headings, the URL
// path, and body sentences that say "<specialty> residency / program". Menus and sidebars (chrome)
// list every program of the hospital, so they are not read. A GME office page names none, or names
// several alike: null.

const WEIGHT = { title: 3, heading: 2, url: 2 } as const;
const BODY_NAMED = /\b(residency|residents|program|programme|department|training|interns?)\b/;
const BODY_WORDS = /residen|program|department|training|intern/i;
// Short names a department gives its own program: "Medicine Residency" / "Department of Medicine" mean
// internal medicine, "Surgery Residency" general surgery — never after a qualifier ("Family Medicine
// Residency", "Plastic Surgery Residency", "School of Medicine").
const SHORT_NAMES: [string, RegExp][] = [
  ['internal-medicine', /(?:^|[^a-z])(?<!(?:family|emergency|internal|preventive|nuclear|sports|physical|occupational|aerospace|sleep|addiction|palliative|hospice|critical care|of osteopathic|college of|school of|university of) )medicine (?:residency|residents)\b|\bdepartment of medicine\b/],
  ['general-surgery', /(?:^|[^a-z])(?<!(?:plastic|reconstructive|vascular|thoracic|cardiothoracic|cardiac|orthopaedic|orthopedic|neurological|oral|maxillofacial|pediatric|colorectal|transplant|trauma|hand|neck|general|urologic|oncologic|of) )surgery (?:residency|residents)\b/],
];

function shortName(text: string): string | null {
  const t = normalize(text);
  return SHORT_NAMES.find(([, re]) => re.test(t))?.[0] ?? null;
}

export function readSpecialty(ctx: RuleContext): Found<string> | null {
  // `named`: weight from the title, headings and URL, which name the page's program; `body`: sentences,
  // which also mention other programs in passing, so they only break ties or speak when nothing names it.
  const score = new Map<string, { named: number; body: number; evidence: Evidence }>();
  const add = (slug: string, where: keyof typeof WEIGHT | 'body', evidence: Evidence) => {
    const cur = score.get(slug) ?? { named: 0, body: 0, evidence };
    if (where === 'body') cur.body += 1;
    else cur.named += WEIGHT[where];
    score.set(slug, cur);
  };
  const fromUrlOrTitle = (quote: string): Evidence => ({ pageUrl: ctx.page.url, quote, blockIndex: -1 });

  const title = ctx.page.title ?? '';
  for (const seg of title.split(/\s+[|–—·:-]\s+|\s*\|\s*/)) {
    const s = specialtyFromName(seg);
    if (s) add(s.slug, 'title', fromUrlOrTitle(title));
    else if (shortName(seg)) add(shortName(seg)!, 'title', fromUrlOrTitle(title));
  }
  try {
    const path = decodeURIComponent(new URL(ctx.page.url).pathname).toLowerCase();
    for (const seg of path.split('/')) {
      const s = specialtyFromName(seg.replace(/[-_]+/g, ' ').replace(/\.\w+$/, ''));
      if (s) add(s.slug, 'url', fromUrlOrTitle(ctx.page.url));
    }
  } catch {
    /* not a URL: nothing to read */
  }
  let bodyHits = 0;
  ctx.page.blocks.forEach((b, blockIndex) => {
    if (b.chrome) return;
    const ev: Evidence = { pageUrl: ctx.page.url, quote: b.text.slice(0, 300), blockIndex };
    if (b.kind === 'heading' && (b.level ?? 6) <= 2) {
      const s = specialtyFromName(b.text);
      if (s) add(s.slug, 'heading', ev);
      else if (shortName(b.text)) add(shortName(b.text)!, 'heading', ev);
      return;
    }
    if (bodyHits >= 20 || b.kind === 'table-row' || b.text.length > 1500) return;
    // Most blocks name none of BODY_NAMED's words: skip normalising them. (normalize() never makes one
    // of these words out of text that lacks it, so the raw test only rules blocks out.)
    if (!BODY_WORDS.test(b.text)) return;
    const t = normalize(b.text);
    if (!BODY_NAMED.test(t)) return;
    // Each sentence that names one specialty next to "residency"/"program".
    for (const sentence of t.split(/[.;!?]\s/)) {
      if (!BODY_NAMED.test(sentence)) continue;
      const s = specialtyFromName(sentence);
      if (s) {
        add(s.slug, 'body', ev);
        bodyHits++;
      }
    }
  });
  // A GME office page names each of its programs alike (a heading or a sentence per program): a tie
  // at the top is no answer, and body sentences alone must name one specialty clearly more than any other.
  const ranked = [...score].sort((a, b) => b[1].named - a[1].named || b[1].body - a[1].body);
  const [best, second] = ranked;
  if (!best) return null;
  if (second && second[1].named === best[1].named && second[1].body === best[1].body) return null;
  if (best[1].named === 0 && second && best[1].body < 2 * second[1].body) return null;
  // A GME office's page ("… | Graduate Medical Education | …") that names no program in its title,
  // headings or address speaks for all its programs: a program named in passing is not its specialty.
  if (best[1].named === 0 && GME_OFFICE.test(title)) return null;
  return { value: best[0], strength: 'required', evidence: best[1].evidence };
}
