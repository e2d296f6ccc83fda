import { describe, expect, test } from 'vitest';
import { minimumFact, summaryLine, visaFact, SPECIALTIES, VISA_CHOICES } from '../../../components/popup/words';
import { emptySignals } from '../../../lib/core/signals/empty';
import type { Signals, VisaValue } from '../../../lib/core/schema/signals';
import specialtiesData from '../../../data/specialties.json';
import { PROFILE } from './fake-actions';

const ev = { pageUrl: 'https://gme.example.org/im', quote: 'q', blockIndex: 1 };
const visa = (j1: VisaValue | null, h1b: VisaValue | null): Signals => ({
  ...emptySignals(true),
  visaJ1: j1 && { value: j1, strength: 'required', evidence: ev },
  visaH1b: h1b && { value: h1b, strength: 'required', evidence: ev },
});

describe('summaryLine', () => {
  test.each([
    [PROFILE, 'IM · Step 2 CK 214 · J-1 · USCE 3 mo'],
    [{ ...PROFILE, specialties: ['family-medicine', 'pediatrics'], visa: 'none' as const }, 'FM, Peds · Step 2 CK 214 · No visa needed · USCE 3 mo'],
    [{ ...PROFILE, specialties: [], step2ck: { score: null, attempts: 0 }, visa: 'any' as const, usce: { months: 1.5, handsOn: false } }, 'Step 2 CK not taken · J-1 or H-1B · USCE 1.5 mo'],
    [{ ...PROFILE, specialties: ['neurology'], step1: { result: 'pass' as const, score: 231, attempts: 1 }, step2ck: { score: null, attempts: 0 } }, 'Neurology · Step 1 231 · J-1 · USCE 3 mo'],
  ])('%#', (p, line) => expect(summaryLine(p)).toBe(line));
});

describe('visaFact', () => {
  test.each([
    [null, null, 'Visa not stated'],
    ['yes', 'yes', 'J-1 & H-1B'],
    ['yes', 'no', 'J-1 only'],
    ['no', 'yes', 'H-1B only'],
    ['yes', null, 'J-1'],
    ['no', 'no', 'No visa sponsorship'],
    ['conditional', 'no', 'J-1 case by case only'],
    ['no', null, 'No J-1'],
    [null, 'no', 'No H-1B'],
  ] as const)('J-1 %s, H-1B %s → %s', (j1, h1b, text) => expect(visaFact(visa(j1, h1b))).toBe(text));
});

describe('minimumFact', () => {
  test.each([
    [emptySignals(true), 'No minimum stated'],
    [{ ...emptySignals(true), step2MinScore: { value: 220, strength: 'required' as const, evidence: ev } }, 'Step 2 CK ≥ 220'],
    [{ ...emptySignals(true), step2MinScore: { value: 220, strength: 'preferred' as const, evidence: ev } }, 'Step 2 CK 220 preferred'],
    [{ ...emptySignals(true), step2MinScore: { value: 200, strength: 'required' as const, hedged: true, evidence: ev } }, 'Step 2 CK 200 preferred'],
    [{ ...emptySignals(true), step1MinScore: { value: 215, strength: 'required' as const, evidence: ev } }, 'Step 1 ≥ 215'],
  ])('%#', (s, text) => expect(minimumFact(s)).toBe(text));
});

test('the specialty select offers every slug of data/specialties.json, by name', () => {
  expect(SPECIALTIES.map((s) => s.slug)).toEqual(specialtiesData.specialties.map((s) => s.slug));
});

test('one sentence for each visa need the schema knows', () => {
  expect(VISA_CHOICES.map((c) => c.value)).toEqual(['none', 'j1', 'h1b', 'any']);
  for (const c of VISA_CHOICES) expect(c.sentence).toMatch(/^[A-Z][^.]*\.$/);
});
