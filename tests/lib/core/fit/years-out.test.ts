import { describe, expect, test } from 'vitest';
import { trainingStartYear, yearsOut } from '../../../../lib/core/fit/years-out';

// FIT_MODEL principle 5: training starts in July after the next Match; from June on, that is next year.

describe('trainingStartYear', () => {
  test.each([
    ['2026-01-01T00:00:00Z', 2026],
    ['2026-05-31T23:59:59Z', 2026],
    ['2026-06-01T00:00:00Z', 2027],
    ['2026-09-15T12:00:00Z', 2027],
    ['2026-12-31T23:59:59Z', 2027],
  ])('%s → %i', (iso, year) => expect(trainingStartYear(new Date(iso))).toBe(year));
});

describe('yearsOut', () => {
  test.each([
    [2021, '2026-05-31T12:00:00Z', 5],
    [2021, '2026-06-01T12:00:00Z', 6],
    [2026, '2026-03-01T12:00:00Z', 0],
    [2027, '2026-03-01T12:00:00Z', -1],
  ])('graduated %i, now %s → %i', (year, iso, out) => expect(yearsOut(year, new Date(iso))).toBe(out));
});
