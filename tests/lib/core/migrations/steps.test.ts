import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LATEST_DB_VERSION, MIGRATIONS, migrationFor, type StoreName } from '../../../../lib/core/migrations/index';
import { profileSchema } from '../../../../lib/core/schema/profile';
import { pageRecordSchema, programSchema } from '../../../../lib/core/schema/program';

// One fixture per database version (tests/fixtures/db/vNNN.json), and for every adjacent pair the
// step's migrations must turn the older fixture into the newer one exactly.

const FIXTURES = resolve(__dirname, '../../../fixtures/db');
const STORES: StoreName[] = ['profile', 'programs', 'pages'];
type Fixture = { version: number; profile: unknown; programs: unknown[]; pages: unknown[] };
const load = (v: number): Fixture => JSON.parse(readFileSync(resolve(FIXTURES, `v${v}.json`), 'utf8')) as Fixture;
const records = (f: Fixture, store: StoreName): unknown[] => (store === 'profile' ? (f.profile === null ? [] : [f.profile]) : f[store]);

describe('database migrations', () => {
  test('steps are adjacent and start at version 1', () => {
    MIGRATIONS.forEach((m, i) => {
      expect(m.to).toBe(m.from + 1);
      expect(m.from).toBe(i + 1);
    });
  });

  test.each(Array.from({ length: LATEST_DB_VERSION }, (_, i) => i + 1))('a fixture exists for version %i', (v) => {
    expect(existsSync(resolve(FIXTURES, `v${v}.json`))).toBe(true);
    expect(load(v).version).toBe(v);
  });

  test.each(MIGRATIONS.map((m) => [m.from, m.to] as const))('v%i fixture migrates to the v%i fixture', (from, to) => {
    const older = load(from);
    const newer = load(to);
    for (const store of STORES) {
      const migrate = migrationFor(store, from, to) ?? ((r: unknown) => r);
      expect(records(older, store).map(migrate), store).toEqual(records(newer, store));
    }
  });

  test('the latest fixture parses with the current schemas', () => {
    const latest = load(LATEST_DB_VERSION);
    expect(profileSchema.safeParse(latest.profile).success).toBe(true);
    for (const p of latest.programs) expect(programSchema.safeParse(p).error).toBeUndefined();
    for (const p of latest.pages) expect(pageRecordSchema.safeParse(p).error).toBeUndefined();
  });

  test('migrationFor composes the steps in order and skips stores a step does not touch', () => {
    expect(migrationFor('pages', 1, 2)).toBeNull();
    expect(migrationFor('programs', 2, 2)).toBeNull();
    expect(migrationFor('programs', 0, 2)).not.toBeNull(); // a fresh database runs the steps over empty stores
  });
});
