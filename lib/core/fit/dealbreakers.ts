import type { Dealbreaker } from '../schema/fit';
import type { Profile } from '../schema/profile';
import type { Signals } from '../schema/signals';
import { assess } from './assess';

// Dealbreakers are facts, not weights (FIT_MODEL principle 1): a rule the page states firmly
// (`required`, not hedged) that the applicant fails. A rule the page does not state never blocks.
// Each rule file decides its own; this is the list of them.

export function dealbreakers(profile: Profile, signals: Signals, now: Date): Dealbreaker[] {
  return assess(profile, signals, now).dealbreakers;
}
