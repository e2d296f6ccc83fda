import { z } from 'zod';

// What the reader found on a page. Every value carries its strength and the sentence it came from.

export const strengthSchema = z.enum(['required', 'preferred']);
export type Strength = z.infer<typeof strengthSchema>;

export const evidenceSchema = z.object({
  pageUrl: z.string(),
  quote: z.string(),
  /** The question or label the quote answers, when the quote alone ("Yes") would not say what it means. */
  context: z.string().optional(),
  blockIndex: z.number().int().min(-1), // -1: came from the URL or embedded data, not a visible block
  readAt: z.string().optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

const signal = <T extends z.ZodType>(value: T) =>
  z
    .object({
      value,
      strength: strengthSchema,
      /** A rule stated with exceptions ("generally 200", "unless…"): shown as a rule, weighed as a preference. */
      hedged: z.boolean().optional(),
      evidence: evidenceSchema,
    })
    .nullable();

export const visaValueSchema = z.enum(['yes', 'no', 'conditional']);
export type VisaValue = z.infer<typeof visaValueSchema>;

export const programTypeSchema = z.enum(['community', 'community-university-affiliated', 'university']);
export type ProgramType = z.infer<typeof programTypeSchema>;

export const attemptsValueSchema = z.object({
  firstAttemptOnly: z.boolean(),
  /** Attempts allowed per exam, when stated ("within 2 attempts" → 2). */
  maxAttempts: z.number().int().min(1).nullable(),
});

export const yogValueSchema = z.union([
  z.object({ maxYears: z.number().min(0).max(60) }),
  z.object({ earliestYear: z.number().int().min(1900).max(2200) }),
]);
export type YogValue = z.infer<typeof yogValueSchema>;

export const usceValueSchema = z.object({
  status: z.enum(['required', 'preferred', 'not-required']),
  minMonths: z.number().min(0).max(120).nullable(),
  /** true: observerships count; false: hands-on only; null: not said. */
  observershipsCount: z.boolean().nullable(),
});
export type UsceValue = z.infer<typeof usceValueSchema>;

export const signalsSchema = z.object({
  isProgramPage: z.boolean(),
  specialty: signal(z.string()),
  programType: signal(programTypeSchema),
  state: signal(z.string().regex(/^[A-Z]{2}$/)),
  visaJ1: signal(visaValueSchema),
  visaH1b: signal(visaValueSchema),
  step1MinScore: signal(z.number().min(1).max(300)),
  step2MinScore: signal(z.number().min(1).max(300)),
  attempts: signal(attemptsValueSchema),
  yog: signal(yogValueSchema),
  usce: signal(usceValueSchema),
  imgPercent: signal(z.number().min(0).max(100)),
});
export type Signals = z.infer<typeof signalsSchema>;
export type Signal<T> = { value: T; strength: Strength; hedged?: boolean; evidence: Evidence } | null;
export type SignalField = Exclude<keyof Signals, 'isProgramPage'>;

