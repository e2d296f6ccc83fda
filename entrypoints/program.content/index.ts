import { extractSignals } from '@/lib/core/signals/index';
import { freidaProgramId } from '@/lib/core/freida';
import { precheck } from '@/lib/core/signals/detect';
import { readPageText, readPrecheckInput } from '@/lib/platform/page-text';

// FREIDA program pages: a cheap pre-check, then one read of the page into signals. The fit badge
// (issue 4) mounts from here; until then the signals are logged for developers.
export default defineContentScript({
  matches: ['https://freida.ama-assn.org/*'],
  runAt: 'document_idle',
  main() {
    const url = location.href;
    if (!freidaProgramId(url)) return;
    if (!precheck(readPrecheckInput(document, url))) return;
    const signals = extractSignals(readPageText(document, url), new Date().toISOString());
    if (import.meta.env.DEV) console.debug('[SmartPick] signals', signals);
  },
});
