import { describe, expect, test } from 'vitest';
import {
  currentSeason, factReadAt, formatDay, freshnessLine, isStale, programFreshness, staleCount, staleIds,
} from '../../../../lib/core/list/freshness';
import type { Program } from '../../../../lib/core/schema/program';
import type { Evidence } from '../../../../lib/core/schema/signals';
import { makeProgram } from '../../../fixtures/programs';

const at = (iso: string) => new Date(iso);

describe('currentSeason: June to May, boundaries at 00:00 UTC', () => {
  test.each([
    ['2026-05-31T23:59:59.999Z', '2025–2026', '2025-06-01T00:00:00.000Z'],
    ['2026-06-01T00:00:00.000Z', '2026–2027', '2026-06-01T00:00:00.000Z'],
    ['2026-11-25T12:00:00Z', '2026–2027', '2026-06-01T00:00:00.000Z'],
    ['2027-01-01T00:00:00Z', '2026–2027', '2026-06-01T00:00:00.000Z'],
    ['2027-05-31T12:00:00Z', '2026–2027', '2026-06-01T00:00:00.000Z'],
    ['2027-06-01T00:00:00Z', '2027–2028', '2027-06-01T00:00:00.000Z'],
  ])('%s → %s (from %s)', (now, label, start) => {
    const s = currentSeason(at(now));
    expect(s.label).toBe(label);
    expect(s.start.toISOString()).toBe(start);
    expect(s.end.getUTCFullYear()).toBe(s.start.getUTCFullYear() + 1);
  });
});

describe('isStale: read before the current season started', () => {
  test.each([
    // readAt, now, stale
    ['2026-05-31T23:59:59Z', '2026-06-01T00:00:00Z', true], // the season turned overnight
    ['2026-05-31T23:59:59Z', '2026-05-31T23:59:59.5Z', false], // same season (2025–2026)
    ['2026-06-01T00:00:00Z', '2026-11-25T00:00:00Z', false],
    ['2025-08-14T10:00:00Z', '2026-11-25T00:00:00Z', true],
    ['2025-08-14T10:00:00Z', '2026-05-31T00:00:00Z', false], // still the 2025–2026 season
    ['not a date', '2026-11-25T00:00:00Z', true],
  ])('read %s, now %s → %s', (readAt, now, stale) => {
    expect(isStale(readAt, at(now))).toBe(stale);
    if (readAt !== 'not a date') expect(isStale(at(readAt), at(now))).toBe(stale);
  });
});

const NOW = at('2026-11-25T02:00:00Z');
const ev = (readAt?: string): Evidence => ({ pageUrl: 'https://x.org/im', quote: 'q', blockIndex: 1, ...(readAt ? { readAt } : {}) });

function program(i: number, reads: { visaJ1?: string | null; step2?: string | null }, updatedAt = '2026-09-01T00:00:00Z'): Program {
  const p = makeProgram(i, { id: `p${i}`, updatedAt });
  return {
    ...p,
    signals: {
      ...p.signals,
      specialty: null, state: null, imgPercent: null,
      visaJ1: reads.visaJ1 === undefined ? null : { value: 'yes', strength: 'required', evidence: ev(reads.visaJ1 ?? undefined) },
      step2MinScore: reads.step2 === undefined ? null : { value: 220, strength: 'required', evidence: ev(reads.step2 ?? undefined) },
    },
  };
}

describe('a program’s freshness', () => {
  test('each fact’s readAt comes from its evidence; without one, from program.updatedAt', () => {
    const p = program(1, { visaJ1: '2025-08-14T10:00:00Z', step2: null });
    expect(factReadAt(p, 'visaJ1')).toBe('2025-08-14T10:00:00Z');
    expect(factReadAt(p, 'step2MinScore')).toBe('2026-09-01T00:00:00Z');
    expect(factReadAt(p, 'yog')).toBeNull(); // not stated: nothing was read
  });

  test('stale when any stated fact was read before the season; the oldest read is shown', () => {
    const f = programFreshness(program(1, { visaJ1: '2025-08-14T10:00:00Z', step2: '2026-09-03T00:00:00Z' }), NOW);
    expect(f).toEqual({ readAt: '2025-08-14T10:00:00Z', stale: true, staleFields: ['visaJ1'] });
    expect(programFreshness(program(2, { visaJ1: '2026-07-01T00:00:00Z', step2: '2026-09-03T00:00:00Z' }), NOW).stale).toBe(false);
  });

  test('no stated facts: the program’s updatedAt decides', () => {
    expect(programFreshness(program(3, {}, '2025-12-01T00:00:00Z'), NOW)).toEqual({ readAt: '2025-12-01T00:00:00Z', stale: true, staleFields: [] });
    expect(programFreshness(program(4, {}, '2026-06-02T00:00:00Z'), NOW).stale).toBe(false);
  });

  test('staleCount / staleIds over a list', () => {
    const items = [
      program(1, { visaJ1: '2025-08-14T10:00:00Z' }),
      program(2, { visaJ1: '2026-08-14T10:00:00Z' }),
      program(3, { step2: '2026-05-31T23:00:00Z' }),
      program(4, {}, '2026-07-01T00:00:00Z'),
    ].map((p) => ({ program: p }));
    expect(staleCount(items, NOW)).toBe(2);
    expect(staleIds(items, NOW)).toEqual(['p1', 'p3']);
    expect(staleCount(items, at('2026-05-31T23:59:00Z'))).toBe(0); // all read in the 2025–2026 season
  });
});

describe('words', () => {
  test.each([
    ['2025-08-14T10:00:00Z', '14 Aug 2025'],
    ['2026-06-01T00:00:00Z', '1 Jun 2026'],
    ['2026-12-31T23:59:59Z', '31 Dec 2026'],
    ['garbage', 'an unknown date'],
  ])('formatDay(%s) → %s', (iso, text) => expect(formatDay(iso)).toBe(text));

  test('a row’s line', () => {
    expect(freshnessLine(program(1, { visaJ1: '2025-08-14T10:00:00Z' }), NOW)).toEqual({
      text: 'Read 14 Aug 2025 · may be out of date', stale: true, readAt: '2025-08-14T10:00:00Z',
    });
    expect(freshnessLine(program(2, { visaJ1: '2026-09-03T08:00:00Z' }), NOW).text).toBe('Read 3 Sep 2026');
  });
});
