import type { MessageType } from './messages';

// Message constants without zod, so the content script can import them (validation stays in the
// background, where messages.ts parses everything).

/** What a content script (a web page's context) may ask; everything else needs an extension page. */
export const CONTENT_SCRIPT_TYPES: ReadonlySet<MessageType> = new Set<MessageType>([
  'page/evaluate', 'program/save', 'program/remove', 'ui/open',
  // Reading the program's other pages: the background checks each URL against the sender's site.
  'site/fetch', 'site/read',
]);

/** Sent by the background to tabs after any change, so open badges refresh. */
export const CHANGED_NOTICE = 'smartpick/changed' as const;
