import { describe, expect, test } from 'vitest';
import specialtiesData from '../../data/specialties.json';
import statesData from '../../data/states.json';

const { specialties } = specialtiesData;
const { states } = statesData;

/** How consumers compare names: lower case, runs of other characters than letters, digits, "&" → one space. */
const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9&]+/g, ' ').trim();

/**
 * Generic aliases allowed to sit inside a longer alias of another specialty (longest match wins):
 * "radiology" (diagnostic) in "interventional radiology", "neurology" in "child neurology".
 */
const ALLOWED_INSIDE_OTHERS = new Set(['radiology', 'neurology']);

const dupes = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);

describe('data/specialties.json', () => {
  test('has a source', () => expect(specialtiesData.source.length).toBeGreaterThan(20));

  test('codes are 3 digits and unique', () => {
    const codes = specialties.map((s) => s.code);
    expect(codes.every((c) => /^\d{3}$/.test(c))).toBe(true);
    expect(dupes(codes)).toEqual([]);
  });

  test('every code in FACTS.md is present', () => {
    const facts = ['020', '040', '080', '110', '120', '140', '160', '180', '185', '220', '240', '260', '280', '300', '320', '340',
      '362', '380', '400', '416', '420', '430', '440', '451', '461', '480', '999'];
    expect(specialties.map((s) => s.code).sort()).toEqual(facts);
  });

  test('slugs are kebab-case and unique', () => {
    const slugs = specialties.map((s) => s.slug);
    expect(slugs.every((s) => /^[a-z]+(?:-[a-z]+)*$/.test(s))).toBe(true);
    expect(dupes(slugs)).toEqual([]);
  });

  test('aliases are lower-case, non-empty and unique across specialties (also after normalising)', () => {
    const all = specialties.flatMap((s) => s.aliases);
    expect(all.every((a) => a.length > 0 && a === a.toLowerCase() && a === a.trim())).toBe(true);
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const s of specialties) {
      for (const a of new Set([s.name, ...s.aliases].map(norm))) {
        const prev = owner.get(a);
        if (prev && prev !== s.slug) clashes.push(`${a}: ${prev} / ${s.slug}`);
        owner.set(a, s.slug);
      }
    }
    expect(clashes).toEqual([]);
  });

  test('no alias sits inside another specialty\'s alias, except the allowed generic ones', () => {
    const traps: string[] = [];
    for (const s of specialties) {
      for (const t of specialties) {
        if (s === t) continue;
        for (const a of [s.name, ...s.aliases].map(norm)) {
          for (const b of [t.name, ...t.aliases].map(norm)) {
            if (` ${b} `.includes(` ${a} `) && !ALLOWED_INSIDE_OTHERS.has(a)) traps.push(`"${a}" (${s.slug}) in "${b}" (${t.slug})`);
          }
        }
      }
    }
    expect(traps).toEqual([]);
  });

  test('the ambiguous words are not aliases', () => {
    const all = new Set(specialties.flatMap((s) => s.aliases));
    for (const w of ['surgery', 'medicine', 'medicine residency', 'im', 'residency']) expect(all.has(w)).toBe(false);
  });
});

describe('data/states.json', () => {
  test('has a source', () => expect(statesData.source.length).toBeGreaterThan(20));

  test('50 states + DC + PR, abbreviations unique', () => {
    const abbrs = states.map((s) => s.abbr);
    expect(abbrs).toHaveLength(52);
    expect(dupes(abbrs)).toEqual([]);
    expect(abbrs).toEqual(expect.arrayContaining(['DC', 'PR', 'NY', 'WY', 'AK', 'HI']));
    expect(abbrs.every((a) => /^[A-Z]{2}$/.test(a))).toBe(true);
  });

  test('names unique; ACGME codes 2 digits or null, unique', () => {
    expect(dupes(states.map((s) => s.name))).toEqual([]);
    const codes = states.map((s) => s.acgmeCode).filter((c): c is string => c !== null);
    expect(codes.every((c) => /^\d{2}$/.test(c))).toBe(true);
    expect(dupes(codes)).toEqual([]);
  });

  test.each([['NY', '35'], ['MI', '25'], ['OH', '38'], ['FL', '11'], ['PR', '42'], ['DC', '10']])('%s has ACGME code %s', (abbr, code) => {
    expect(states.find((s) => s.abbr === abbr)?.acgmeCode).toBe(code);
  });
});
