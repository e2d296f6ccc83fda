import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fit } from '../../../../lib/core/fit/fit';
import { MODEL } from '../../../../lib/core/fit/model';
import { TIER_ORDER } from '../../../../lib/core/fit/tier';
import { profileSchema, type Profile } from '../../../../lib/core/schema/profile';
import type { FitField } from '../../../../lib/core/schema/fit';
import type { SignalField, Signals, Strength } from '../../../../lib/core/schema/signals';

// FIT_MODEL principle 7: improving any applicant figure never lowers the score and never worsens
// the tier (ineligible < reach < realistic < safety), for any page. Random profiles × random
// signals (every field unknown, preferred, hedged or firm) × random dates, one property per figure.

const RUNS = 300;

const stepScore = fc.integer({ min: 150, max: 290 });
const profileArb: fc.Arbitrary<Profile> = fc
  .record({
    step1: fc.oneof(
      fc.record({ result: fc.constant('not-taken' as const), score: fc.constant(null), attempts: fc.constant(0) }),
      fc.record({ result: fc.constantFrom('pass' as const, 'fail' as const), score: fc.option(stepScore), attempts: fc.integer({ min: 1, max: 5 }) }),
    ),
    step2ck: fc.oneof(
      fc.record({ score: fc.constant(null), attempts: fc.constantFrom(0, 1) }),
      fc.record({ score: stepScore, attempts: fc.integer({ min: 1, max: 5 }) }),
    ),
    step3: fc.record({ passed: fc.boolean() }),
    graduationYear: fc.integer({ min: 1995, max: 2029 }),
    visa: fc.constantFrom('none' as const, 'j1' as const, 'h1b' as const, 'any' as const),
    usce: fc.record({ months: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constantFrom(0.5, 1.5, 2.5)), handsOn: fc.boolean() }),
    specialties: fc.subarray(['internal-medicine', 'family-medicine', 'general-surgery', 'pediatrics', 'neurology']),
    states: fc.constant([]),
    ecfmgCertified: fc.boolean(),
    usResidencyMonths: fc.integer({ min: 0, max: 36 }),
  })
  .map((p) => profileSchema.parse(p));

const evidence = { pageUrl: 'https://example.org/p', quote: 'q', blockIndex: 0 };
const signalOf = <T>(value: fc.Arbitrary<T>) =>
  fc.option(
    fc.record({ value, strength: fc.constantFrom<Strength>('required', 'preferred'), hedged: fc.boolean(), evidence: fc.constant(evidence) }),
    { freq: 3 },
  );
const visaValue = fc.constantFrom('yes' as const, 'no' as const, 'conditional' as const);
const signalsArb: fc.Arbitrary<Signals> = fc.record({
  isProgramPage: fc.constant(true),
  specialty: signalOf(fc.constantFrom('internal-medicine', 'family-medicine', 'psychiatry', 'general-surgery', 'dermatology')),
  programType: signalOf(fc.constantFrom('community' as const, 'community-university-affiliated' as const, 'university' as const)),
  state: fc.constant(null),
  visaJ1: signalOf(visaValue),
  visaH1b: signalOf(visaValue),
  step1MinScore: signalOf(fc.integer({ min: 180, max: 250 })),
  step2MinScore: signalOf(fc.integer({ min: 180, max: 260 })),
  attempts: signalOf(fc.record({ firstAttemptOnly: fc.boolean(), maxAttempts: fc.option(fc.integer({ min: 1, max: 3 })) })),
  yog: signalOf(fc.oneof(fc.record({ maxYears: fc.integer({ min: 0, max: 10 }) }), fc.record({ earliestYear: fc.integer({ min: 2005, max: 2027 }) }))),
  usce: signalOf(
    fc.record({
      status: fc.constantFrom('required' as const, 'preferred' as const, 'not-required' as const),
      minMonths: fc.option(fc.constantFrom(0, 0.5, 1, 2, 3, 6, 12)),
      observershipsCount: fc.option(fc.boolean()),
    }),
  ),
  imgPercent: signalOf(fc.integer({ min: 0, max: 100 })),
});

const nowArb = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true });
const step = fc.integer({ min: 1, max: 40 });

/** Each improvement returns the better profile, or null when the figure cannot improve. */
const IMPROVEMENTS: [string, (p: Profile, k: number) => Profile | null][] = [
  ['higher Step 1 score', (p, k) => (p.step1.score === null || p.step1.score >= 300 ? null : { ...p, step1: { ...p.step1, score: Math.min(300, p.step1.score + k) } })],
  ['higher Step 2 CK score', (p, k) => (p.step2ck.score === null || p.step2ck.score >= 300 ? null : { ...p, step2ck: { ...p.step2ck, score: Math.min(300, p.step2ck.score + k) } })],
  ['fewer Step 1 attempts', (p, k) => (p.step1.attempts <= 1 ? null : { ...p, step1: { ...p.step1, attempts: Math.max(1, p.step1.attempts - k) } })],
  ['fewer Step 2 CK attempts', (p, k) => (p.step2ck.attempts <= 1 ? null : { ...p, step2ck: { ...p.step2ck, attempts: Math.max(1, p.step2ck.attempts - k) } })],
  ['Step 1 passed instead of failed', (p) => (p.step1.result !== 'fail' ? null : { ...p, step1: { ...p.step1, result: 'pass' } })],
  ['more USCE months', (p, k) => ({ ...p, usce: { ...p.usce, months: Math.min(240, p.usce.months + k / 2) } })],
  ['hands-on instead of observership', (p) => (p.usce.handsOn ? null : { ...p, usce: { ...p.usce, handsOn: true } })],
  ['more recent graduation', (p, k) => (p.graduationYear >= 2100 ? null : { ...p, graduationYear: Math.min(2100, p.graduationYear + Math.ceil(k / 4)) })],
  ['Step 3 passed', (p) => (p.step3.passed ? null : { ...p, step3: { passed: true } })],
  ['more US residency months', (p, k) => ({ ...p, usResidencyMonths: Math.min(120, p.usResidencyMonths + k) })],
  ['ECFMG certified', (p) => (p.ecfmgCertified ? null : { ...p, ecfmgCertified: true })],
];

const SIGNALS_OF: Partial<Record<FitField, SignalField[]>> = {
  visa: ['visaJ1', 'visaH1b'], step1: ['step1MinScore'], step2: ['step2MinScore'], attempts: ['attempts'], yog: ['yog'], usce: ['usce'],
};

const rank = (t: string) => TIER_ORDER.indexOf(t as (typeof TIER_ORDER)[number]);

describe('fit is monotone in every applicant figure', () => {
  test.each(IMPROVEMENTS)('%s never lowers the score or the tier', (_name, improve) => {
    fc.assert(
      fc.property(profileArb, signalsArb, nowArb, step, (p, s, now, k) => {
        const better = improve(p, k);
        fc.pre(better !== null);
        const after = profileSchema.parse(better);
        const a = fit(p, s, now);
        const b = fit(after, s, now);
        expect(rank(a.tier)).toBeGreaterThanOrEqual(0);
        expect(b.score!).toBeGreaterThanOrEqual(a.score!);
        expect(rank(b.tier)).toBeGreaterThanOrEqual(rank(a.tier));
        expect(b.dealbreakers.length).toBeLessThanOrEqual(a.dealbreakers.length);
      }),
      { numRuns: RUNS },
    );
  });

  test('every fit is well formed: score 0–100, confidence 0–1, reasons add up to the score', () => {
    fc.assert(
      fc.property(profileArb, signalsArb, nowArb, (p, s, now) => {
        const f = fit(p, s, now);
        expect(f.score).toBeGreaterThanOrEqual(0);
        expect(f.score).toBeLessThanOrEqual(100);
        expect(f.confidence).toBeGreaterThanOrEqual(0);
        expect(f.confidence).toBeLessThanOrEqual(1);
        expect(f.known).toBeLessThanOrEqual(f.total);
        const sum = f.reasons.reduce((t, r) => t + r.weight, MODEL.base);
        expect(f.score).toBe(Math.round(Math.min(100, Math.max(0, sum))));
        expect(f.tier === 'ineligible').toBe(f.dealbreakers.length > 0);
        // Only firm (required, unhedged) signals block, and each dealbreaker quotes one.
        for (const d of f.dealbreakers) {
          const firm = (SIGNALS_OF[d.field] ?? []).map((k) => s[k]).filter((x) => x !== null && x.strength === 'required' && x.hedged !== true);
          expect(firm.map((x) => x!.evidence)).toContainEqual(d.evidence);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
