import type { SignalField, Signals } from '../schema/signals';
import { SIGNAL_FIELDS } from '../signals/empty';

// Merging what several pages of one program say, field by field: a stated value beats silence;
// when two pages state different values, one is used (the newer read unless told otherwise) and
// the disagreement is reported
// (FREIDA and a program's own site disagree on visas for 6–8% of programs — FACTS.md).

export interface Conflict {
  field: SignalField;
  kept: { value: unknown; pageUrl: string };
  other: { value: unknown; pageUrl: string };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const FIELD_WORDS: Record<string, string> = {
  visaJ1: 'J-1 visa', visaH1b: 'H-1B visa', step1MinScore: 'Step 1 minimum', step2MinScore: 'Step 2 CK minimum',
  attempts: 'Attempts', yog: 'Graduation limit', usce: 'US clinical experience', imgPercent: 'IMG share',
  programType: 'Setting', specialty: 'Specialty', state: 'State',
};

/** A value as a person reads it: "conditional", "220", "within 5 years", "required, 2 months". */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'not stated';
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  if ('maxYears' in v) return `within ${v.maxYears} years of graduation`;
  if ('earliestYear' in v) return `graduated ${v.earliestYear} or later`;
  if ('firstAttemptOnly' in v) return v.firstAttemptOnly ? 'first attempt only' : `attempts accepted${v.maxAttempts ? ` (up to ${v.maxAttempts})` : ''}`;
  if ('status' in v) return `${v.status}${v.minMonths ? `, ${v.minMonths} months` : ''}`;
  return JSON.stringify(value);
}

/** Conflicts as stored with the program: field words and both statements with their pages. */
export function conflictRecords(conflicts: Conflict[]): { field: string; values: { text: string; pageUrl: string }[] }[] {
  return conflicts.map((c) => ({
    field: FIELD_WORDS[c.field] ?? c.field,
    values: [
      { text: describeValue(c.kept.value), pageUrl: c.kept.pageUrl },
      { text: describeValue(c.other.value), pageUrl: c.other.pageUrl },
    ],
  }));
}

/**
 * `prefer` decides which of two differing statements of equal weight is used: 'incoming' (the
 * newer read: saving a page again, linking entries) or 'existing' (reading a program's other pages:
 * the open page first, then its linked pages in rank order). Either way the other one is reported.
 */
export function mergeSignals(
  existing: Signals,
  incoming: Signals,
  { prefer = 'incoming' }: { prefer?: 'incoming' | 'existing' } = {},
): { signals: Signals; conflicts: Conflict[] } {
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
    const keepA = prefer === 'existing' && !(a.strength === 'preferred' && !a.hedged && b.strength === 'required');
    const [kept, other] = keepA ? [a, b] : [b, a];
    if (!same(a.value, b.value) && a.evidence.pageUrl !== b.evidence.pageUrl) {
      conflicts.push({ field, kept: { value: kept.value, pageUrl: kept.evidence.pageUrl }, other: { value: other.value, pageUrl: other.evidence.pageUrl } });
    }
    (merged as Record<SignalField, unknown>)[field] = kept;
  }
  return { signals: merged, conflicts };
}
