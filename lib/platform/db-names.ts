// The database's name, version and keys, in a module of their own: the popup's prefetch script
// (entrypoints/popup-prefetch.ts) needs them and must not pull in idb or zod.

export const DB_NAME = 'smartpick';
export const DB_VERSION = 3;
export const PROFILE_KEY = 'me';
/** The 'views' store: values the background derives from the others (a cache: every write drops it). */
export const VIEWS_STORE = 'views';
/** Key of the list digest in the views store (lib/core/list/digest.ts). */
export const DIGEST_KEY = 'list-digest';
