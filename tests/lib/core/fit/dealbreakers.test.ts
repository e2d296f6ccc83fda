import { describe, expect, test } from 'vitest';
import { dealbreakers } from '../../../../lib/core/fit/dealbreakers';
import { fit } from '../../../../lib/core/fit/fit';
import type { FitField } from '../../../../lib/core/schema/fit';
import type { ProfileInput } from '../../../../lib/core/schema/profile';
import type { Signals } from '../../../../lib/core/schema/signals';
import { NOW, profile, sig, signals, step2 } from './helpers';

// Every dealbreaker both ways: the rule blocks when stated firmly and failed, and does not block
// when met, unstated, hedged or only preferred (FIT_MODEL principles 1 and 4).

type Row = [string, Partial<ProfileInput>, Signals, FitField | null];
const hedged = <V>(v: V) => sig(v, { hedged: true });
const preferred = <V>(v: V) => sig(v, { strength: 'preferred' });

const fields = (over: Partial<ProfileInput>, s: Signals, now = NOW) => dealbreakers(profile(over), s, now).map((d) => d.field);
function check(over: Partial<ProfileInput>, s: Signals, field: FitField | null, now = NOW) {
  const found = fields(over, s, now);
  if (field === null) expect(found).toEqual([]);
  else expect(found).toContain(field);
  // A dealbreaker always carries the sentence it rests on, and the tier follows it.
  for (const d of dealbreakers(profile(over), s, now)) expect(d.evidence).not.toBeNull();
  expect(fit(profile(over), s, now).tier === 'ineligible').toBe(field !== null);
}

describe('visa', () => {
  const rows: Row[] = [
    ['J-1 needed, J-1 no → blocks', { visa: 'j1' }, signals({ visaJ1: 'no' }), 'visa'],
    ['J-1 needed, J-1 yes', { visa: 'j1' }, signals({ visaJ1: 'yes' }), null],
    ['J-1 needed, J-1 conditional never blocks', { visa: 'j1' }, signals({ visaJ1: 'conditional' }), null],
    ['J-1 needed, J-1 not stated', { visa: 'j1' }, signals({}), null],
    ['J-1 needed, J-1 "no" hedged', { visa: 'j1' }, signals({ visaJ1: hedged('no') }), null],
    ['J-1 needed, J-1 "no" preferred', { visa: 'j1' }, signals({ visaJ1: preferred('no') }), null],
    ['J-1 needed, only H-1B no', { visa: 'j1' }, signals({ visaH1b: 'no' }), null],
    ['H-1B needed, H-1B no → blocks', { visa: 'h1b' }, signals({ visaH1b: 'no', visaJ1: 'yes' }), 'visa'],
    ['H-1B needed, H-1B conditional never blocks', { visa: 'h1b' }, signals({ visaH1b: 'conditional', visaJ1: 'no' }), null],
    ['H-1B needed, only J-1 no', { visa: 'h1b' }, signals({ visaJ1: 'no' }), null],
    ['either visa, both no → blocks', { visa: 'any' }, signals({ visaJ1: 'no', visaH1b: 'no' }), 'visa'],
    ['either visa, J-1 no, H-1B not stated', { visa: 'any' }, signals({ visaJ1: 'no' }), null],
    ['either visa, J-1 no, H-1B yes', { visa: 'any' }, signals({ visaJ1: 'no', visaH1b: 'yes' }), null],
    ['either visa, J-1 not stated, H-1B no', { visa: 'any' }, signals({ visaH1b: 'no' }), null],
    ['either visa, J-1 no, H-1B "no" hedged', { visa: 'any' }, signals({ visaJ1: 'no', visaH1b: hedged('no') }), null],
    ['no visa needed: no visa check at all', { visa: 'none' }, signals({ visaJ1: 'no', visaH1b: 'no' }), null],
  ];
  test.each(rows)('%s', (_name, over, s, field) => check(over, s, field));

  test('messages name what is needed and what the program says', () => {
    expect(dealbreakers(profile({ visa: 'j1' }), signals({ visaJ1: 'no' }), NOW)[0]?.message).toBe('Needs J-1; program: no J-1 sponsorship');
    expect(dealbreakers(profile({ visa: 'h1b' }), signals({ visaH1b: 'no' }), NOW)[0]?.message).toBe('Needs H-1B; program: no H-1B sponsorship');
    const both = dealbreakers(profile({ visa: 'any' }), signals({ visaJ1: 'no', visaH1b: 'no' }), NOW);
    expect(both.map((d) => d.message)).toEqual(['Needs J-1 or H-1B; program: no J-1 sponsorship', 'Needs J-1 or H-1B; program: no H-1B sponsorship']);
  });

  test('the blocking sentence is the evidence', () => {
    const s = signals({ visaJ1: sig('no', { quote: 'We do not sponsor J1 or H1 visas.' }) });
    expect(dealbreakers(profile(), s, NOW)[0]?.evidence?.quote).toBe('We do not sponsor J1 or H1 visas.');
  });

  test.each([
    ['j1', ['Does the program sponsor J-1 visas?']],
    ['h1b', ['Does the program sponsor H-1B visas?']],
    ['any', ['Does the program sponsor J-1 visas?', 'Does the program sponsor H-1B visas?']],
    ['none', []],
  ] as const)('unstated visa → questions only for what the applicant needs (%s)', (visa, questions) => {
    const q = fit(profile({ visa }), signals({}), NOW).verify.filter((v) => v.field === 'visa' && v.question.startsWith('Does')).map((v) => v.question);
    expect(q).toEqual(questions);
  });

  test('a hedged or preferred "no" weighs against and asks', () => {
    for (const s of [signals({ visaJ1: hedged('no') }), signals({ visaJ1: preferred('no') })]) {
      const f = fit(profile(), s, NOW);
      expect(f.reasons.find((r) => r.field === 'visa')?.weight).toBeLessThan(0);
      expect(f.verify.some((v) => v.field === 'visa')).toBe(true);
    }
  });
});

describe('Step minimums', () => {
  const rows: Row[] = [
    ['Step 2 CK 214 below minimum 220 → blocks', step2(214), signals({ step2MinScore: 220 }), 'step2'],
    ['Step 2 CK exactly the minimum', step2(220), signals({ step2MinScore: 220 }), null],
    ['Step 2 CK one above the minimum', step2(221), signals({ step2MinScore: 220 }), null],
    ['Step 2 CK below a hedged minimum', step2(214), signals({ step2MinScore: hedged(220) }), null],
    ['Step 2 CK below a preferred minimum', step2(214), signals({ step2MinScore: preferred(220) }), null],
    ['Step 2 CK not taken, minimum stated', step2(null), signals({ step2MinScore: 220 }), null],
    ['Step 1 210 below minimum 220 → blocks', { step1: { result: 'pass', score: 210, attempts: 1 } }, signals({ step1MinScore: 220 }), 'step1'],
    ['Step 1 exactly the minimum', { step1: { result: 'pass', score: 220, attempts: 1 } }, signals({ step1MinScore: 220 }), null],
    ['Step 1 pass/fail against a minimum', { step1: { result: 'pass', score: null, attempts: 1 } }, signals({ step1MinScore: 220 }), null],
    ['Step 1 not taken against a minimum', { step1: { result: 'not-taken', score: null, attempts: 0 } }, signals({ step1MinScore: 220 }), null],
    ['Step 1 below a hedged minimum', { step1: { result: 'pass', score: 210, attempts: 1 } }, signals({ step1MinScore: hedged(220) }), null],
  ];
  test.each(rows)('%s', (_name, over, s, field) => check(over, s, field));

  test('messages quote both numbers', () => {
    expect(dealbreakers(profile(step2(214)), signals({ step2MinScore: 220 }), NOW)[0]?.message).toBe('Step 2 CK 214 is below the stated minimum of 220');
    expect(dealbreakers(profile({ step1: { result: 'pass', score: 210, attempts: 1 } }), signals({ step1MinScore: 220 }), NOW)[0]?.message).toBe(
      'Step 1 210 is below the stated minimum of 220',
    );
  });

  test.each([
    ['pass/fail Step 1 against a Step 1 minimum', { step1: { result: 'pass' as const, score: null, attempts: 1 } }, signals({ step1MinScore: 220 }), 'step1'],
    ['no Step 2 CK yet against a Step 2 minimum', step2(null), signals({ step2MinScore: 220 }), 'step2'],
    ['Step 2 CK below a preferred minimum', step2(214), signals({ step2MinScore: preferred(220) }), 'step2'],
  ] as const)('%s → a question to verify', (_name, over, s, field) => {
    expect(fit(profile(over), s, NOW).verify.some((v) => v.field === field)).toBe(true);
  });
});

describe('attempts', () => {
  const firstOnly = { firstAttemptOnly: true, maxAttempts: null };
  const within2 = { firstAttemptOnly: false, maxAttempts: 2 };
  const anyAttempts = { firstAttemptOnly: false, maxAttempts: null };
  const s1 = (attempts: number, result: 'pass' | 'fail' = 'pass') => ({ step1: { result, score: null, attempts } });
  const rows: Row[] = [
    ['first attempt only, Step 1 passed on the second → blocks', s1(2), signals({ attempts: firstOnly }), 'attempts'],
    ['first attempt only, Step 1 failed (not yet passed) → blocks', s1(1, 'fail'), signals({ attempts: firstOnly }), 'attempts'],
    ['first attempt only, Step 2 CK on the second → blocks', { step2ck: { score: 240, attempts: 2 } }, signals({ attempts: firstOnly }), 'attempts'],
    ['first attempt only, all first attempts', s1(1), signals({ attempts: firstOnly }), null],
    ['first attempt only (hedged), failed once', s1(2), signals({ attempts: hedged(firstOnly) }), null],
    ['first attempt only (preferred), failed once', s1(2), signals({ attempts: preferred(firstOnly) }), null],
    ['within 2 attempts, Step 1 in 2', s1(2), signals({ attempts: within2 }), null],
    ['within 2 attempts, Step 1 in 3 → blocks', s1(3), signals({ attempts: within2 }), 'attempts'],
    ['within 2 attempts, Step 2 CK in 3 → blocks', { step2ck: { score: 240, attempts: 3 } }, signals({ attempts: within2 }), 'attempts'],
    ['attempts do not matter, failed twice', s1(3), signals({ attempts: anyAttempts }), null],
    ['not stated, failed twice', s1(3), signals({}), null],
  ];
  test.each(rows)('%s', (_name, over, s, field) => check(over, s, field));

  test('messages', () => {
    expect(dealbreakers(profile(s1(2)), signals({ attempts: firstOnly }), NOW)[0]?.message).toBe(
      'First-attempt passes required; you did not pass Step 1 on the first attempt',
    );
    expect(dealbreakers(profile(s1(3)), signals({ attempts: within2 }), NOW)[0]?.message).toBe('At most 2 attempts per Step; you took Step 1 3 times');
  });

  test('a silent page asks only applicants with a repeated attempt', () => {
    expect(fit(profile(s1(2)), signals({}), NOW).verify.some((v) => v.field === 'attempts')).toBe(true);
    expect(fit(profile(s1(1)), signals({}), NOW).verify.some((v) => v.field === 'attempts')).toBe(false);
  });
});

describe('graduation year', () => {
  const before = new Date('2026-05-31T12:00:00Z'); // training would start July 2026
  const from = new Date('2026-06-01T12:00:00Z'); // training would start July 2027
  const limit5 = signals({ yog: { maxYears: 5 } });
  const rows: [string, number, Date, Signals, FitField | null][] = [
    ['before June: 2021 graduate is 5 years out, limit 5', 2021, before, limit5, null],
    ['before June: 2020 graduate is 6 years out, limit 5 → blocks', 2020, before, limit5, 'yog'],
    ['from June: 2021 graduate is 6 years out, limit 5 → blocks', 2021, from, limit5, 'yog'],
    ['from June: 2022 graduate is 5 years out, limit 5', 2022, from, limit5, null],
    ['earliest 2020: graduated 2020', 2020, from, signals({ yog: { earliestYear: 2020 } }), null],
    ['earliest 2020: graduated 2019 → blocks', 2019, from, signals({ yog: { earliestYear: 2020 } }), 'yog'],
    ['limit 3 stated as a preference: graduated 2015', 2015, from, signals({ yog: preferred({ maxYears: 3 }) }), null],
    ['limit 3 hedged: graduated 2015', 2015, from, signals({ yog: hedged({ maxYears: 3 }) }), null],
    ['no limit stated: graduated 1995', 1995, from, signals({}), null],
  ];
  test.each(rows)('%s', (_name, graduationYear, now, s, field) => check({ graduationYear }, s, field, now));

  test('message gives the years and the start year', () => {
    expect(dealbreakers(profile({ graduationYear: 2021 }), limit5, from)[0]?.message).toBe('Graduated 2021, 6 years before a 2027 start; program: graduation within 5 years');
  });
});

describe('US clinical experience', () => {
  const usce = (minMonths: number | null, observershipsCount: boolean | null, status: 'required' | 'preferred' | 'not-required' = 'required') =>
    ({ status, minMonths, observershipsCount });
  const has = (months: number, handsOn: boolean, usResidencyMonths = 0) => ({ usce: { months, handsOn }, usResidencyMonths });
  const rows: Row[] = [
    ['3 months required, 6 hands-on', has(6, true), signals({ usce: usce(3, false) }), null],
    ['3 months required, 2 hands-on → blocks', has(2, true), signals({ usce: usce(3, false) }), 'usce'],
    ['3 months hands-on required, 6 of observership → blocks', has(6, false), signals({ usce: usce(3, false) }), 'usce'],
    ['3 months required, observerships count, 6 of observership', has(6, false), signals({ usce: usce(3, true) }), null],
    ['3 months required, not said whether observerships count, 6 of observership → blocks', has(6, false), signals({ usce: usce(3, null) }), 'usce'],
    ['required, no amount, none → blocks', has(0, true), signals({ usce: usce(null, null) }), 'usce'],
    ['required, no amount, 1 month hands-on', has(1, true), signals({ usce: usce(null, null) }), null],
    ['12 months required, 12 months of US residency', has(0, false, 12), signals({ usce: usce(12, false) }), null],
    ['12 months required, 6 hands-on + 6 of US residency', has(6, true, 6), signals({ usce: usce(12, false) }), null],
    ['12 months required, 6 observership + 6 of US residency → blocks', has(6, false, 6), signals({ usce: usce(12, false) }), 'usce'],
    ['required but hedged, none', has(0, false), signals({ usce: hedged(usce(3, false)) }), null],
    ['required with preferred strength, none', has(0, false), signals({ usce: preferred(usce(3, false)) }), null],
    ['preferred ("ideally eight weeks"), none', has(0, false), signals({ usce: usce(2, null, 'preferred') }), null],
    ['not required, none', has(0, false), signals({ usce: usce(null, null, 'not-required') }), null],
    ['not stated, none', has(0, false), signals({}), null],
  ];
  test.each(rows)('%s', (_name, over, s, field) => check(over, s, field));

  test('a preference not met weighs against, in proportion', () => {
    const w = (months: number) => fit(profile(has(months, true)), signals({ usce: usce(4, null, 'preferred') }), NOW).reasons.filter((r) => r.field === 'usce' && r.evidence).map((r) => r.weight)[0];
    expect(w(0)).toBeLessThan(w(2)!);
    expect(w(2)).toBeLessThan(0);
    expect(w(4)).toBeGreaterThan(0);
  });
});

describe('a page that states nothing', () => {
  test('never blocks even the weakest applicant, and asks instead', () => {
    const weak = profile({
      step1: { result: 'fail', score: 180, attempts: 3 }, step2ck: { score: 190, attempts: 3 },
      graduationYear: 1990, visa: 'any', usce: { months: 0, handsOn: false },
    });
    const f = fit(weak, signals({}), NOW);
    expect(f.dealbreakers).toEqual([]);
    expect(f.tier).toBe('reach');
    expect(new Set(f.verify.map((v) => v.field))).toEqual(new Set(['visa', 'step2', 'step1', 'attempts', 'programType', 'imgPercent', 'usce', 'yog']));
    expect(f.verify.every((v) => v.question.endsWith('?'))).toBe(true);
  });
});
