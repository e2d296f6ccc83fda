import { describe, expect, test } from 'vitest';
import { confidence } from '../../../../lib/core/fit/confidence';
import { fit } from '../../../../lib/core/fit/fit';
import type { ProfileInput } from '../../../../lib/core/schema/profile';
import type { Signals } from '../../../../lib/core/schema/signals';
import { NOW, profile, sig, signals, step2 } from './helpers';

// Confidence: how much of what matters to this applicant the page states. Unknowns lower it; they
// never lower the score.

const full = signals({
  specialty: 'internal-medicine', programType: 'community', visaJ1: 'yes', visaH1b: 'no', step1MinScore: 210, step2MinScore: 220,
  attempts: { firstAttemptOnly: false, maxAttempts: 2 }, yog: { maxYears: 5 }, imgPercent: 60,
  usce: { status: 'preferred', minMonths: 2, observershipsCount: null },
});
const none = { outcomesFallback: false };

describe('confidence', () => {
  test('everything stated → 1; nothing stated → 0', () => {
    expect(confidence(profile(), full, none).confidence).toBe(1);
    expect(confidence(profile(), signals({}), none).confidence).toBe(0);
  });

  test.each([
    ['J-1 applicant: visa J-1 only (7 facts)', { visa: 'j1' }, 7],
    ['H-1B applicant: visa H-1B only', { visa: 'h1b' }, 7],
    ['either visa: both count', { visa: 'any' }, 8],
    ['no visa needed: no visa fact', { visa: 'none' }, 6],
    ['repeated attempt: attempts count', { step1: { result: 'pass', score: null, attempts: 2 } }, 8],
    ['numeric Step 1: the Step 1 minimum counts', { step1: { result: 'pass', score: 230, attempts: 1 } }, 8],
  ] as [string, Partial<ProfileInput>, number][])('facts that matter — %s', (_name, over, total) => {
    const c = confidence(profile(over), signals({}), none);
    expect(c.total).toBe(total);
    expect(c.known).toBe(0);
  });

  test('a rule the page states counts even when this applicant meets it easily', () => {
    const c = confidence(profile(), signals({ attempts: { firstAttemptOnly: true, maxAttempts: null } }), none);
    expect([c.known, c.total]).toEqual([1, 8]);
  });

  test('visa statements are not read for an applicant who needs no visa', () => {
    const c = confidence(profile({ visa: 'none' }), signals({ visaJ1: 'yes', visaH1b: 'no' }), none);
    expect([c.known, c.total]).toEqual([0, 6]);
  });

  test('either visa: an unqualified yes for one settles the other', () => {
    const c = confidence(profile({ visa: 'any' }), signals({ visaJ1: 'yes' }), none);
    expect([c.known, c.total]).toEqual([1, 7]);
  });

  test('falls as facts go missing', () => {
    const keys = ['visaJ1', 'step2MinScore', 'programType', 'imgPercent', 'specialty', 'yog', 'usce'] as const;
    let s: Signals = { ...full };
    let last = confidence(profile(), s, none).confidence;
    for (const k of keys) {
      s = { ...s, [k]: null };
      const c = confidence(profile(), s, none).confidence;
      expect(c).toBeLessThan(last);
      last = c;
    }
  });

  test('hedged or preferred facts count partly; the outcomes fallback lowers it', () => {
    const firm = confidence(profile(), signals({ visaJ1: 'yes', specialty: 'internal-medicine' }), none).confidence;
    const soft = confidence(profile(), signals({ visaJ1: sig('yes', { hedged: true }), specialty: 'internal-medicine' }), none).confidence;
    expect(soft).toBeLessThan(firm);
    const s = signals({ specialty: 'general-surgery', programType: 'community', imgPercent: 50, visaJ1: 'yes' });
    expect(confidence(profile(), s, { outcomesFallback: true }).confidence).toBeLessThan(confidence(profile(), s, none).confidence);
    expect(fit(profile(step2(240)), s, NOW).usedOutcomes).toBe(true);
  });
});

describe('unknowns never lower the score', () => {
  // An unknown fact scores as the neutral case, never as the worst one: for each field, the score
  // with the field unstated is at least the score with it stated at its worst non-blocking value.
  const base = signals({ specialty: 'internal-medicine', programType: 'community', imgPercent: 50, visaJ1: 'yes', step2MinScore: 220 });
  const preferred = <V>(v: V) => sig(v, { strength: 'preferred' });
  const p = profile({ ...step2(235), step1: { result: 'pass', score: 215, attempts: 2 }, graduationYear: 2015, usce: { months: 1, handsOn: true } });
  test.each([
    ['visaJ1', preferred('no')],
    ['step1MinScore', preferred(230)],
    ['attempts', preferred({ firstAttemptOnly: true, maxAttempts: null })],
    ['yog', preferred({ maxYears: 3 })],
    ['usce', preferred({ status: 'required', minMonths: 12, observershipsCount: false })],
    ['imgPercent', sig(0)],
    ['programType', sig('university')],
  ] as const)('%s', (key, worst) => {
    const unknown = fit(p, { ...base, [key]: null }, NOW);
    const known = fit(p, { ...base, [key]: worst }, NOW);
    expect(known.dealbreakers).toEqual([]);
    expect(unknown.score).toBeGreaterThan(known.score!);
    expect(unknown.confidence).toBeLessThan(known.confidence);
  });

  test('an unknown visa sits between "yes" and "no"', () => {
    const score = (v: Signals['visaJ1']) => fit(profile(), { ...base, visaJ1: v }, NOW).score!;
    expect(score(null)).toBeLessThan(score(sig('yes')));
    expect(score(null)).toBeGreaterThan(score(preferred('no')));
    expect(score(sig('conditional'))).toBeGreaterThan(score(null));
  });

  test('about 20% IMG scores like an unstated IMG share', () => {
    expect(fit(profile(), { ...base, imgPercent: sig(20) }, NOW).score).toBe(fit(profile(), { ...base, imgPercent: null }, NOW).score);
  });
});
