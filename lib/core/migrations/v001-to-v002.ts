// Database version 1 → 2: program records gain `updatedAt`, `notes` and `status`.
//
// Version 1 wrote programs before the list could be edited, so a v1 record has no notes, no status
// and no update time. Version 2 sorts the list by `updatedAt` (the popup shows the most recent
// first), so every record needs one: the best we know is when it was added.
//
// The input is whatever the store holds (stored data is never trusted), so anything that is not a
// plain object is handed back unchanged: the read path reports and skips it instead of the upgrade
// failing and locking the user out of every good record.

/** A program as database version 1 wrote it (only the fields this step reads). */
export interface ProgramRecordV1 {
  id: string;
  addedAt: string;
  [field: string]: unknown;
}

/** What this step guarantees on top of v1 (the rest of the record is passed through). */
export interface ProgramRecordV2 extends ProgramRecordV1 {
  updatedAt: string;
  notes: string;
  status: string;
}

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

export function v001ToV002Program(record: ProgramRecordV1): ProgramRecordV2;
export function v001ToV002Program(record: unknown): unknown;
export function v001ToV002Program(record: unknown): unknown {
  if (!isPlainObject(record)) return record;
  const out: Record<string, unknown> = { ...record };
  if (out.updatedAt === undefined && out.addedAt !== undefined) out.updatedAt = out.addedAt;
  if (out.notes === undefined) out.notes = '';
  if (out.status === undefined) out.status = 'considering';
  return out;
}
