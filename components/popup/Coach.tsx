import {
  CURRENT_FEE_SEASON, LIST_TIER_ORDER, UNKNOWN_SPECIALTY, balanceOf, feeEstimate, formatDollars, listFigures, targetCount,
  type CoachItem, type FeeSeason, type ListFigures, type TierBalance,
} from '../../lib/core/list/coach';
import type { ListTier } from '../../lib/core/schema/fit';
import type { Profile } from '../../lib/core/schema/profile';
import { TIER_WORD } from '../badge/words';
import { specialtyShort } from './words';

// The coach bar (UX.md "The popup"): one stacked bar Reach / Realistic / Safety with the target
// ranges marked under it, the count against the target ("42 of 60–80") and the ERAS fee estimate
// ("≈ $690 for 42 programs, 2026 fees"). Props in, nothing out. Colours are the popup palette's
// custom properties (light and dark); the bar is one image with its numbers in its name, and the
// same numbers are written out below it, each with its tier word (never colour alone).

export interface CoachProps {
  /** The saved programs (ListedProgram[]). */
  items?: readonly CoachItem[];
  /** The same as counts, when the rows are not at hand (the toolbar popup's list digest); wins over items. */
  figures?: ListFigures | undefined;
  /** null: no profile yet — no target, and the bar waits for scores. */
  profile: Profile | null;
  /** Which fee schedule of data/fees.json; the newest by default. */
  feeSeason?: FeeSeason;
}

const aimText = (b: TierBalance) => LIST_TIER_ORDER.map((t) => `${TIER_WORD[t]} ${b[t].target.min}–${b[t].target.max}%`).join(', ');

/** The bar's accessible name: every number it draws. */
export function balanceLabel(b: TierBalance): string {
  const parts = LIST_TIER_ORDER.map((t) => `${TIER_WORD[t]} ${b[t].count} (${b[t].percent}%)`).join(', ');
  return `Tier balance: ${parts}. Aim for ${aimText(b)}.`;
}

const bar = { display: 'flex', gap: '2px', height: '12px', borderRadius: '6px', overflow: 'hidden' };
const track = { position: 'relative', height: '6px', marginTop: '3px' } as const;
/** Where each boundary should fall: Reach ends at 15–25%, Safety starts at 75–85% (100 − its range). */
const mark = (from: number, to: number) =>
  ({ position: 'absolute', left: `${from}%`, width: `${to - from}%`, top: 0, bottom: 0, borderRadius: '3px', background: 'var(--sp-muted)' }) as const;

export function Coach({ items = [], figures, profile, feeSeason = CURRENT_FEE_SEASON }: CoachProps) {
  const f = figures ?? listFigures(items, profile);
  const b = balanceOf(f.counts);
  // Every program but Not eligible counts toward the target and the fees (coach.ts applyingTo).
  const counted = b.total - b.ineligible;
  const target = profile ? targetCount(profile) : null;
  const fee = feeEstimate(f.specialties, feeSeason);
  const reachBand = b.reach.target;
  const safetyBand = b.safety.target;

  return (
    <section class="sp-coach" aria-label="List balance" style={{ marginBottom: '10px' }}>
      <p style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: '2px 10px', marginBottom: '4px' }}>
        <span>
          <strong>{target ? `${counted} of ${target.min}–${target.max}` : `${counted}`}</strong>
          {` ${counted === 1 && !target ? 'program' : 'programs'}`}
        </span>
        <span>
          {`≈ ${formatDollars(fee.total)} for ${counted} ${counted === 1 ? 'program' : 'programs'}, ${fee.season} fees`}
        </span>
      </p>

      {b.scored > 0 ? (
        <>
          <div role="img" aria-label={balanceLabel(b)} data-testid="sp-coach-bar">
            <div style={bar}>
              {LIST_TIER_ORDER.filter((t) => b[t].count > 0).map((t: ListTier) => (
                <span key={t} data-tier={t} style={{ flexGrow: b[t].count, flexBasis: 0, minWidth: '4px', background: 'var(--sp-c)' }} />
              ))}
            </div>
            <div style={track}>
              <span style={mark(reachBand.min, reachBand.max)} />
              <span style={mark(100 - safetyBand.max, 100 - safetyBand.min)} />
            </div>
          </div>
          <p style={{ display: 'flex', flexWrap: 'wrap', gap: '0 10px', marginTop: '4px' }}>
            {LIST_TIER_ORDER.map((t) => (
              <span key={t} data-tier={t} style={{ display: 'inline-flex', alignItems: 'center', gap: '4px' }}>
                <span class="sp-dot" style={{ color: 'var(--sp-c)' }} aria-hidden="true" />
                {`${TIER_WORD[t]} ${b[t].count} (${b[t].percent}%)`}
              </span>
            ))}
          </p>
          <p class="sp-hint" style={{ marginTop: 0 }}>
            {`Aim for ${aimText(b)} (grey marks: where Reach should end and Safety begin).`}
          </p>
        </>
      ) : (
        <p class="sp-hint">{profile ? 'No scored programs yet: the balance shows once programs are scored.' : 'Set up your profile to see how your list is balanced.'}</p>
      )}

      {fee.perSpecialty.length > 1 && (
        <p class="sp-hint">
          {`ERAS charges per specialty: ${fee.perSpecialty.map((s) => `${!s.specialty || s.specialty === UNKNOWN_SPECIALTY ? 'specialty not stated' : specialtyShort(s.specialty)} ${s.count} → ${formatDollars(s.fee)}`).join(' · ')}`}
        </p>
      )}
      {target && (
        <p class="sp-hint">
          {`Target ${target.min}–${target.max}: ${target.why}`}
          {target.source && ` ${target.source}`}
        </p>
      )}
    </section>
  );
}
