import { describe, expect, test } from 'vitest';
import { applyingTo, specialtyCounts, type CoachItem } from '../../../../lib/core/list/coach';
import { DIGEST_ROWS, buildDigest, digestIds, digestIsCurrent } from '../../../../lib/core/list/digest';
import { listItems, type FitFn } from '../../../../lib/core/list/evaluate';
import { listDigestSchema } from '../../../../lib/core/schema/digest';
import type { Fit, ListTier, Tier } from '../../../../lib/core/schema/fit';
import type { Program } from '../../../../lib/core/schema/program';
import type { Signals } from '../../../../lib/core/schema/signals';
import { makeProgram, minutesAfterStart } from '../../../fixtures/programs';
import { EXAMPLE_PROFILE } from '../../../fixtures/profiles';

// The list digest (lib/core/list/digest.ts): counts, the coach's fee input and the few most recent
// programs per tier, and when a stored one still describes the list.

const NOW = new Date('2026-01-15T12:00:00.000Z');

const fitOf = (tier: Tier): Fit => ({
  tier, score: tier === 'unknown' ? null : 60, confidence: 0.8, dealbreakers: [], reasons: [], verify: [], usedOutcomes: false, known: 8, total: 12,
});

/**
 * Programs scored by a stand-in fit model: each program's signals object is mapped to the tier the
 * model gives it, so the listed tier comes from listItems (overrides applied) as in the background.
 */
function scored(specs: { i: number; tier: Tier; minutes?: number; override?: ListTier | null; program?: Partial<Program> }[]) {
  const model = new Map<Signals, Tier>();
  const programs = specs.map(({ i, tier, minutes = i, override = null, program = {} }) => {
    const p = makeProgram(i, { tierOverride: override, updatedAt: minutesAfterStart(minutes), ...program });
    model.set(p.signals, tier);
    return p;
  });
  const fitFn: FitFn = (_profile, signals) => fitOf(model.get(signals) ?? 'unknown');
  return { programs, items: listItems(fitFn, EXAMPLE_PROFILE, programs, NOW) as CoachItem[] };
}

const idOf = (i: number) => makeProgram(i).id;

describe('buildDigest', () => {
  test('counts per listed tier, total and skipped; every tier present', () => {
    const { items } = scored([
      ...[1, 2, 3].map((i) => ({ i, tier: 'reach' as Tier })),
      ...[4, 5, 6, 8, 9].map((i) => ({ i, tier: 'realistic' as Tier })),
      { i: 10, tier: 'safety' },
      { i: 11, tier: 'ineligible' },
    ]);
    const d = buildDigest(items, 2, EXAMPLE_PROFILE, NOW);
    expect(d.counts).toEqual({ reach: 3, realistic: 5, safety: 1, ineligible: 1, unknown: 0 });
    expect(d.total).toBe(10);
    expect(d.skipped).toBe(2);
    expect(d.version).toBe(1);
    expect(d.builtAt).toBe('2026-01-15T12:00:00.000Z');
    expect(d.profileSet).toBe(true);
    expect(Object.keys(d.recent).sort()).toEqual(['ineligible', 'reach', 'realistic', 'safety', 'unknown']);
    expect(d.recent.unknown).toEqual([]);
  });

  test('recent: per tier, most recently updated first, at most `rows`', () => {
    // Realistic: 8 programs updated out of order.
    const minutes = [50, 10, 70, 30, 80, 20, 60, 40];
    const { items } = scored([
      ...minutes.map((m, k) => ({ i: 20 + k, tier: 'realistic' as Tier, minutes: m })),
      { i: 40, tier: 'reach', minutes: 5 },
      { i: 41, tier: 'reach', minutes: 500 },
    ]);
    const d = buildDigest(items, 0, EXAMPLE_PROFILE, NOW);
    // 80, 70, 60, 50, 40 → programs 24, 22, 26, 20, 27
    expect(d.recent.realistic).toEqual([24, 22, 26, 20, 27].map(idOf));
    expect(d.recent.reach).toEqual([41, 40].map(idOf));
    expect(d.recent.safety).toEqual([]);
    expect(d.counts.realistic).toBe(8);
    expect(DIGEST_ROWS).toBe(5);
    expect(buildDigest(items, 0, EXAMPLE_PROFILE, NOW, 2).recent.realistic).toEqual([24, 22].map(idOf));
    expect(buildDigest(items, 0, EXAMPLE_PROFILE, NOW, 0).recent.realistic).toEqual([]);
  });

  test('a row moved by the applicant is counted and listed under the tier it was moved to', () => {
    const { items } = scored([
      { i: 1, tier: 'reach', minutes: 100 },
      { i: 2, tier: 'reach', minutes: 200, override: 'safety' },
      { i: 3, tier: 'ineligible', minutes: 300, override: 'realistic' },
      { i: 4, tier: 'safety', minutes: 50 },
    ]);
    const d = buildDigest(items, 0, EXAMPLE_PROFILE, NOW);
    expect(d.counts).toEqual({ reach: 1, realistic: 1, safety: 2, ineligible: 0, unknown: 0 });
    expect(d.recent).toEqual({ reach: [idOf(1)], realistic: [idOf(3)], safety: [idOf(2), idOf(4)], ineligible: [], unknown: [] });
  });

  test('Not eligible and Not scored yet have their own counts and rows', () => {
    const { items } = scored([
      ...[1, 2, 3, 4, 5, 6].map((i) => ({ i, tier: 'ineligible' as Tier, minutes: i * 10 })),
      { i: 7, tier: 'unknown', minutes: 1 },
      { i: 8, tier: 'unknown', minutes: 2 },
    ]);
    const d = buildDigest(items, 0, EXAMPLE_PROFILE, NOW);
    expect(d.counts).toMatchObject({ ineligible: 6, unknown: 2 });
    expect(d.recent.ineligible).toEqual([6, 5, 4, 3, 2].map(idOf));
    expect(d.recent.unknown).toEqual([8, 7].map(idOf));
  });

  test('no profile: profileSet false; every program is not scored yet', () => {
    const programs = [1, 2, 3].map((i) => makeProgram(i, { tierOverride: null }));
    const items = listItems(() => fitOf('reach'), null, programs, NOW);
    const d = buildDigest(items, 0, null, NOW);
    expect(d.profileSet).toBe(false);
    expect(d.counts).toEqual({ reach: 0, realistic: 0, safety: 0, ineligible: 0, unknown: 3 });
    expect(d.recent.unknown).toEqual([3, 2, 1].map(idOf));
  });

  test('specialties: the coach’s specialty counts over every program but Not eligible', () => {
    const { items } = scored([
      { i: 1, tier: 'reach', program: { specialty: 'internal-medicine' } },
      { i: 2, tier: 'realistic', program: { specialty: 'internal-medicine' } },
      { i: 3, tier: 'safety', program: { specialty: 'family-medicine' } },
      { i: 4, tier: 'unknown', program: { specialty: 'psychiatry' } },
      { i: 5, tier: 'ineligible', program: { specialty: 'pediatrics' } },
      { i: 6, tier: 'ineligible', program: { specialty: 'internal-medicine' } },
      // No specialty of its own and none on its pages: the profile's first.
      { i: 7, tier: 'realistic', program: { specialty: null, signals: { ...makeProgram(7).signals, specialty: null } } },
    ]);
    const d = buildDigest(items, 0, EXAMPLE_PROFILE, NOW);
    expect(d.specialties).toEqual({ 'internal-medicine': 3, 'family-medicine': 1, psychiatry: 1 });
    expect(d.specialties).toEqual(specialtyCounts(applyingTo(items), EXAMPLE_PROFILE));
    // A program moved out of Not eligible counts toward the fees.
    const moved = scored([{ i: 5, tier: 'ineligible', override: 'reach', program: { specialty: 'pediatrics' } }]);
    expect(buildDigest(moved.items, 0, EXAMPLE_PROFILE, NOW).specialties).toEqual({ pediatrics: 1 });
  });

  test('an empty list', () => {
    const d = buildDigest([], 0, EXAMPLE_PROFILE, NOW);
    expect(d).toEqual({
      version: 1, builtAt: NOW.toISOString(), profileSet: true, total: 0, skipped: 0,
      counts: { reach: 0, realistic: 0, safety: 0, ineligible: 0, unknown: 0 },
      specialties: {},
      recent: { reach: [], realistic: [], safety: [], ineligible: [], unknown: [] },
    });
  });

  test('what it builds parses with the stored schema, unchanged', () => {
    const { items } = scored(Array.from({ length: 60 }, (_, i) => ({ i, tier: (['reach', 'realistic', 'safety', 'ineligible', 'unknown'] as const)[i % 5]! })));
    const d = buildDigest(items, 3, EXAMPLE_PROFILE, NOW);
    expect(listDigestSchema.parse(d)).toEqual(d);
    expect(listDigestSchema.safeParse({ ...d, version: 2 }).success).toBe(false);
    expect(listDigestSchema.safeParse({ ...d, total: -1 }).success).toBe(false);
    expect(listDigestSchema.safeParse({ ...d, counts: { ...d.counts, reach: 1.5 } }).success).toBe(false);
    expect(listDigestSchema.safeParse({ ...d, recent: { ...d.recent, reach: [1] } }).success).toBe(false);
  });
});

describe('digestIsCurrent', () => {
  const at = (builtAt: string) => ({ builtAt });

  test('the same application season: current', () => {
    expect(digestIsCurrent(at('2026-01-15T12:00:00.000Z'), new Date('2026-05-31T23:59:59.999Z'))).toBe(true);
    expect(digestIsCurrent(at('2025-06-01T00:00:00.000Z'), new Date('2026-05-31T23:59:59.999Z'))).toBe(true);
    expect(digestIsCurrent(at('2026-06-01T00:00:00.000Z'), new Date('2027-05-31T12:00:00.000Z'))).toBe(true);
  });

  test('the season turns at 1 June UTC: a digest from 31 May is stale a millisecond later', () => {
    const may31 = at('2026-05-31T23:59:59.999Z');
    expect(digestIsCurrent(may31, new Date('2026-05-31T23:59:59.999Z'))).toBe(true);
    expect(digestIsCurrent(may31, new Date('2026-06-01T00:00:00.000Z'))).toBe(false);
    expect(digestIsCurrent(may31, new Date('2026-07-01T00:00:00.000Z'))).toBe(false);
  });

  test('in UTC, not local time: 1 June 01:00 in UTC+2 is still 31 May UTC', () => {
    expect(digestIsCurrent(at('2026-05-30T10:00:00.000Z'), new Date('2026-06-01T01:00:00+02:00'))).toBe(true);
    expect(digestIsCurrent(at('2026-05-30T10:00:00.000Z'), new Date('2026-05-31T23:00:00-02:00'))).toBe(false);
  });

  test('built a season ago (a year later, same month) is stale', () => {
    expect(digestIsCurrent(at('2025-01-15T12:00:00.000Z'), new Date('2026-01-15T12:00:00.000Z'))).toBe(false);
  });

  test('built in the future: up to a minute of clock skew is tolerated, more is not', () => {
    const now = new Date('2026-01-15T12:00:00.000Z');
    expect(digestIsCurrent(at('2026-01-15T12:00:30.000Z'), now)).toBe(true);
    expect(digestIsCurrent(at('2026-01-15T12:01:00.000Z'), now)).toBe(true);
    expect(digestIsCurrent(at('2026-01-15T12:01:00.001Z'), now)).toBe(false);
    expect(digestIsCurrent(at('2026-03-01T00:00:00.000Z'), now)).toBe(false);
  });

  test.each(['', 'yesterday', 'not a date', '2026-13-45T99:00:00Z'])('an unparseable builtAt (%j) is never current', (builtAt) => {
    expect(digestIsCurrent(at(builtAt), NOW)).toBe(false);
  });
});

describe('digestIds', () => {
  test('every id once, in tier order then row order', () => {
    expect(
      digestIds({ recent: { reach: ['a', 'b'], realistic: ['c', 'a'], safety: [], ineligible: ['d'], unknown: ['b', 'e'] } }),
    ).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('a built digest names exactly its recent rows', () => {
    const { items } = scored(Array.from({ length: 30 }, (_, i) => ({ i, tier: (['reach', 'realistic', 'safety'] as const)[i % 3]! })));
    const d = buildDigest(items, 0, EXAMPLE_PROFILE, NOW);
    const ids = digestIds(d);
    expect(ids).toHaveLength(15);
    expect(new Set(ids)).toEqual(new Set([...d.recent.reach, ...d.recent.realistic, ...d.recent.safety]));
    expect(digestIds({ recent: { reach: [], realistic: [], safety: [], ineligible: [], unknown: [] } })).toEqual([]);
  });
});
