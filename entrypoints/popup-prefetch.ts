import { startListPrefetch } from '@/lib/platform/list-prefetch';

// Runs from popup.html's <head> before the main bundle loads: starts reading the saved list
// (lib/platform/list-prefetch.ts). Kept tiny on purpose: no idb, no zod, no Preact.
export default defineUnlistedScript(() => startListPrefetch());
