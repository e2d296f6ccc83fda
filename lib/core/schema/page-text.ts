import { z } from 'zod';

// PageText as it crosses from the content script to the background (which reads signals from it).
// Bounded, so a hostile or enormous page cannot make the background do unbounded work.

export const blockSchema = z.object({
  kind: z.enum(['heading', 'paragraph', 'list-item', 'table-row', 'qa', 'label-value']),
  text: z.string().max(5000),
  prompt: z.string().max(5000).optional(),
  level: z.number().int().min(1).max(6).optional(),
  section: z.string().max(5000).optional(),
  chrome: z.boolean(),
  locator: z.array(z.number().int().min(0)).max(20_000),
});

export const pageTextSchema = z.object({
  url: z.string().max(4000),
  title: z.string().max(2000),
  description: z.string().max(5000).optional(),
  blocks: z.array(blockSchema).max(20_000),
  ngState: z.string().max(5_000_000).optional(),
});
