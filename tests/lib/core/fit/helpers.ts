import { profileSchema, type Profile, type ProfileInput } from '../../../../lib/core/schema/profile';
import type { Signals, Strength } from '../../../../lib/core/schema/signals';
import { emptySignals } from '../../../../lib/core/signals/empty';

// Small builders for fit tests: a Signals object from the fields a row states, and a Profile from
// the calibration table's default applicant with a few figures changed.

type Stated<T> = NonNullable<T> extends { value: infer V } ? V : never;
type Opts = { strength?: Strength; hedged?: boolean; quote?: string };

let block = 0;
export function sig<V>(value: V, opts: Opts = {}) {
  return {
    value,
    strength: opts.strength ?? ('required' as Strength),
    ...(opts.hedged !== undefined ? { hedged: opts.hedged } : {}),
    evidence: { pageUrl: 'https://example.org/residency/faq', quote: opts.quote ?? `stated: ${JSON.stringify(value)}`, blockIndex: block++ },
  };
}

/** Signals from plain values (`{ visaJ1: 'yes' }`) or full signals (`{ visaJ1: sig('no', { hedged: true }) }`). */
export function signals(values: { [K in Exclude<keyof Signals, 'isProgramPage'>]?: Stated<Signals[K]> | Signals[K] }): Signals {
  const s = emptySignals(true) as Record<string, unknown>;
  for (const [k, v] of Object.entries(values)) {
    s[k] = v !== null && typeof v === 'object' && 'strength' in v && 'evidence' in v ? v : v === null ? null : sig(v);
  }
  return s as unknown as Signals;
}

/** FIT_MODEL calibration defaults: IM, needs J-1, Step 1 passed first attempt, within 3 years, 6 months hands-on. */
export const NOW = new Date('2026-09-15T12:00:00Z'); // application season for a July 2027 start
export function profile(over: Partial<ProfileInput> = {}): Profile {
  return profileSchema.parse({
    step1: { result: 'pass', score: null, attempts: 1 },
    step2ck: { score: 240, attempts: 1 },
    step3: { passed: false },
    graduationYear: 2024,
    visa: 'j1',
    usce: { months: 6, handsOn: true },
    specialties: ['internal-medicine'],
    ...over,
  });
}

export const step2 = (score: number | null, attempts = score === null ? 0 : 1) => ({ step2ck: { score, attempts } });
