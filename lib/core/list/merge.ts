import type { SignalField, Signals } from '../schema/signals';
import { SIGNAL_FIELDS } from '../signals/empty';

// Merging what several pages of one program say, field by field: a stated value beats silence;
// when two pages state different values, the newer read is used and the disagreement is reported
// (FREIDA and a program's own site disagree on visas for 6–8% of programs — FACTS.md).

export interface Conflict {
  field: SignalField;
  kept: { value: unknown; pageUrl: string };
  other: { value: unknown; pageUrl: string };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function mergeSignals(existing: Signals, incoming: Signals): { signals: Signals; conflicts: Conflict[] } {
  const merged = { ...existing, isProgramPage: existing.isProgramPage || incoming.isProgramPage } as Signals;
  const conflicts: Conflict[] = [];
  for (const field of SIGNAL_FIELDS) {
    const a = existing[field];
    const b = incoming[field];
    if (!b) continue;
    if (!a) {
      (merged as Record<SignalField, unknown>)[field] = b;
      continue;
    }
    // A required statement is not replaced by a mere preference about the same field.
    if (a.strength === 'required' && b.strength === 'preferred' && !b.hedged) continue;
    if (!same(a.value, b.value) && a.evidence.pageUrl !== b.evidence.pageUrl) {
      conflicts.push({ field, kept: { value: b.value, pageUrl: b.evidence.pageUrl }, other: { value: a.value, pageUrl: a.evidence.pageUrl } });
    }
    (merged as Record<SignalField, unknown>)[field] = b;
  }
  return { signals: merged, conflicts };
}
