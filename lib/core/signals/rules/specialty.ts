import { specialtyFromName } from '../../freida';
import { normalize } from '../normalize';
import type { Evidence } from '../../schema/signals';
import type { Found, RuleContext } from '../rule-kit';

// The program's specialty from what names it: the page title's segments, the main headings, the URL
// path, and body sentences that say "<specialty> residency / program". Menus and sidebars (chrome)
// list every program of the hospital, so they are not read. A GME office page names none: null.

const WEIGHT = { title: 3, heading: 2, url: 2, body: 1 } as const;
const BODY_NAMED = /\b(residency|residents|program|programme|department|training|interns?)\b/;
// "Medicine Residency" / "Department of Medicine" alone mean internal medicine.
const MEDICINE_ALONE = /(?:^|[^a-z])(?<!(?:family|emergency|internal|preventive|nuclear|sports|physical|occupational|aerospace|sleep|addiction|palliative|hospice|critical care|of osteopathic|college of|school of|university of) )medicine (?:residency|residents)\b|\bdepartment of medicine\b/;

export function readSpecialty(ctx: RuleContext): Found<string> | null {
  const score = new Map<string, { w: number; evidence: Evidence }>();
  const add = (slug: string, w: number, evidence: Evidence) => {
    const cur = score.get(slug);
    if (cur) cur.w += w;
    else score.set(slug, { w, evidence });
  };
  const fromUrlOrTitle = (quote: string): Evidence => ({ pageUrl: ctx.page.url, quote, blockIndex: -1 });

  const title = ctx.page.title ?? '';
  for (const seg of title.split(/\s+[|–—·:-]\s+|\s*\|\s*/)) {
    const s = specialtyFromName(seg);
    if (s) add(s.slug, WEIGHT.title, fromUrlOrTitle(title));
    else if (MEDICINE_ALONE.test(normalize(seg))) add('internal-medicine', WEIGHT.title, fromUrlOrTitle(title));
  }
  try {
    const path = decodeURIComponent(new URL(ctx.page.url).pathname).toLowerCase();
    for (const seg of path.split('/')) {
      const s = specialtyFromName(seg.replace(/[-_]+/g, ' ').replace(/\.\w+$/, ''));
      if (s) add(s.slug, WEIGHT.url, fromUrlOrTitle(ctx.page.url));
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
      if (s) add(s.slug, WEIGHT.heading, ev);
      else if (MEDICINE_ALONE.test(normalize(b.text))) add('internal-medicine', WEIGHT.heading, ev);
      return;
    }
    if (bodyHits >= 20 || b.kind === 'table-row' || b.text.length > 1500) return;
    const t = normalize(b.text);
    if (!BODY_NAMED.test(t)) return;
    // Each sentence that names one specialty next to "residency"/"program".
    for (const sentence of t.split(/[.;!?]\s/)) {
      if (!BODY_NAMED.test(sentence)) continue;
      const s = specialtyFromName(sentence);
      if (s) {
        add(s.slug, WEIGHT.body, ev);
        bodyHits++;
      }
    }
  });
  let best: [string, { w: number; evidence: Evidence }] | null = null;
  for (const e of score) if (!best || e[1].w > best[1].w) best = e;
  if (!best) return null;
  return { value: best[0], strength: 'required', evidence: best[1].evidence };
}
