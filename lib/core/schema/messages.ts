import { z } from 'zod';
import { backupSchema } from './backup';
import { profileSchema } from './profile';
import { listTierSchema } from './fit';
import { statusSchema } from './program';
import { pageTextSchema } from './page-text';
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
  /**
   * A content script read a page's text: the background reads its signals (the rules and their
   * tables stay out of the content script), fits them to the profile and says whether it is saved.
   * `signals` instead of `text`: re-evaluate signals already read (after a profile change).
   */
  z.object({ type: z.literal('page/evaluate'), page: pageRef, text: pageTextSchema.optional(), signals: signalsSchema.optional() })
    .refine((m) => m.text !== undefined || m.signals !== undefined, 'page/evaluate needs text or signals'),
  /** Add (or re-read) a program from a page; the badge's tier menu saves with an override. */
  z.object({ type: z.literal('program/save'), page: pageRef, signals: signalsSchema, tierOverride: listTierSchema.optional() }),
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
  /** The user says two saved entries are one program: `from` is merged into `into` and removed. */
  z.object({ type: z.literal('program/link'), from: z.string().min(1).max(500), into: z.string().min(1).max(500) }),
  z.object({ type: z.literal('backup/export') }),
  z.object({ type: z.literal('backup/import'), backup: backupSchema }),
  z.object({ type: z.literal('data/delete-all') }),
  z.object({ type: z.literal('settings/get') }),
  /** "Check program sites automatically": the popup has already obtained the host permission. */
  z.object({ type: z.literal('settings/auto-check'), enabled: z.boolean() }),
  /** Open an extension view in a tab (the badge's "Set up your profile" and "Open list"). */
  z.object({ type: z.literal('ui/open'), view: z.enum(['profile', 'list']) }),
]);
export type Message = z.infer<typeof messageSchema>;
export type MessageType = Message['type'];

export { CHANGED_NOTICE, CONTENT_SCRIPT_TYPES } from './message-rules';

export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: string };
