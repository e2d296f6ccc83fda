import { v001ToV002Program } from './v001-to-v002';

// Every database version step, in order, with the pure record transforms it needs. lib/platform/db.ts
// owns the schema half (stores, indexes) and applies these inside the upgrade transaction; tests
// check each step against the fixture of the version before (tests/fixtures/db/vNNN.json).
//
// To add version N: write vNNN-to-vMMM.ts (record in → record out, no storage), list it here, add
// its schema step in db.ts, and freeze tests/fixtures/db/v<N-1>.json if it is not there yet.

export type StoreName = 'profile' | 'programs' | 'pages';
/** Takes whatever the store holds (never trusted) and returns the record for the next version. */
export type RecordMigration = (record: unknown) => unknown;

export interface MigrationStep {
  from: number;
  to: number;
  /** Stores whose records change in this step; stores not named keep their records as they are. */
  records: Partial<Record<StoreName, RecordMigration>>;
}

export const MIGRATIONS: readonly MigrationStep[] = [
  { from: 1, to: 2, records: { programs: v001ToV002Program } },
  // v3 adds the 'views' store (the list digest, rebuilt by the background); records unchanged.
  { from: 2, to: 3, records: {} },
];

/** The version the current code writes. */
export const LATEST_DB_VERSION = MIGRATIONS.reduce((v, m) => Math.max(v, m.to), 1);

/** The record transform for `store` from `fromVersion` up to `toVersion`, steps applied in order. */
export function migrationFor(store: StoreName, fromVersion: number, toVersion: number): RecordMigration | null {
  const fns = MIGRATIONS.filter((m) => m.from >= fromVersion && m.to <= toVersion)
    .map((m) => m.records[store])
    .filter((f): f is RecordMigration => f !== undefined);
  if (fns.length === 0) return null;
  return (record) => fns.reduce((r, f) => f(r), record);
}
