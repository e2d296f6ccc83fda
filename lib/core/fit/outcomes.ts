import type { Profile } from '../schema/profile';
import type { Signals } from '../schema/signals';
import { MODEL, OUTCOMES, type Quartiles } from './model';

// Which NRMP outcome figures a program without a stated minimum is compared with: the page's
// specialty; when the page does not name one, the applicant's first target specialty; when that
// specialty is not in the table (surgery, radiology, …), the documented fallback of
// data/fit-model.json, and lower confidence.

export interface OutcomeReference {
  matched: Quartiles;
  /** "internal medicine"; null when the fallback figures are used. */
  specialtyName: string | null;
  from: 'page' | 'profile' | 'fallback';
}

export function outcomeReference(p: Profile, s: Signals): OutcomeReference {
  const page = s.specialty?.value;
  const slug = page ?? p.specialties[0];
  const row = slug === undefined ? undefined : OUTCOMES[slug];
  if (row) return { matched: row.matched, specialtyName: row.name.toLowerCase(), from: page ? 'page' : 'profile' };
  return { matched: MODEL.outcomesFallback, specialtyName: null, from: 'fallback' };
}
