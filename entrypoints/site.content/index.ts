import { startSession } from '../program.content/session';

// Hospital program websites: never in the manifest. Injected on demand by the popup's "Check this
// page" (activeTab + scripting) or registered at runtime when the user opts in to checking program
// sites automatically (optional host access). Costs a pre-check on pages that are not program pages.
export default defineContentScript({
  matches: ['*://*/*'],
  registration: 'runtime',
  main(ctx) {
    // Injected twice (button pressed again)? One session per page.
    const w = window as unknown as { __smartpickSite?: boolean };
    if (w.__smartpickSite) return;
    w.__smartpickSite = true;
    startSession(ctx, 'site');
  },
});
