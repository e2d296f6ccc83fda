import { startSession } from './session';

// FREIDA: a static content script, because applicants reach program pages from search lists by
// client-side routing; it acts only on /program/<id> routes (session.ts).
export default defineContentScript({
  matches: ['https://freida.ama-assn.org/*'],
  runAt: 'document_idle',
  main(ctx) {
    startSession(ctx, 'freida');
  },
});
