import { z } from 'zod';
import { listTierSchema } from './fit';
import { signalsSchema } from './signals';

// Records the database keeps: saved programs and the pages they were read from.

export const statusSchema = z.enum(['considering', 'applying', 'applied', 'interview', 'rejected', 'withdrawn']);
export type ProgramStatus = z.infer<typeof statusSchema>;

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date-time such as 2026-11-25T10:00:00Z');

/** A page SmartPick read for a saved program; kept only while a saved program needs it. */
export const pageRecordSchema = z.object({
  url: z.string().url('must be a web address'),
  programId: z.string().min(1),
  title: z.string().max(1000),
  readAt: isoDate,
  signals: signalsSchema,
});
export type PageRecord = z.infer<typeof pageRecordSchema>;

/** Two pages of one program that state different values for a field: both kept, shown side by side. */
export const conflictSchema = z.object({
  field: z.string().max(40),
  values: z.array(z.object({ text: z.string().max(300), pageUrl: z.string().max(4000) })).min(2).max(5),
});
export type ProgramConflict = z.infer<typeof conflictSchema>;

export const programSchema = z.object({
  /** "acgme:<10 digits>" when a page shows the ACGME id, else "site:<registrable domain>|<specialty>". */
  id: z.string().min(1).max(500),
  name: z.string().min(1, 'must not be empty').max(300),
  acgmeId: z.string().regex(/^\d{10}$/, 'must be a 10-digit ACGME id').nullable().default(null),
  specialty: z.string().nullable().default(null),
  city: z.string().max(100).nullable().default(null),
  state: z.string().regex(/^[A-Z]{2}$/).nullable().default(null),
  /** The program's pages, most recent read first. */
  urls: z.array(z.string().url('must be a web address')).min(1).max(50),
  /** Merged signals of its pages. */
  signals: signalsSchema,
  tierOverride: listTierSchema.nullable().default(null),
  status: statusSchema.default('considering'),
  notes: z.string().max(20_000).default(''),
  /** Fields whose pages disagree (FREIDA says no H-1B, the program's FAQ says case by case). */
  conflicts: z.array(conflictSchema).max(50).default([]),
  addedAt: isoDate,
  updatedAt: isoDate,
});
export type Program = z.infer<typeof programSchema>;
export type ProgramInput = z.input<typeof programSchema>;
