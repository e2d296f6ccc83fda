import { z } from 'zod';

// One data row of an applicant's own spreadsheet, as read from its CSV: the cells as text, not yet
// checked. lib/core/list/import-plan.ts checks them and names the bad row ("row 4: url: must be a web
// address"); the bounds here only keep a message from carrying anything absurd, so a long but
// fixable cell is reported by the plan, row and field, rather than refused as a bad message.

export const importRowSchema = z.object({
  /** The row's number as a spreadsheet shows it: the column names are row 1, the first program row 2. */
  row: z.number().int().min(1).max(1_000_000),
  name: z.string().max(2000),
  url: z.string().max(8000),
  specialty: z.string().max(2000).optional(),
  tier: z.string().max(2000).optional(),
  status: z.string().max(2000).optional(),
  notes: z.string().max(100_000).optional(),
});
export type ImportRow = z.infer<typeof importRowSchema>;

/** Most programs one CSV import may bring (a long list is 60–100). */
export const MAX_IMPORT_ROWS = 5000;
