import { z } from 'zod';
import { backupSchema } from './backup';
import { profileSchema } from './profile';
import { listTierSchema } from './fit';
import { statusSchema } from './program';
import { signalsSchema } from './signals';

// Every runtime message is one member of this union, named by what it does. The background parses
// before acting and answers { ok: true, data } | { ok: false, error }.

const pageRef = z.object({
  url: z.string().url().max(4000),
  title: z.string().max(1000),
  /** The program's name as the page shows it (FREIDA heading, page title). */
  name: z.string().max(300).optional(),
});

export const messageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('profile/get') }),
  z.object({ type: z.literal('profile/set'), profile: profileSchema }),
  z.object({ type: z.literal('list/get') }),
  /** A content script read a page: fit it against the profile and say whether it is saved. */
  z.object({ type: z.literal('page/evaluate'), page: pageRef, signals: signalsSchema }),
  z.object({ type: z.literal('program/save'), page: pageRef, signals: signalsSchema }),
  z.object({ type: z.literal('program/remove'), id: z.string().min(1).max(500) }),
  z.object({
    type: z.literal('program/update'),
    id: z.string().min(1).max(500),
    patch: z
      .object({
        tierOverride: listTierSchema.nullable().optional(),
        status: statusSchema.optional(),
        notes: z.string().max(20_000).optional(),
        name: z.string().min(1).max(300).optional(),
      })
      .strict(),
  }),
  z.object({ type: z.literal('backup/export') }),
  z.object({ type: z.literal('backup/import'), backup: backupSchema }),
  z.object({ type: z.literal('data/delete-all') }),
]);
export type Message = z.infer<typeof messageSchema>;
export type MessageType = Message['type'];

/** What a content script (a web page's context) may ask; everything else needs an extension page. */
export const CONTENT_SCRIPT_TYPES: ReadonlySet<MessageType> = new Set(['page/evaluate', 'program/save', 'program/remove']);

/** Sent by the background to tabs after any change, so open badges refresh. */
export const CHANGED_NOTICE = 'smartpick/changed' as const;

export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: string };
