import { describe, expect, test } from 'vitest';
import { SiteBudget } from '../../../../lib/core/site/budget';

// The background's cap on pages fetched per page session.

describe('SiteBudget', () => {
  test('at most `max` distinct pages per session; a page already counted may be asked again', () => {
    const b = new SiteBudget(2);
    expect(b.take('s', 'https://x.org/a', 0)).toBe(true);
    expect(b.take('s', 'https://x.org/b', 0)).toBe(true);
    expect(b.take('s', 'https://x.org/c', 0)).toBe(false);
    expect(b.take('s', 'https://x.org/a', 0)).toBe(true);
    expect(b.has('s', 'https://x.org/b')).toBe(true);
    expect(b.has('s', 'https://x.org/c')).toBe(false);
  });

  test('sessions are counted apart, and forgotten after a while', () => {
    const b = new SiteBudget(1, 1000);
    expect(b.take('s1', 'https://x.org/a', 0)).toBe(true);
    expect(b.take('s2', 'https://x.org/b', 0)).toBe(true);
    expect(b.take('s1', 'https://x.org/c', 500)).toBe(false);
    expect(b.take('s1', 'https://x.org/c', 2000)).toBe(true);
    expect(b.has('s2', 'https://x.org/b')).toBe(false);
  });

  test('only the most recent sessions are kept', () => {
    const b = new SiteBudget(8, 60_000, 3);
    for (const s of ['a', 'b', 'c', 'd']) b.take(s, 'https://x.org/p', 0);
    expect(b.has('a', 'https://x.org/p')).toBe(false);
    expect(b.has('d', 'https://x.org/p')).toBe(true);
  });
});
