import { describe, expect, test } from 'vitest';
import { NO_FILTER, applyList, facets, filterList, fold, indexList, isFiltered, mostRecent, type ListEntry, type ListFilter, type SortKey } from '../../../../lib/core/list/filter';
import type { Tier } from '../../../../lib/core/schema/fit';
import type { Program } from '../../../../lib/core/schema/program';
import { makeProgram } from '../../../fixtures/programs';

// Sort, filter and search of the saved list: tables of (filter → names kept, in order).

function entry(i: number, tier: Tier, score: number | null, over: Partial<Program>): ListEntry {
  return {
    program: makeProgram(i, { tierOverride: null, ...over }),
    fit: { tier, score, confidence: 0.8, dealbreakers: [], reasons: [], verify: [], usedOutcomes: false, known: 8, total: 12 },
    tier,
  };
}

const LIST: ListEntry[] = [
  entry(1, 'reach', 41, { name: 'Hillside Internal Medicine', city: 'Albany', state: 'NY', specialty: 'internal-medicine', status: 'considering', notes: 'Coordinator said J-1 is fine', updatedAt: '2025-09-03T00:00:00.000Z' }),
  entry(2, 'realistic', 68, { name: 'Riverside Internal Medicine', city: 'Newark', state: 'NJ', specialty: 'internal-medicine', status: 'applied', notes: '', updatedAt: '2025-09-05T00:00:00.000Z' }),
  entry(3, 'safety', 85, { name: 'Prairie Community Hospital', city: 'Peoria', state: 'IL', specialty: 'family-medicine', status: 'applying', notes: 'Deadline 15 Oct', updatedAt: '2025-09-01T00:00:00.000Z' }),
  entry(4, 'ineligible', 55, { name: 'São Lucas Medical Center', city: 'Tampa', state: 'FL', specialty: 'pediatrics', status: 'considering', notes: '', updatedAt: '2025-09-04T00:00:00.000Z' }),
  entry(5, 'unknown', null, { name: 'Lakeside Family Medicine', city: null, state: null, specialty: 'family-medicine', status: 'interview', notes: '', updatedAt: '2025-09-02T00:00:00.000Z' }),
  entry(6, 'realistic', 68, { name: 'Albany Medical Center', city: 'Albany', state: 'NY', specialty: 'internal-medicine', status: 'considering', notes: '', updatedAt: '2025-09-06T00:00:00.000Z' }),
];

const names = (xs: ListEntry[]) => xs.map((x) => x.program.name);

describe('sort', () => {
  test.each<[SortKey, string[]]>([
    // Best score first; equal scores by name; no score last.
    ['score', ['Prairie Community Hospital', 'Albany Medical Center', 'Riverside Internal Medicine', 'São Lucas Medical Center', 'Hillside Internal Medicine', 'Lakeside Family Medicine']],
    ['name', ['Albany Medical Center', 'Hillside Internal Medicine', 'Lakeside Family Medicine', 'Prairie Community Hospital', 'Riverside Internal Medicine', 'São Lucas Medical Center']],
    // By state, then city, then name; no state last.
    ['state', ['São Lucas Medical Center', 'Prairie Community Hospital', 'Riverside Internal Medicine', 'Albany Medical Center', 'Hillside Internal Medicine', 'Lakeside Family Medicine']],
    ['updated', ['Albany Medical Center', 'Riverside Internal Medicine', 'São Lucas Medical Center', 'Hillside Internal Medicine', 'Lakeside Family Medicine', 'Prairie Community Hospital']],
  ])('by %s', (sort, expected) => {
    expect(names(filterList(LIST, {}, sort))).toEqual(expected);
  });

  test('does not reorder the input', () => {
    const before = names(LIST);
    filterList(LIST, {}, 'name');
    expect(names(LIST)).toEqual(before);
  });
});

describe('filter', () => {
  test.each<[string, Partial<ListFilter>, string[]]>([
    ['tier', { tier: 'realistic' }, ['Albany Medical Center', 'Riverside Internal Medicine']],
    ['state', { state: 'NY' }, ['Albany Medical Center', 'Hillside Internal Medicine']],
    ['specialty', { specialty: 'family-medicine' }, ['Lakeside Family Medicine', 'Prairie Community Hospital']],
    ['status', { status: 'considering' }, ['Albany Medical Center', 'Hillside Internal Medicine', 'São Lucas Medical Center']],
    ['tier and state together', { tier: 'reach', state: 'NY' }, ['Hillside Internal Medicine']],
    ['nothing matches', { tier: 'safety', state: 'NY' }, []],
    ['outside ids (a warning’s programs)', { ids: [LIST[0]!.program.id, LIST[3]!.program.id] }, ['Hillside Internal Medicine', 'São Lucas Medical Center']],
    ['empty ids: nothing', { ids: [] }, []],
  ])('%s', (_name, f, expected) => {
    expect(names(filterList(LIST, f, 'name'))).toEqual(expected);
  });
});

describe('search', () => {
  test.each<[string, string[]]>([
    ['albany', ['Albany Medical Center', 'Hillside Internal Medicine']], // name or city
    ['ALBANY', ['Albany Medical Center', 'Hillside Internal Medicine']],
    ['nj', ['Riverside Internal Medicine']], // state abbreviation
    ['new york', ['Albany Medical Center', 'Hillside Internal Medicine']], // state name
    ['sao lucas', ['São Lucas Medical Center']], // accents folded
    ['deadline', ['Prairie Community Hospital']], // notes
    ['coordinator j-1', ['Hillside Internal Medicine']], // every word, anywhere
    ['   ', names(filterList(LIST, {}, 'name'))], // blank: everything
    ['zzz', []],
  ])('"%s"', (query, expected) => {
    expect(names(filterList(LIST, { query }, 'name'))).toEqual(expected);
  });

  test('search combines with filters', () => {
    expect(names(filterList(LIST, { query: 'albany', tier: 'reach' }))).toEqual(['Hillside Internal Medicine']);
  });

  test.each([
    ['São Paulo', 'sao paulo'],
    ['St. Brendan’s', 'st brendans'],
    ['MERCY', 'mercy'],
  ])('fold(%s) = %s', (input, out) => expect(fold(input)).toBe(out));
});

describe('helpers', () => {
  test('isFiltered', () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, query: '  ' })).toBe(false);
    expect(isFiltered({ ...NO_FILTER, query: 'x' })).toBe(true);
    expect(isFiltered({ ...NO_FILTER, ids: [] })).toBe(true);
    expect(isFiltered({ ...NO_FILTER, status: 'applied' })).toBe(true);
  });

  test('facets: the distinct states and specialties present, sorted', () => {
    expect(facets(LIST)).toEqual({ states: ['FL', 'IL', 'NJ', 'NY'], specialties: ['family-medicine', 'internal-medicine', 'pediatrics'] });
  });

  test('mostRecent: the n most recently updated', () => {
    expect(names(mostRecent(LIST, 2))).toEqual(['Albany Medical Center', 'Riverside Internal Medicine']);
    expect(mostRecent(LIST, 99)).toHaveLength(LIST.length);
  });

  test('one index serves many filters', () => {
    const index = indexList(LIST);
    expect(applyList(index, { ...NO_FILTER, tier: 'safety' }, 'score')).toHaveLength(1);
    expect(applyList(index, { ...NO_FILTER, query: 'medicine' }, 'score')).toHaveLength(3);
  });

  test('1,000 programs filter and sort in a few milliseconds', () => {
    const many = Array.from({ length: 1000 }, (_, i) => entry(i, (['reach', 'realistic', 'safety'] as const)[i % 3]!, (i * 37) % 101, {}));
    const index = indexList(many);
    const t0 = performance.now();
    for (const q of ['a', 'al', 'alb', 'alba', 'albany']) applyList(index, { ...NO_FILTER, query: q }, 'name');
    const per = (performance.now() - t0) / 5;
    expect(applyList(index, NO_FILTER, 'score')).toHaveLength(1000);
    expect(per).toBeLessThan(50); // generous: a regression guard, not a benchmark
  });
});
