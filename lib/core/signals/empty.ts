import type { SignalField, Signals } from '../schema/signals';

// Runtime helpers kept apart from the zod schemas: the content script imports these, and zod in a
// content script would cost ~25 KB gzipped (validation happens in the background).

export const SIGNAL_FIELDS: SignalField[] = [
  'specialty', 'programType', 'state', 'visaJ1', 'visaH1b', 'step1MinScore', 'step2MinScore',
  'attempts', 'yog', 'usce', 'imgPercent',
];

export function emptySignals(isProgramPage = false): Signals {
  return {
    isProgramPage,
    specialty: null, programType: null, state: null, visaJ1: null, visaH1b: null,
    step1MinScore: null, step2MinScore: null, attempts: null, yog: null, usce: null, imgPercent: null,
  };
}
