import { z } from 'zod';
import { tierSchema } from './fit';

// The list digest (lib/core/list/digest.ts): what the toolbar popup's first screen needs from a
// long list, kept by the background so the popup does not read and score every saved program to
// draw counts and five rows per tier. Parsed with this schema wherever it is read.

const count = z.number().int().min(0);

export const listDigestSchema = z.object({
  version: z.literal(1),
  /** When the background built it (ISO). Fit depends on the application season: see digestIsCurrent. */
  builtAt: z.string(),
  /** Whether a profile was saved when it was built (no profile: every program is "not scored yet"). */
  profileSet: z.boolean(),
  /** Readable programs. */
  total: count,
  /** Stored records that failed to parse (never shown; counted). */
  skipped: count,
  /** Programs per listed tier (overrides applied). */
  counts: z.record(tierSchema, count),
  /** Programs per specialty among those applied to (not Not eligible): the ERAS fee estimate's input. */
  specialties: z.record(z.string(), count),
  /** Program ids, most recently updated first, at most a few per tier. */
  recent: z.record(tierSchema, z.array(z.string()).max(50)),
});
export type ListDigest = z.infer<typeof listDigestSchema>;
