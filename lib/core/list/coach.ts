import { z } from 'zod';
import coachData from '../../../data/coach.json';
import feesData from '../../../data/fees.json';
import outcomesData from '../../../data/outcomes.json';
import type { Fit, FitField, ListTier, Tier } from '../schema/fit';
import type { Profile } from '../schema/profile';
import type { Program } from '../schema/program';
import type { Signal, VisaValue } from '../schema/signals';

// The coach (issue 5, item 3; UX.md "coach bar"): how the list is balanced across tiers, how many
// programs to aim for, what ERAS will charge, and the few things worth a look. Every number comes
// from data/coach.json, data/fees.json and data/outcomes.json, parsed here once; every word is calm
// and factual (UX.md "Words": "Needs H-1B", never "visa mismatch", never a match promise).

/** A list row as the popup has it (structurally components/popup/types.ts ListedProgram). */
export interface CoachItem {
  program: Program;
  fit: Fit;
  tier: Tier;
}

// ---------------------------------------------------------------------------------------------
// Data, checked at load: a bad edit to the JSON fails the tests, not the popup.

const band = z.object({ min: z.number().int().min(0), max: z.number().int().min(0) }).refine((b) => b.min <= b.max, 'min must not exceed max');
const coachSchema = z.object({
  balance: z.object({ reach: band, realistic: band, safety: band }),
  balanceWarningsFrom: z.object({ value: z.number().int().min(0) }),
  target: z.object({
    specialties: z.object({ value: z.array(z.string()) }),
    low: band,
    veryLow: band,
    littleUsceMonths: z.object({ value: z.number().min(0) }),
    default: band,
  }),
});

const feeBandSchema = z.union([
  z.object({ upTo: z.number().int().positive().nullable(), perProgram: z.number().min(0) }),
  z.object({ upTo: z.number().int().positive().nullable(), flat: z.number().min(0) }),
]);
const feesSchema = z
  .object({
    current: z.string(),
    schedules: z.record(z.string(), z.object({ season: z.string(), bands: z.array(feeBandSchema).min(1) })),
  })
  .refine((f) => f.current in f.schedules, 'current must name a schedule');

const outcomesSchema = z.object({
  specialties: z.record(z.string(), z.object({ name: z.string(), matched: z.object({ q1: z.number(), median: z.number(), q3: z.number() }) })),
});

const COACH = coachSchema.parse(coachData);
const FEES = feesSchema.parse(feesData);
const OUTCOMES = outcomesSchema.parse(outcomesData).specialties;

/** Shown when a target leans on the NRMP figures (their terms ask for the attribution). */
export const OUTCOMES_SOURCE = 'Source: NRMP Charting Outcomes 2026';

// ---------------------------------------------------------------------------------------------
// Tier balance

export interface Band {
  /** Whole percents, or program counts for targets. */
  min: number;
  max: number;
}

export const BALANCE_TARGETS: Readonly<Record<ListTier, Band>> = COACH.balance;
export const LIST_TIER_ORDER: readonly ListTier[] = ['reach', 'realistic', 'safety'];

export interface TierShare {
  count: number;
  /** Whole percent of the scored programs (reach + realistic + safety); 0 when there are none. */
  percent: number;
  target: Band;
  /** Against the target band, compared on the whole percent shown. */
  status: 'below' | 'within' | 'above';
}

export interface TierBalance {
  reach: TierShare;
  realistic: TierShare;
  safety: TierShare;
  /** reach + realistic + safety: the programs the shares are of. */
  scored: number;
  /** Counted apart, not in the shares. */
  ineligible: number;
  unknown: number;
  total: number;
}

const pct = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 100));

/** Programs per tier. */
export function tierCounts(items: readonly { tier: Tier }[]): Record<Tier, number> {
  const counts: Record<Tier, number> = { reach: 0, realistic: 0, safety: 0, ineligible: 0, unknown: 0 };
  for (const i of items) counts[i.tier]++;
  return counts;
}

export function tierBalance(items: readonly { tier: Tier }[]): TierBalance {
  return balanceOf(tierCounts(items));
}

/** The balance from counts per tier (the list digest keeps counts, not rows). */
export function balanceOf(partial: Readonly<Partial<Record<Tier, number>>>): TierBalance {
  const counts: Record<Tier, number> = { reach: 0, realistic: 0, safety: 0, ineligible: 0, unknown: 0, ...partial };
  const scored = counts.reach + counts.realistic + counts.safety;
  const share = (t: ListTier): TierShare => {
    const percent = pct(counts[t], scored);
    const target = BALANCE_TARGETS[t];
    return { count: counts[t], percent, target, status: percent < target.min ? 'below' : percent > target.max ? 'above' : 'within' };
  };
  return {
    reach: share('reach'),
    realistic: share('realistic'),
    safety: share('safety'),
    scored,
    ineligible: counts.ineligible,
    unknown: counts.unknown,
    total: scored + counts.ineligible + counts.unknown,
  };
}

/**
 * The programs that count toward the target and the fees: every one except Not eligible (no
 * application is planned there). Not-yet-scored programs count: the applicant saved them to apply.
 */
export const applyingTo = <T extends { tier: Tier }>(items: readonly T[]): T[] => items.filter((i) => i.tier !== 'ineligible');

// ---------------------------------------------------------------------------------------------
// Target count

export type TargetKind = 'default' | 'low' | 'very-low';

export interface Target extends Band {
  kind: TargetKind;
  /** One calm sentence on where the range comes from. */
  why: string;
  /** The specialty (slug) whose figures decided it; null for the default without one. */
  specialty: string | null;
  /** Attribution to show with `why` when it quotes NRMP figures. */
  source: string | null;
}

const T = COACH.target;
const RANK: Record<TargetKind, number> = { default: 0, low: 1, 'very-low': 2 };

/** Hands-on USCE months; observership-only experience counts as none (data/coach.json). */
const handsOnMonths = (p: Profile) => (p.usce.handsOn ? p.usce.months : 0);

function judge(p: Profile, slug: string): Target | null {
  const row = OUTCOMES[slug];
  if (!row || !T.specialties.value.includes(slug)) return null;
  const name = row.name;
  const score = p.step2ck.score;
  const m = row.matched;
  const base = { specialty: slug, source: OUTCOMES_SOURCE };
  if (score === null) {
    return { ...T.low, ...base, kind: 'low', why: `No Step 2 CK score yet to compare with non-US IMGs who matched in ${name} (median ${m.median}).` };
  }
  const little = handsOnMonths(p) < T.littleUsceMonths.value;
  if (score < m.q1 && little) {
    return {
      ...T.veryLow, ...base, kind: 'very-low',
      why: `Step 2 CK ${score} is below the lower quartile of non-US IMGs who matched in ${name} (${m.q1}), with less than ${T.littleUsceMonths.value} months of hands-on US clinical experience.`,
    };
  }
  if (score < m.median) {
    return { ...T.low, ...base, kind: 'low', why: `Step 2 CK ${score} is below the median of non-US IMGs who matched in ${name} (${m.median}).` };
  }
  return { ...T.default, ...base, kind: 'default', why: `Step 2 CK ${score} is at or above the median of non-US IMGs who matched in ${name} (${m.median}).` };
}

/**
 * How many programs to aim for. Each target specialty with advice (IM, FM, psychiatry, pediatrics)
 * is judged on its own NRMP figures; the largest band any of them calls for applies (ties: the
 * first in the profile), since one list serves all of them. Other specialties: the default.
 */
export function targetCount(profile: Profile): Target {
  let best: Target | null = null;
  for (const slug of profile.specialties) {
    const t = judge(profile, slug);
    if (t && (!best || RANK[t.kind] > RANK[best.kind])) best = t;
  }
  if (best) return best;
  const why = profile.specialties.length
    ? 'A starting range: SmartPick’s target counts use NRMP figures for internal medicine, family medicine, psychiatry and pediatrics.'
    : 'A starting range: add your target specialties to your profile for one based on NRMP figures.';
  return { ...T.default, kind: 'default', why, specialty: null, source: null };
}

// ---------------------------------------------------------------------------------------------
// ERAS fee estimate

export type FeeSeason = string;
/** The newest schedule in data/fees.json ("2026"). */
export const CURRENT_FEE_SEASON: FeeSeason = FEES.current;

export interface FeeEstimate {
  /** US dollars. */
  total: number;
  count: number;
  /** The schedule's season label, for "2026 fees". */
  season: string;
  /** One entry per specialty, largest first; specialty null when a bare count was given. */
  perSpecialty: { specialty: string | null; count: number; fee: number }[];
}

/** One specialty's fee for `count` programs under a schedule's bands. */
function scheduleFee(count: number, season: FeeSeason): number {
  const schedule = FEES.schedules[season];
  if (!schedule) throw new Error(`No ERAS fee schedule for season "${season}" in data/fees.json`);
  let fee = 0;
  let from = 0; // programs already charged by earlier bands
  for (const b of schedule.bands) {
    if (count <= from) break;
    const upTo = b.upTo ?? Infinity;
    const inBand = Math.min(count, upTo) - from;
    fee += 'flat' in b ? b.flat : inBand * b.perProgram;
    from = upTo;
  }
  return fee;
}

/**
 * What ERAS would charge. ERAS charges per program *per specialty*: the schedule restarts for each
 * specialty, so the estimate is the sum over specialties of the schedule applied to that
 * specialty's count (42 IM → $11×30 + $30×12 = $690; 42 IM + 20 FM → $690 + $220). A bare number
 * is one specialty.
 */
export function feeEstimate(counts: number | Readonly<Record<string, number>>, season: FeeSeason = CURRENT_FEE_SEASON): FeeEstimate {
  if (!FEES.schedules[season]) throw new Error(`No ERAS fee schedule for season "${season}" in data/fees.json`);
  const entries: [string | null, number][] = typeof counts === 'number' ? [[null, counts]] : Object.entries(counts);
  const perSpecialty = entries
    .filter(([, n]) => n > 0)
    .map(([specialty, count]) => ({ specialty, count, fee: scheduleFee(count, season) }))
    .sort((a, b) => b.count - a.count || String(a.specialty).localeCompare(String(b.specialty)));
  return {
    total: perSpecialty.reduce((s, x) => s + x.fee, 0),
    count: perSpecialty.reduce((s, x) => s + x.count, 0),
    season: FEES.schedules[season]?.season ?? season,
    perSpecialty,
  };
}

/** Key for programs whose specialty no page stated and the profile does not suggest. */
export const UNKNOWN_SPECIALTY = 'unknown';

/**
 * Programs per specialty: the program's own, else the one its pages state, else the applicant's
 * first target specialty (a page that names none is most likely one the applicant searched for).
 */
export function specialtyCounts(items: readonly { program: Program }[], profile: Profile | null): Record<string, number> {
  const fallback = profile?.specialties[0] ?? UNKNOWN_SPECIALTY;
  const out: Record<string, number> = {};
  for (const { program } of items) {
    const s = program.specialty ?? program.signals.specialty?.value ?? fallback;
    out[s] = (out[s] ?? 0) + 1;
  }
  return out;
}

/** The estimate for a list: the programs it counts (not Not eligible), per specialty. */
export const listFeeEstimate = (items: readonly CoachItem[], profile: Profile | null, season: FeeSeason = CURRENT_FEE_SEASON): FeeEstimate =>
  feeEstimate(specialtyCounts(applyingTo(items), profile), season);

/**
 * What the coach draws from a list, as counts: programs per tier and, among those applied to,
 * per specialty. The full list computes it from its rows; the list digest stores it.
 */
export interface ListFigures {
  counts: Record<Tier, number>;
  specialties: Record<string, number>;
}

export function listFigures(items: readonly { tier: Tier; program: Program }[], profile: Profile | null): ListFigures {
  return { counts: tierCounts(items), specialties: specialtyCounts(applyingTo(items), profile) };
}

/** "$1,230". */
export const formatDollars = (n: number): string => `$${Math.round(n).toLocaleString('en-US')}`;

// ---------------------------------------------------------------------------------------------
// Warnings

export type WarningKind = 'blocked' | 'visa-unstated' | 'leans-reach' | 'few-safety' | 'too-few' | 'too-many';

export interface Warning {
  kind: WarningKind;
  text: string;
  /** The programs concerned ("show them"); empty when there is nothing to filter to. */
  programIds: string[];
  /** For 'blocked': the rule that blocks. */
  field?: FitField;
}

/** The dealbreaker's subject in a few words: "4 programs block you (visa)". */
export const FIELD_WORD: Record<FitField, string> = {
  visa: 'visa',
  step1: 'Step 1',
  step2: 'Step 2 CK',
  attempts: 'exam attempts',
  yog: 'graduation year',
  usce: 'US clinical experience',
  imgPercent: 'IMG share',
  programType: 'setting',
  specialty: 'specialty',
  state: 'state',
};

const FIELD_ORDER = Object.keys(FIELD_WORD) as FitField[];
const programs = (n: number) => `${n} ${n === 1 ? 'program' : 'programs'}`;

/** The visas that would let the applicant train there, and the word for "their policy". */
const VISA_ROUTES: Record<Exclude<Profile['visa'], 'none'>, { keys: ('visaJ1' | 'visaH1b')[]; word: string }> = {
  j1: { keys: ['visaJ1'], word: 'J-1 policy' },
  h1b: { keys: ['visaH1b'], word: 'H-1B policy' },
  any: { keys: ['visaJ1', 'visaH1b'], word: 'visa policy' },
};

/**
 * Silent on a visa the applicant could use, and no usable visa stated as sponsored (a "J-1 yes"
 * settles it for someone who can take either; silence is unknown, not yes — FACTS.md "Visas").
 */
function visaUnstated(program: Program, need: Exclude<Profile['visa'], 'none'>): boolean {
  const sigs: Signal<VisaValue>[] = VISA_ROUTES[need].keys.map((k) => program.signals[k]);
  return sigs.some((s) => s === null) && !sigs.some((s) => s !== null && s.value !== 'no');
}

/**
 * What is worth a look, in this order: programs that block the applicant (one line per rule),
 * programs silent on the visa the applicant needs, a list that leans on Reach or has few Safety
 * programs, and a list short of or beyond the target count. Each line names its programs.
 */
export function warnings(items: readonly CoachItem[], profile: Profile | null): Warning[] {
  const out: Warning[] = [];

  // Dealbreakers, grouped by rule. A program the user moved to a list tier still has them.
  const byField = new Map<FitField, string[]>();
  for (const { program, fit } of items) {
    for (const field of new Set(fit.dealbreakers.map((d) => d.field))) byField.set(field, [...(byField.get(field) ?? []), program.id]);
  }
  const fields = [...byField.entries()].sort(([a, x], [b, y]) => y.length - x.length || FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b));
  for (const [field, ids] of fields) {
    out.push({ kind: 'blocked', field, text: `${programs(ids.length)} ${ids.length === 1 ? 'blocks' : 'block'} you (${FIELD_WORD[field]})`, programIds: ids });
  }

  if (!profile) return out;

  if (profile.visa !== 'none') {
    const need = profile.visa;
    const ids = items.filter((i) => i.fit.dealbreakers.length === 0 && visaUnstated(i.program, need)).map((i) => i.program.id);
    if (ids.length) {
      out.push({ kind: 'visa-unstated', text: `${programs(ids.length)} ${ids.length === 1 ? 'doesn’t' : 'don’t'} state ${VISA_ROUTES[need].word}`, programIds: ids });
    }
  }

  const b = tierBalance(items);
  if (b.scored >= COACH.balanceWarningsFrom.value) {
    const idsOf = (t: ListTier) => items.filter((i) => i.tier === t).map((i) => i.program.id);
    const aim = (s: TierShare) => `aim for ${s.target.min}–${s.target.max}%`;
    if (b.reach.status === 'above') out.push({ kind: 'leans-reach', text: `List leans on Reach (${b.reach.percent}%; ${aim(b.reach)})`, programIds: idsOf('reach') });
    if (b.safety.status === 'below') out.push({ kind: 'few-safety', text: `Few Safety programs (${b.safety.percent}%; ${aim(b.safety)})`, programIds: idsOf('safety') });
  }

  const n = applyingTo(items).length;
  const t = targetCount(profile);
  if (n > 0 && n < t.min) out.push({ kind: 'too-few', text: `${programs(t.min - n)} to go to reach ${t.min}–${t.max}`, programIds: [] });
  if (n > t.max) out.push({ kind: 'too-many', text: `${programs(n - t.max)} more than the ${t.min}–${t.max} target`, programIds: [] });

  return out;
}
