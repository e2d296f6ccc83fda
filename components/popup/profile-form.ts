import { profileSchema, type Profile, type VisaNeed } from '../../lib/core/schema/profile';

// The profile editor's form state and its way to a Profile. Inputs keep what the user typed (as
// strings) so nothing is lost when validation fails; profileSchema decides what is valid and says
// why, in its own words, per field.

export interface ProfileForm {
  step1Result: 'pass' | 'fail' | 'not-taken';
  step1Score: string;
  step1Attempts: string;
  step2Score: string;
  step2Attempts: string;
  step3Passed: boolean;
  graduationYear: string;
  usResidencyMonths: string;
  ecfmgCertified: boolean;
  visa: VisaNeed | '';
  usceMonths: string;
  usceHandsOn: boolean;
  specialties: string[];
  states: string[];
}

/** Field key → the profileSchema path its messages arrive under (array indices dropped). */
export const FIELD_PATH: Record<keyof ProfileForm, string> = {
  step1Result: 'step1.result',
  step1Score: 'step1.score',
  step1Attempts: 'step1.attempts',
  step2Score: 'step2ck.score',
  step2Attempts: 'step2ck.attempts',
  step3Passed: 'step3.passed',
  graduationYear: 'graduationYear',
  usResidencyMonths: 'usResidencyMonths',
  ecfmgCertified: 'ecfmgCertified',
  visa: 'visa',
  usceMonths: 'usce.months',
  usceHandsOn: 'usce.handsOn',
  specialties: 'specialties',
  states: 'states',
};

export const EMPTY_FORM: ProfileForm = {
  step1Result: 'pass',
  step1Score: '',
  step1Attempts: '1',
  step2Score: '',
  step2Attempts: '1',
  step3Passed: false,
  graduationYear: '',
  usResidencyMonths: '0',
  ecfmgCertified: false,
  visa: '',
  usceMonths: '0',
  usceHandsOn: true,
  specialties: [],
  states: [],
};

const str = (n: number | null): string => (n === null ? '' : String(n));

export function formFromProfile(p: Profile | null): ProfileForm {
  if (!p) return { ...EMPTY_FORM };
  return {
    step1Result: p.step1.result,
    step1Score: str(p.step1.score),
    step1Attempts: str(p.step1.attempts),
    step2Score: str(p.step2ck.score),
    step2Attempts: str(p.step2ck.attempts),
    step3Passed: p.step3.passed,
    graduationYear: str(p.graduationYear),
    usResidencyMonths: str(p.usResidencyMonths),
    ecfmgCertified: p.ecfmgCertified,
    visa: p.visa,
    usceMonths: str(p.usce.months),
    usceHandsOn: p.usce.handsOn,
    specialties: [...p.specialties],
    states: [...p.states],
  };
}

/**
 * A typed number, or what tells the schema it is missing. Not-a-number stays NaN so the schema
 * answers with its "must be a number" message rather than a silent default.
 */
function num(s: string, empty: null | undefined | number): number | null | undefined {
  const t = s.trim();
  if (t === '') return empty;
  return Number(t.replace(',', '.'));
}

/** The form as the schema's input: empty scores mean "not taken", empty months mean none. */
export function inputFromForm(f: ProfileForm): unknown {
  return {
    step1: { result: f.step1Result, score: num(f.step1Score, null), attempts: num(f.step1Attempts, undefined) },
    step2ck: { score: num(f.step2Score, null), attempts: num(f.step2Attempts, undefined) },
    step3: { passed: f.step3Passed },
    graduationYear: num(f.graduationYear, undefined),
    // The schema's message for a missing value names the allowed codes; the form asks in words.
    visa: f.visa === '' ? undefined : f.visa,
    usce: { months: num(f.usceMonths, 0), handsOn: f.usceHandsOn },
    specialties: f.specialties,
    states: f.states,
    ecfmgCertified: f.ecfmgCertified,
    usResidencyMonths: num(f.usResidencyMonths, 0),
  };
}

/** Path ("step2ck.score") → the first message for it; "" holds messages for no particular field. */
export type FieldErrors = Record<string, string>;

export type Validation = { ok: true; profile: Profile } | { ok: false; errors: FieldErrors };

const VISA_MISSING = 'Choose the visa you need (or “No visa needed”)';

export function validateForm(f: ProfileForm): Validation {
  const parsed = profileSchema.safeParse(inputFromForm(f));
  if (parsed.success) return { ok: true, profile: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.filter((k) => typeof k === 'string').join('.');
    const message = path === 'visa' && f.visa === '' ? VISA_MISSING : issue.message;
    if (!(path in errors)) errors[path] = message;
  }
  return { ok: false, errors };
}

const KNOWN_PATHS = new Set(Object.values(FIELD_PATH));

/** Messages no field shows (a schema rule on a path the form has no input for). */
export const unplacedErrors = (errors: FieldErrors): string[] =>
  Object.entries(errors).filter(([path]) => !KNOWN_PATHS.has(path)).map(([, m]) => m);
