import { z } from 'zod';
import { backupSchema } from './backup';
import { importRowSchema, MAX_IMPORT_ROWS } from './import-row';
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
  z.object({
    type: z.literal('page/evaluate'),
    page: pageRef,
    text: pageTextSchema.optional(),
    signals: signalsSchema.optional(),
    /** Site reading: the program's other pages read so far, merged into `signals` (the open page's own). */
    pages: z.array(z.object({ url: z.string().url().max(4000), title: z.string().max(1000), signals: signalsSchema })).max(8).optional(),
  })
    .refine((m) => m.text !== undefined || m.signals !== undefined, 'page/evaluate needs text or signals'),
  /** Add (or re-read) a program from a page; the badge's tier menu saves with an override. */
  z.object({
    type: z.literal('program/save'),
    page: pageRef,
    signals: signalsSchema,
    tierOverride: listTierSchema.optional(),
    /** The program's other pages read with it (site reading): merged into it, their URLs kept. */
    pages: z.array(z.object({ url: z.string().url().max(4000), title: z.string().max(1000), signals: signalsSchema })).max(8).optional(),
  }),
  /**
   * Site reading (content script → background): fetch one of the program's other pages, which
   * must be on the sender page's site. Answers { html, url } or { cached, title, readAt } (read
   * within the last day) or { error }. `from`: the page that links to it.
   */
  z.object({ type: z.literal('site/fetch'), url: z.string().url().max(4000), from: z.string().url().max(4000) }),
  /**
   * The text of a page site/fetch returned (parsed in the content script): its signals, cached with
   * the best links found on it (so a later visit reads the second level from the cache too).
   */
  z.object({
    type: z.literal('site/read'),
    url: z.string().url().max(4000),
    text: pageTextSchema,
    links: z.array(z.object({ href: z.string().url().max(4000), text: z.string().max(300) })).max(8).default([]),
  }),
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
  /**
   * Restore a backup file. 'merge' (the default) adds the file's programs and keeps the newer copy
   * of each; 'replace' makes the database equal to the file. Default merge: an import never deletes
   * unless asked to.
   */
  z.object({ type: z.literal('backup/import'), backup: backupSchema, mode: z.enum(['replace', 'merge']).default('merge') }),
  /** Add a program by hand, before any of its pages has been read. */
  z.object({ type: z.literal('program/add-manual'), name: z.string().max(2000), url: z.string().max(8000), specialty: z.string().max(200).nullable() }),
  /** Rows of the applicant's own spreadsheet (lib/core/list/csv.ts), applied all or nothing. */
  z.object({ type: z.literal('programs/import-rows'), rows: z.array(importRowSchema).min(1).max(MAX_IMPORT_ROWS) }),
  z.object({ type: z.literal('data/delete-all') }),
  z.object({ type: z.literal('settings/get') }),
  /** "Read the program's other pages" on or off. */
  z.object({ type: z.literal('settings/read-site'), enabled: z.boolean() }),
  /** "Check program sites automatically": the popup has already obtained the host permission. */
  z.object({ type: z.literal('settings/auto-check'), enabled: z.boolean() }),
  /** Open an extension view in a tab (the badge's "Set up your profile" and "Open list"). */
  z.object({ type: z.literal('ui/open'), view: z.enum(['profile', 'list']) }),
]);
export type Message = z.infer<typeof messageSchema>;
export type MessageType = Message['type'];

export { CHANGED_NOTICE, CONTENT_SCRIPT_TYPES } from './message-rules';

export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: string };
