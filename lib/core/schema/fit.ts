import { z } from 'zod';
import { evidenceSchema } from './signals';

// The fit model's output (lib/core/fit): dealbreakers first, then a score and tier with reasons.

export const tierSchema = z.enum(['reach', 'realistic', 'safety', 'ineligible', 'unknown']);
export type Tier = z.infer<typeof tierSchema>;
export const listTierSchema = z.enum(['reach', 'realistic', 'safety']);
export type ListTier = z.infer<typeof listTierSchema>;

export const fitFieldSchema = z.enum([
  'visa', 'step1', 'step2', 'attempts', 'yog', 'usce', 'imgPercent', 'programType', 'specialty', 'state',
]);
export type FitField = z.infer<typeof fitFieldSchema>;

export const dealbreakerSchema = z.object({
  field: fitFieldSchema,
  message: z.string(),
  evidence: evidenceSchema.nullable(),
});
export type Dealbreaker = z.infer<typeof dealbreakerSchema>;

export const reasonSchema = z.object({
  field: fitFieldSchema,
  text: z.string(),
  /** Points added to (or, negative, taken from) the score. */
  weight: z.number(),
  evidence: evidenceSchema.nullable(),
});
export type Reason = z.infer<typeof reasonSchema>;

export const verifySchema = z.object({
  field: fitFieldSchema,
  /** A question the applicant could ask the program coordinator. */
  question: z.string(),
});
export type VerifyItem = z.infer<typeof verifySchema>;

export const fitSchema = z.object({
  tier: tierSchema,
  score: z.number().min(0).max(100).nullable(),
  confidence: z.number().min(0).max(1),
  dealbreakers: z.array(dealbreakerSchema),
  reasons: z.array(reasonSchema),
  verify: z.array(verifySchema),
  /** The score leaned on NRMP Charting Outcomes because the page states no minimum. */
  usedOutcomes: z.boolean(),
  /** Signals known out of those the model reads ("3 of 12 facts found"). */
  known: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type Fit = z.infer<typeof fitSchema>;
