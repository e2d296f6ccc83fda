import { z } from 'zod';
import { profileSchema } from './profile';
import { pageRecordSchema, programSchema } from './program';

// The whole-database backup file (DESIGN.md): one versioned envelope, validated entirely before
// anything is written.

export const BACKUP_FORMAT = 'smartpick-backup';
export const BACKUP_VERSION = 1;

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: `format must be "${BACKUP_FORMAT}" (is this a SmartPick backup?)` }),
  version: z.literal(BACKUP_VERSION, { error: `version must be ${BACKUP_VERSION}; this file is from another SmartPick version` }),
  exportedAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date-time such as 2026-11-25T10:00:00Z'),
  profile: profileSchema.nullable(),
  programs: z.array(programSchema).max(20_000),
  pages: z.array(pageRecordSchema).max(20000),
});
export type Backup = z.infer<typeof backupSchema>;
