import { describe, expect, test } from 'vitest';
import { v001ToV002Program } from '../../../../lib/core/migrations/v001-to-v002';
import { programSchema } from '../../../../lib/core/schema/program';
import v1 from '../../../fixtures/db/v1.json';

const base = { id: 'acgme:1403521187', addedAt: '2025-08-14T15:02:30.512Z' };

describe('v001ToV002Program', () => {
  test.each([
    ['backfills updatedAt from addedAt', base, { updatedAt: base.addedAt }],
    ['defaults notes to empty', base, { notes: '' }],
    ['defaults status to considering', base, { status: 'considering' }],
    ['keeps an updatedAt already there', { ...base, updatedAt: '2025-09-01T00:00:00.000Z' }, { updatedAt: '2025-09-01T00:00:00.000Z' }],
    ['keeps notes already there', { ...base, notes: 'call Tuesday' }, { notes: 'call Tuesday' }],
    ['keeps a status already there', { ...base, status: 'applied' }, { status: 'applied' }],
    ['leaves updatedAt missing when addedAt is missing too', { id: 'x' }, { notes: '', status: 'considering' }],
  ])('%s', (_why, input, expected) => {
    expect(v001ToV002Program(input)).toMatchObject(expected);
  });

  test('passes every other field through untouched', () => {
    const record = { ...base, name: 'Riverside IM', urls: ['https://a.example/im'], signals: { isProgramPage: true }, extra: 1 };
    expect(v001ToV002Program(record)).toEqual({ ...record, updatedAt: base.addedAt, notes: '', status: 'considering' });
  });

  test('is pure: the input record is not changed', () => {
    const record = { ...base };
    v001ToV002Program(record);
    expect(record).toEqual(base);
  });

  test('is idempotent', () => {
    const once = v001ToV002Program(base);
    expect(v001ToV002Program(once)).toEqual(once);
  });

  test.each([[null], [42], ['text'], [[1, 2]], [undefined]])('hands back a non-record (%j) unchanged for the read path to report', (junk) => {
    expect(v001ToV002Program(junk)).toBe(junk);
  });

  test('v1 fixture programs do not parse as v2 before the step and all do after it', () => {
    for (const record of v1.programs) {
      expect(programSchema.safeParse(record).success).toBe(false); // no updatedAt in v1
      expect(programSchema.safeParse(v001ToV002Program(record)).success).toBe(true);
    }
  });
});
