import { describe, expect, test } from 'vitest';
import coachData from '../../../../data/coach.json';
import feesData from '../../../../data/fees.json';
import {
  CURRENT_FEE_SEASON, balanceOf, feeEstimate, formatDollars, listFeeEstimate, listFigures, specialtyCounts, targetCount, tierBalance, tierCounts, warnings,
  type CoachItem,
} from '../../../../lib/core/list/coach';
import type { Dealbreaker, Fit, Tier } from '../../../../lib/core/schema/fit';
import type { Profile } from '../../../../lib/core/schema/profile';
import type { Program } from '../../../../lib/core/schema/program';
import type { Signals } from '../../../../lib/core/schema/signals';
import { makeProgram } from '../../../fixtures/programs';
import { EXAMPLE_PROFILE } from '../../../fixtures/profiles';

const PROFILE: Profile = EXAMPLE_PROFILE;
const profile = (over: Partial<Profile> = {}): Profile => ({ ...PROFILE, ...over });

const fit = (tier: Tier, dealbreakers: Dealbreaker[] = []): Fit => ({
  tier: tier === 'unknown' ? 'unknown' : dealbreakers.length ? 'ineligible' : tier,
  score: 60, confidence: 0.8, dealbreakers, reasons: [], verify: [], usedOutcomes: false, known: 8, total: 12,
});

let seq = 0;
function item(tier: Tier, over: { program?: Partial<Program>; signals?: Partial<Signals>; dealbreakers?: Dealbreaker[] } = {}): CoachItem {
  const i = ++seq;
  const base = makeProgram(i, { specialty: 'internal-medicine', tierOverride: null });
  const program: Program = { ...base, id: `p${i}`, ...over.program, signals: { ...base.signals, ...over.signals } };
  return { program, fit: fit(tier, over.dealbreakers), tier };
}
const many = (n: number, tier: Tier, over?: Parameters<typeof item>[1]) => Array.from({ length: n }, () => item(tier, over));

const J1_YES = { value: 'yes' as const, strength: 'required' as const, evidence: { pageUrl: 'https://x.org', quote: 'We sponsor J-1 visas.', blockIndex: 1 } };
const deal = (field: Dealbreaker['field'], message = 'Needs J-1; program: no J-1 sponsorship'): Dealbreaker => ({ field, message, evidence: null });

describe('tierBalance', () => {
  test('counts and whole-percent shares of Reach / Realistic / Safety; Not eligible and unknown apart', () => {
    const b = tierBalance([...many(10, 'reach'), ...many(25, 'realistic'), ...many(7, 'safety'), ...many(3, 'ineligible'), ...many(2, 'unknown')]);
    expect([b.reach.count, b.realistic.count, b.safety.count]).toEqual([10, 25, 7]);
    expect([b.reach.percent, b.realistic.percent, b.safety.percent]).toEqual([24, 60, 17]);
    expect([b.reach.status, b.realistic.status, b.safety.status]).toEqual(['within', 'within', 'within']);
    expect({ scored: b.scored, ineligible: b.ineligible, unknown: b.unknown, total: b.total }).toEqual({ scored: 42, ineligible: 3, unknown: 2, total: 47 });
  });

  test('targets are Reach 15–25%, Realistic 50–60%, Safety 15–25%', () => {
    const b = tierBalance([]);
    expect([b.reach.target, b.realistic.target, b.safety.target]).toEqual([{ min: 15, max: 25 }, { min: 50, max: 60 }, { min: 15, max: 25 }]);
  });

  test.each([
    // reach, realistic, safety → reach status, safety status
    [16, 21, 5, 'above', 'below'],
    [5, 30, 7, 'below', 'within'],
    [25, 50, 25, 'within', 'within'], // 25% is inside the band
    [26, 49, 25, 'above', 'within'],
  ] as const)('%i/%i/%i → Reach %s, Safety %s', (r, m, s, reach, safety) => {
    const b = tierBalance([...many(r, 'reach'), ...many(m, 'realistic'), ...many(s, 'safety')]);
    expect([b.reach.status, b.safety.status]).toEqual([reach, safety]);
  });

  test('no scored programs: shares are 0, not NaN', () => {
    const b = tierBalance(many(3, 'unknown'));
    expect([b.reach.percent, b.realistic.percent, b.safety.percent]).toEqual([0, 0, 0]);
  });
});

describe('targetCount', () => {
  test.each([
    // IM: matched median 251, Q1 240
    ['low score (below the IM matched median)', profile({ step2ck: { score: 245, attempts: 1 } }), 'low', 60, 80],
    ['Step 2 CK not taken', profile({ step2ck: { score: null, attempts: 0 } }), 'low', 60, 80],
    ['very low score (below Q1) and little USCE', profile({ step2ck: { score: 214, attempts: 1 }, usce: { months: 2, handsOn: true } }), 'very-low', 80, 100],
    ['very low score, observerships only (no hands-on months)', profile({ usce: { months: 6, handsOn: false } }), 'very-low', 80, 100],
    ['very low score but 3 months hands-on: low, not very low', profile({ usce: { months: 3, handsOn: true } }), 'low', 60, 80],
    ['at the IM matched median', profile({ step2ck: { score: 251, attempts: 1 } }), 'default', 40, 60],
    ['FM 228 (below FM median 230, above Q1 222)', profile({ specialties: ['family-medicine'], step2ck: { score: 228, attempts: 1 }, usce: { months: 0, handsOn: false } }), 'low', 60, 80],
    ['psychiatry 220 (below Q1 229), no USCE', profile({ specialties: ['psychiatry'], step2ck: { score: 220, attempts: 1 }, usce: { months: 0, handsOn: false } }), 'very-low', 80, 100],
    ['pediatrics 250 (above the median 240)', profile({ specialties: ['pediatrics'], step2ck: { score: 250, attempts: 1 } }), 'default', 40, 60],
    ['a specialty without advice (general surgery), low score', profile({ specialties: ['general-surgery'], step2ck: { score: 214, attempts: 1 } }), 'default', 40, 60],
    ['no specialties', profile({ specialties: [] }), 'default', 40, 60],
  ] as const)('%s → %s %i–%i', (_name, p, kind, min, max) => {
    const t = targetCount(p);
    expect({ kind: t.kind, min: t.min, max: t.max }).toEqual({ kind, min, max });
    expect(t.why.length).toBeGreaterThan(20);
  });

  test('says why, with the NRMP figure and its source', () => {
    const t = targetCount(profile({ usce: { months: 1, handsOn: true } }));
    expect(t.why).toBe('Step 2 CK 214 is below the lower quartile of non-US IMGs who matched in Internal Medicine (240), with less than 3 months of hands-on US clinical experience.');
    expect(t.source).toBe('Source: NRMP Charting Outcomes 2026');
    expect(t.specialty).toBe('internal-medicine');
    expect(targetCount(profile({ specialties: [] })).source).toBeNull();
  });

  test('several specialties: the largest band any of them calls for', () => {
    // 235: at/above the FM median (230) but below the IM median (251) → low, from IM.
    const t = targetCount(profile({ specialties: ['family-medicine', 'internal-medicine'], step2ck: { score: 235, attempts: 1 } }));
    expect([t.kind, t.specialty]).toEqual(['low', 'internal-medicine']);
  });

  test('the thresholds live in data/coach.json with a reason each', () => {
    for (const k of ['low', 'veryLow', 'default', 'littleUsceMonths', 'specialties'] as const) expect(coachData.target[k].why.length).toBeGreaterThan(20);
    expect(coachData.source.length).toBeGreaterThan(20);
  });
});

describe('feeEstimate (ERAS, per specialty)', () => {
  test.each([
    [0, 0],
    [1, 11],
    [30, 330],
    [31, 360],
    [42, 690], // UX.md: "≈ $690 for 42 programs, 2026 fees" = $11×30 + $30×12
    [60, 1230], // FACTS.md
    [80, 1830], // FACTS.md
  ])('%i programs in one specialty → $%i (2026)', (n, fee) => {
    const e = feeEstimate(n);
    expect(e.total).toBe(fee);
    expect(e.season).toBe('2026');
  });

  test('the schedule restarts for each specialty: 42 IM + 20 FM = $690 + $220', () => {
    const e = feeEstimate({ 'internal-medicine': 42, 'family-medicine': 20 });
    expect(e.total).toBe(910);
    expect(e.count).toBe(62);
    expect(e.perSpecialty).toEqual([
      { specialty: 'internal-medicine', count: 42, fee: 690 },
      { specialty: 'family-medicine', count: 20, fee: 220 },
    ]);
    // Split across specialties costs less than the same count in one specialty.
    expect(feeEstimate(62).total).toBe(1290);
  });

  test.each([
    [5, 99],
    [10, 99],
    [11, 118],
    [20, 289],
    [30, 519],
    [42, 843],
  ])('earlier schedule: %i programs → $%i', (n, fee) => {
    expect(feeEstimate(n, 'earlier').total).toBe(fee);
  });

  test('the schedules are data, each with its season; the current one is 2026', () => {
    expect(CURRENT_FEE_SEASON).toBe('2026');
    expect(feesData.schedules.earlier.season).toBeTruthy();
    expect(feesData.source).toContain('FACTS.md');
    expect(() => feeEstimate(10, '1999')).toThrow(/No ERAS fee schedule/);
  });

  test('a list: Not eligible left out, programs grouped by specialty (unstated → the first target specialty)', () => {
    const items = [
      ...many(40, 'realistic'),
      item('reach', { program: { specialty: null }, signals: { specialty: null } }),
      item('safety', { program: { specialty: null }, signals: { specialty: { ...J1_YES, value: 'internal-medicine' } } }), // its pages state it
      ...many(20, 'realistic', { program: { specialty: 'family-medicine' } }),
      ...many(5, 'ineligible', { dealbreakers: [deal('visa')] }),
    ];
    expect(specialtyCounts(items, PROFILE)).toMatchObject({ 'internal-medicine': 42 + 5, 'family-medicine': 20 });
    const e = listFeeEstimate(items, PROFILE);
    expect([e.count, e.total]).toEqual([62, 910]);
    expect(specialtyCounts([item('reach', { program: { specialty: null }, signals: { specialty: null } })], null)).toEqual({ unknown: 1 });
  });

  test('dollars are written with a thousands separator', () => {
    expect(formatDollars(1230)).toBe('$1,230');
    expect(formatDollars(690)).toBe('$690');
  });
});

describe('warnings', () => {
  const J1 = { visaJ1: J1_YES };

  test('dealbreakers grouped by rule, most programs first, with their ids', () => {
    const visa = many(4, 'ineligible', { dealbreakers: [deal('visa')], signals: J1 });
    const yog = many(1, 'ineligible', { dealbreakers: [deal('yog', 'Graduated 2015; program: within 5 years')], signals: J1 });
    // Two visa dealbreakers (J-1 and H-1B) on one program: counted once.
    const both = item('ineligible', { dealbreakers: [deal('visa'), deal('visa', 'Needs H-1B; program: no H-1B sponsorship'), deal('yog')], signals: J1 });
    const ws = warnings([...visa, ...yog, both, ...many(3, 'realistic', { signals: J1 })], profile({ specialties: [] }));
    const blocked = ws.filter((w) => w.kind === 'blocked');
    expect(blocked.map((w) => w.text)).toEqual(['5 programs block you (visa)', '2 programs block you (graduation year)']);
    expect(blocked[0]!.programIds).toEqual([...visa, both].map((i) => i.program.id));
    expect(blocked[1]!.programIds).toEqual([...yog, both].map((i) => i.program.id));
  });

  test('one program: singular words', () => {
    const ws = warnings([item('ineligible', { dealbreakers: [deal('step2', 'Step 2 CK 214; program: minimum 220')], signals: J1 })], null);
    expect(ws).toEqual([{ kind: 'blocked', field: 'step2', text: '1 program blocks you (Step 2 CK)', programIds: [expect.any(String)] }]);
  });

  test('visa policy not stated: only when the applicant needs a visa, named after that visa', () => {
    const silent = many(6, 'realistic', { signals: { visaJ1: null, visaH1b: null } });
    const stated = many(4, 'realistic', { signals: J1 });
    const blocked = item('ineligible', { dealbreakers: [deal('step2')], signals: { visaJ1: null } }); // already blocked: not repeated
    const all = [...silent, ...stated, blocked];
    const line = (p: Profile) => warnings(all, p).find((w) => w.kind === 'visa-unstated');
    expect(line(profile({ visa: 'j1' }))).toEqual({ kind: 'visa-unstated', text: '6 programs don’t state J-1 policy', programIds: silent.map((i) => i.program.id) });
    expect(line(profile({ visa: 'any' }))?.text).toBe('6 programs don’t state visa policy');
    expect(line(profile({ visa: 'h1b' }))?.text).toBe('10 programs don’t state H-1B policy');
    expect(line(profile({ visa: 'none' }))).toBeUndefined();
  });

  test('either visa: a J-1 yes settles it; a J-1 no with H-1B silent does not', () => {
    const j1No = { ...J1_YES, value: 'no' as const };
    const settled = item('realistic', { signals: { visaJ1: J1_YES, visaH1b: null } });
    const open = item('realistic', { signals: { visaJ1: j1No, visaH1b: null } });
    const ws = warnings([settled, open], profile({ visa: 'any' }));
    expect(ws.find((w) => w.kind === 'visa-unstated')?.programIds).toEqual([open.program.id]);
  });

  test('a list that leans on Reach, with its share and the aim', () => {
    const reach = many(16, 'reach', { signals: J1 });
    const ws = warnings([...reach, ...many(19, 'realistic', { signals: J1 }), ...many(7, 'safety', { signals: J1 })], profile({ specialties: [] }));
    const lean = ws.find((w) => w.kind === 'leans-reach');
    expect(lean).toEqual({ kind: 'leans-reach', text: 'List leans on Reach (38%; aim for 15–25%)', programIds: reach.map((i) => i.program.id) });
    expect(ws.find((w) => w.kind === 'few-safety')).toBeUndefined(); // 7 of 42 = 17%
  });

  test('few Safety programs', () => {
    const ws = warnings([...many(8, 'reach', { signals: J1 }), ...many(30, 'realistic', { signals: J1 }), ...many(2, 'safety', { signals: J1 })], profile({ specialties: [] }));
    expect(ws.find((w) => w.kind === 'few-safety')?.text).toBe('Few Safety programs (5%; aim for 15–25%)');
  });

  test('balance warnings wait for 10 scored programs', () => {
    const ws = warnings([...many(6, 'reach', { signals: J1 }), ...many(3, 'realistic', { signals: J1 })], profile({ specialties: [] }));
    expect(ws.filter((w) => w.kind === 'leans-reach' || w.kind === 'few-safety')).toEqual([]);
  });

  test('count against the target: too few and too many (Not eligible not counted)', () => {
    const lowIm = profile(); // 214, 3 months hands-on → 60–80
    const list42 = [...many(8, 'reach', { signals: J1 }), ...many(26, 'realistic', { signals: J1 }), ...many(8, 'safety', { signals: J1 }), ...many(3, 'ineligible', { dealbreakers: [deal('visa')], signals: J1 })];
    const few = warnings(list42, lowIm);
    expect(few.find((w) => w.kind === 'too-few')).toEqual({ kind: 'too-few', text: '18 programs to go to reach 60–80', programIds: [] });
    expect(few.find((w) => w.kind === 'too-many')).toBeUndefined();

    const high = profile({ step2ck: { score: 255, attempts: 1 } }); // 40–60
    const list72 = [...many(14, 'reach', { signals: J1 }), ...many(42, 'realistic', { signals: J1 }), ...many(16, 'safety', { signals: J1 })];
    expect(warnings(list72, high).find((w) => w.kind === 'too-many')?.text).toBe('12 programs more than the 40–60 target');
    expect(warnings(list72, lowIm).filter((w) => w.kind === 'too-few' || w.kind === 'too-many')).toEqual([]);
  });

  test('a balanced list of the right size with stated visas: nothing to say', () => {
    const ok = [...many(14, 'reach', { signals: J1 }), ...many(40, 'realistic', { signals: J1 }), ...many(14, 'safety', { signals: J1 })];
    expect(warnings(ok, profile())).toEqual([]);
    expect(warnings([], profile())).toEqual([]);
  });

  test('words are calm: no "mismatch", "fail", "reject", "unknown"', () => {
    const ws = warnings(
      [...many(30, 'reach'), ...many(3, 'ineligible', { dealbreakers: [deal('visa')] }), ...many(2, 'realistic', { signals: { visaJ1: null } })],
      profile(),
    );
    expect(ws.length).toBeGreaterThanOrEqual(4);
    for (const w of ws) expect(w.text).not.toMatch(/mismatch|fail|reject|unknown|!/i);
  });
});

describe('counts instead of rows (the list digest)', () => {
  const TIERS: Tier[] = ['reach', 'realistic', 'safety', 'ineligible', 'unknown'];

  test('tierCounts counts every tier, zero when absent', () => {
    expect(tierCounts([])).toEqual({ reach: 0, realistic: 0, safety: 0, ineligible: 0, unknown: 0 });
    expect(tierCounts([...many(3, 'reach'), ...many(2, 'unknown'), ...many(1, 'ineligible')])).toEqual({ reach: 3, realistic: 0, safety: 0, ineligible: 1, unknown: 2 });
  });

  test.each([
    [10, 25, 7, 3, 2],
    [16, 21, 5, 0, 0],
    [0, 0, 0, 4, 1],
    [0, 0, 0, 0, 0],
    [1, 0, 0, 0, 0],
    [25, 50, 25, 10, 10],
  ])('balanceOf(tierCounts(items)) equals tierBalance(items): %i/%i/%i/%i/%i', (...n) => {
    const items = TIERS.flatMap((t, k) => many(n[k]!, t));
    expect(balanceOf(tierCounts(items))).toEqual(tierBalance(items));
  });

  test('balanceOf takes partial counts (missing tiers are 0)', () => {
    expect(balanceOf({ reach: 2, safety: 1 })).toEqual(tierBalance([...many(2, 'reach'), ...many(1, 'safety')]));
    expect(balanceOf({}).total).toBe(0);
  });

  test('listFigures: tier counts and the fee input over every program but Not eligible', () => {
    const items = [
      ...many(4, 'realistic'),
      ...many(2, 'reach', { program: { specialty: 'family-medicine' } }),
      ...many(3, 'ineligible', { program: { specialty: 'pediatrics' }, dealbreakers: [deal('visa')] }),
      ...many(1, 'unknown', { program: { specialty: 'psychiatry' } }),
    ];
    const f = listFigures(items, PROFILE);
    expect(f).toEqual({
      counts: { reach: 2, realistic: 4, safety: 0, ineligible: 3, unknown: 1 },
      specialties: { 'internal-medicine': 4, 'family-medicine': 2, psychiatry: 1 },
    });
    expect(feeEstimate(f.specialties)).toEqual(listFeeEstimate(items, PROFILE));
  });
});
