import specialtiesData from '../../data/specialties.json';
import statesData from '../../data/states.json';
import type { Tier } from '../../lib/core/schema/fit';
import type { Profile, VisaNeed } from '../../lib/core/schema/profile';
import type { ProgramStatus } from '../../lib/core/schema/program';
import type { Signals } from '../../lib/core/schema/signals';

// Every word the popup shows, in one place (UX.md "Words"): calm, factual, never a match promise.

export const SPECIALTIES: readonly { slug: string; name: string }[] = specialtiesData.specialties.map((s) => ({ slug: s.slug, name: s.name }));
export const STATES: readonly { abbr: string; name: string }[] = statesData.states.map((s) => ({ abbr: s.abbr, name: s.name }));

export const specialtyName = (slug: string): string => SPECIALTIES.find((s) => s.slug === slug)?.name ?? slug;
export const stateName = (abbr: string): string => STATES.find((s) => s.abbr === abbr)?.name ?? abbr;

/** The abbreviations applicants use among themselves; the rest go by their name. */
const SPECIALTY_SHORT: Record<string, string> = {
  'internal-medicine': 'IM',
  'family-medicine': 'FM',
  pediatrics: 'Peds',
  psychiatry: 'Psych',
  'emergency-medicine': 'EM',
  'general-surgery': 'Gen Surg',
  'obstetrics-and-gynecology': 'OB/GYN',
  'physical-medicine-and-rehabilitation': 'PM&R',
  'transitional-year': 'TY',
  'diagnostic-radiology': 'Radiology',
};
export const specialtyShort = (slug: string): string => SPECIALTY_SHORT[slug] ?? specialtyName(slug);

/** Section order: what the list is built from, then what cannot be applied to, then what is not scored. */
export const TIER_ORDER: readonly Tier[] = ['reach', 'realistic', 'safety', 'ineligible', 'unknown'];

export const TIER_HEADING: Record<Tier, string> = {
  reach: 'Reach',
  realistic: 'Realistic',
  safety: 'Safety',
  ineligible: 'Not eligible',
  unknown: 'Not scored yet',
};

export const VISA_CHOICES: readonly { value: VisaNeed; label: string; sentence: string }[] = [
  { value: 'none', label: 'No visa needed', sentence: 'You are a US citizen or permanent resident, or already have a work permit such as an EAD.' },
  { value: 'j1', label: 'J-1', sentence: 'The exchange visitor visa sponsored by ECFMG; most programs that take visa holders offer it.' },
  { value: 'h1b', label: 'H-1B', sentence: 'A work visa only some programs sponsor; it needs Step 3 passed before residency starts.' },
  { value: 'any', label: 'Either J-1 or H-1B', sentence: 'You can train on whichever of the two a program sponsors.' },
];

export const VISA_SHORT: Record<VisaNeed, string> = { none: 'No visa needed', j1: 'J-1', h1b: 'H-1B', any: 'J-1 or H-1B' };

export const STATUS_WORD: Record<ProgramStatus, string> = {
  considering: 'Considering',
  applying: 'Applying',
  applied: 'Applied',
  interview: 'Interview',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

export const DISCLAIMER = 'Ranked from what programs state and public outcome data — not a match prediction.';
export const PRIVACY = 'Nothing leaves your computer.';

export const W = {
  brand: 'SmartPick',
  setup: 'Set up your profile',
  editProfile: 'Edit profile',
  checkPage: 'Check this page',
  checking: 'Checking…',
  checked: 'Reading this page — if it is a program page, the SmartPick badge appears on it.',
  autoCheck: 'Check program sites automatically',
  autoCheckHelp:
    'Asks your browser for access to websites, so SmartPick can read program pages as you open them. Off by default; without it, use “Check this page”. FREIDA pages are always read.',
  autoCheckDeclined: 'Access was not granted, so automatic checking stays off.',
  openFullList: 'Open full list',
  movedByYou: 'moved by you',
  undo: 'Undo',
  save: 'Save profile',
  saved: 'Saved',
  backToList: 'Back to your list',
  loading: 'Loading…',
  noneYet: 'None yet',
} as const;

export const EMPTY_STEPS = ['Fill your profile', 'Open a program page or FREIDA', 'Add programs'] as const;

/** "IM · Step 2 CK 214 · J-1 · USCE 3 mo". */
export function summaryLine(p: Profile): string {
  const parts: string[] = [];
  if (p.specialties.length) parts.push(p.specialties.map(specialtyShort).join(', '));
  if (p.step2ck.score !== null) parts.push(`Step 2 CK ${p.step2ck.score}`);
  else if (p.step1.score !== null) parts.push(`Step 1 ${p.step1.score}`);
  else parts.push('Step 2 CK not taken');
  parts.push(VISA_SHORT[p.visa]);
  parts.push(`USCE ${formatMonths(p.usce.months)} mo`);
  return parts.join(' · ');
}

const formatMonths = (m: number): string => String(Math.round(m * 10) / 10);

/** The program's visa policy in a few words: "J-1 only", "J-1 & H-1B", "Visa not stated". */
export function visaFact(s: Signals): string {
  const j1 = s.visaJ1?.value ?? null;
  const h1b = s.visaH1b?.value ?? null;
  if (j1 === null && h1b === null) return 'Visa not stated';
  if (j1 === 'no' && h1b === 'no') return 'No visa sponsorship';
  const offered = [
    j1 === 'yes' ? 'J-1' : j1 === 'conditional' ? 'J-1 case by case' : null,
    h1b === 'yes' ? 'H-1B' : h1b === 'conditional' ? 'H-1B case by case' : null,
  ].filter((x): x is string => x !== null);
  if (offered.length === 0) return j1 === 'no' ? 'No J-1' : 'No H-1B';
  const exclusive = offered.length === 1 && (j1 === 'no' || h1b === 'no');
  return offered.join(' & ') + (exclusive ? ' only' : '');
}

/** The stated score minimum: "Step 2 CK ≥ 220", "Step 2 CK 220 preferred", "No minimum stated". */
export function minimumFact(s: Signals): string {
  const pick = s.step2MinScore ? { exam: 'Step 2 CK', sig: s.step2MinScore } : s.step1MinScore ? { exam: 'Step 1', sig: s.step1MinScore } : null;
  if (!pick) return 'No minimum stated';
  return pick.sig.strength === 'required' && !pick.sig.hedged ? `${pick.exam} ≥ ${pick.sig.value}` : `${pick.exam} ${pick.sig.value} preferred`;
}
