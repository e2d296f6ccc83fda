import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Profile } from '../../lib/core/schema/profile';
import {
  FIELD_PATH, formFromProfile, unplacedErrors, validateForm, type FieldErrors, type ProfileForm,
} from './profile-form';
import { SPECIALTIES, STATES, VISA_CHOICES, W } from './words';

// The profile editor (UX.md "Profile editor"): one screen, grouped; validation inline in the
// schema's plain words; what the user typed stays when something is wrong.

export interface ProfileEditorProps {
  initial: Profile | null;
  /** Saves; resolves to a note shown after "Saved" (the re-score summary), rejects with a reason. */
  onSave(profile: Profile): Promise<string | void>;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; note: string } | { kind: 'failed'; message: string };

const fid = (key: keyof ProfileForm) => `sp-p-${key}`;

export function ProfileEditor({ initial, onSave }: ProfileEditorProps) {
  const [form, setForm] = useState<ProfileForm>(() => formFromProfile(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  // After a failed submit, take the user to the first field that needs them.
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const set = <K extends keyof ProfileForm>(key: K, value: ProfileForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    const path = FIELD_PATH[key];
    if (path in errors) {
      const { [path]: _gone, ...rest } = errors;
      setErrors(rest);
    }
    if (save.kind === 'saved' || save.kind === 'failed') setSave({ kind: 'idle' });
  };
  const err = (key: keyof ProfileForm): string | undefined => errors[FIELD_PATH[key]];
  const text = (key: 'step1Score' | 'step1Attempts' | 'step2Score' | 'step2Attempts' | 'graduationYear' | 'usResidencyMonths' | 'usceMonths') => ({
    id: fid(key),
    value: form[key],
    error: err(key),
    onInput: (v: string) => set(key, v),
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    if (save.kind === 'saving') return;
    const v = validateForm(form);
    if (!v.ok) {
      setErrors(v.errors);
      setSave({ kind: 'idle' });
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    setSave({ kind: 'saving' });
    try {
      const note = await onSave(v.profile);
      setSave({ kind: 'saved', note: note ?? '' });
    } catch (x) {
      setSave({ kind: 'failed', message: x instanceof Error ? x.message : String(x) });
    }
  };

  const count = Object.keys(errors).length;
  const loose = unplacedErrors(errors);

  return (
    <form ref={formRef} class="sp-form" noValidate onSubmit={submit} aria-describedby="sp-p-intro">
      <p id="sp-p-intro" class="sp-muted">Used only on this computer, to rank how programs fit you.</p>
      {count > 0 && (
        <div class="sp-error-box" role="alert">
          <p>{count === 1 ? 'One answer needs a look' : `${count} answers need a look`}; nothing you typed was lost.</p>
          {loose.length > 0 && (
            <ul>
              {loose.map((m) => <li key={m}>{m}</li>)}
            </ul>
          )}
        </div>
      )}

      <fieldset class="sp-group">
        <legend>Exams</legend>
        <Radios
          name="step1Result"
          legend="Step 1 result"
          value={form.step1Result}
          error={err('step1Result')}
          choices={[
            { value: 'pass', label: 'Pass' },
            { value: 'fail', label: 'Fail' },
            { value: 'not-taken', label: 'Not taken yet' },
          ]}
          onChange={(v) => set('step1Result', v)}
        />
        <div class="sp-pair">
          <TextField {...text('step1Score')} label="Step 1 score (optional)" hint="Only if you have a numeric score; leave empty in the pass/fail era." />
          <TextField {...text('step1Attempts')} label="Step 1 attempts" hint="Every sitting, including the one you passed." />
        </div>
        <div class="sp-pair">
          <TextField {...text('step2Score')} label="Step 2 CK score" hint="Leave empty if you have not taken it yet." />
          <TextField {...text('step2Attempts')} label="Step 2 CK attempts" hint="0 if not taken yet." />
        </div>
        <Check id={fid('step3Passed')} label="I have passed Step 3" checked={form.step3Passed} error={err('step3Passed')} onChange={(v) => set('step3Passed', v)} />
      </fieldset>

      <fieldset class="sp-group">
        <legend>Training</legend>
        <div class="sp-pair">
          <TextField {...text('graduationYear')} label="Graduation year" hint="The year you finished medical school." />
          <TextField {...text('usResidencyMonths')} label="US residency months" hint="Prior ACGME residency training; 0 if none." />
        </div>
        <Check
          id={fid('ecfmgCertified')}
          label="I am ECFMG certified"
          checked={form.ecfmgCertified}
          error={err('ecfmgCertified')}
          onChange={(v) => set('ecfmgCertified', v)}
        />
      </fieldset>

      <fieldset class="sp-group">
        <legend>Visa</legend>
        <Radios
          name="visa"
          legend="What you need to train in the US"
          value={form.visa}
          error={err('visa')}
          choices={VISA_CHOICES.map((c) => ({ value: c.value, label: c.label, hint: c.sentence }))}
          onChange={(v) => set('visa', v)}
        />
      </fieldset>

      <fieldset class="sp-group">
        <legend>Experience</legend>
        <TextField {...text('usceMonths')} inputMode="decimal" label="US clinical experience (USCE), months" hint="0 if none yet." />
        <Radios
          name="usceHandsOn"
          legend="Kind of US clinical experience"
          value={form.usceHandsOn ? 'hands-on' : 'observership'}
          error={err('usceHandsOn')}
          note="Hands-on means you examined patients and wrote notes under supervision (clerkship, externship, sub-internship); an observership means you watched only."
          choices={[
            { value: 'hands-on', label: 'Hands-on' },
            { value: 'observership', label: 'Observership only' },
          ]}
          onChange={(v) => set('usceHandsOn', v === 'hands-on')}
        />
      </fieldset>

      <fieldset class="sp-group">
        <legend>Targets</legend>
        <PickList
          id={fid('specialties')}
          legend="Specialties"
          chooseLabel="Choose a specialty"
          addLabel="Add specialty"
          options={SPECIALTIES.map((s) => ({ value: s.slug, label: s.name }))}
          selected={form.specialties}
          emptyText="None chosen yet."
          error={err('specialties')}
          onChange={(v) => set('specialties', v)}
        />
        <PickList
          id={fid('states')}
          legend="Preferred states"
          chooseLabel="Choose a state"
          addLabel="Add state"
          options={STATES.map((s) => ({ value: s.abbr, label: s.name }))}
          selected={form.states}
          emptyText="Anywhere in the US."
          error={err('states')}
          onChange={(v) => set('states', v)}
        />
      </fieldset>

      <div class="sp-actions">
        <button type="submit" class="sp-btn sp-primary" aria-disabled={save.kind === 'saving' ? 'true' : undefined}>
          {W.save}
        </button>
        <p class="sp-status-line" role="status">
          {save.kind === 'saving' ? 'Saving…' : save.kind === 'saved' ? [W.saved, save.note].filter(Boolean).join('. ') : ''}
        </p>
      </div>
      {save.kind === 'failed' && (
        <p class="sp-error" role="alert">
          {`Couldn’t save: ${save.message}. Your answers are still here.`}
        </p>
      )}
    </form>
  );
}

// ── inputs ──────────────────────────────────────────────────────────────────────────────────────

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={id} class="sp-error">
      <span aria-hidden="true">! </span>
      {error}
    </p>
  ) : null;
}

interface TextFieldProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  error: string | undefined;
  inputMode?: 'numeric' | 'decimal';
  onInput(v: string): void;
}

/** Text, not type=number: the browser would blank what it cannot parse, and the user would lose it. */
function TextField({ id, label, hint, value, error, inputMode = 'numeric', onInput }: TextFieldProps) {
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  return (
    <div class="sp-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(error && errId, hint && hintId)}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {hint && <p id={hintId} class="sp-hint">{hint}</p>}
      <FieldError id={errId} error={error} />
    </div>
  );
}

function Check({ id, label, checked, error, onChange }: { id: string; label: string; checked: boolean; error: string | undefined; onChange(v: boolean): void }) {
  return (
    <div class="sp-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(error && `${id}-err`)}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <label for={id}>{label}</label>
      <FieldError id={`${id}-err`} error={error} />
    </div>
  );
}

interface RadiosProps<T extends string> {
  name: string;
  legend: string;
  value: T | '';
  choices: { value: T; label: string; hint?: string }[];
  note?: ComponentChildren;
  error: string | undefined;
  onChange(v: T): void;
}

function Radios<T extends string>({ name, legend, value, choices, note, error, onChange }: RadiosProps<T>) {
  const errId = `sp-p-${name}-err`;
  const noteId = `sp-p-${name}-note`;
  return (
    <fieldset class="sp-radios">
      <legend>{legend}</legend>
      {note && <p id={noteId} class="sp-hint">{note}</p>}
      {choices.map((c) => {
        const id = `sp-p-${name}-${c.value}`;
        return (
          <div key={c.value} class="sp-radio">
            <input
              id={id}
              type="radio"
              name={name}
              value={c.value}
              checked={value === c.value}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={describedBy(error && errId, c.hint && `${id}-hint`, note !== undefined && noteId)}
              onChange={() => onChange(c.value)}
            />
            {/* The sentence sits beside the label, not in it: the name stays short ("J-1"), the
                sentence is read as its description. */}
            <div class="sp-radio-text">
              <label for={id} class="sp-radio-label">
                {c.label}
              </label>
              {c.hint && (
                <span id={`${id}-hint`} class="sp-hint">
                  {c.hint}
                </span>
              )}
            </div>
          </div>
        );
      })}
      <FieldError id={errId} error={error} />
    </fieldset>
  );
}

interface PickListProps {
  id: string;
  legend: string;
  chooseLabel: string;
  addLabel: string;
  options: { value: string; label: string }[];
  selected: string[];
  emptyText: string;
  error: string | undefined;
  onChange(v: string[]): void;
}

/** Chosen values as removable chips, and a select + "Add" to choose more. */
function PickList({ id, legend, chooseLabel, addLabel, options, selected, emptyText, error, onChange }: PickListProps) {
  const [choice, setChoice] = useState('');
  const label = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  const left = options.filter((o) => !selected.includes(o.value));
  const errId = `${id}-err`;
  const add = () => {
    if (choice && !selected.includes(choice)) onChange([...selected, choice]);
    setChoice('');
  };
  return (
    <fieldset class="sp-radios sp-pick">
      <legend>{legend}</legend>
      {selected.length ? (
        <ul class="sp-chips" aria-label={`Chosen ${legend.toLowerCase()}`}>
          {selected.map((v) => (
            <li key={v} class="sp-chip">
              {label(v)}
              <button type="button" class="sp-icon sp-chip-x" aria-label={`Remove ${label(v)}`} onClick={() => onChange(selected.filter((x) => x !== v))}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="sp-muted">{emptyText}</p>
      )}
      <div class="sp-add">
        <label class="sp-sr" for={id}>{chooseLabel}</label>
        <select
          id={id}
          value={choice}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(error && errId)}
          onChange={(e) => setChoice(e.currentTarget.value)}
        >
          <option value="">{`${chooseLabel}…`}</option>
          {left.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <button type="button" class="sp-btn sp-small" onClick={add} disabled={!choice}>
          {addLabel}
        </button>
      </div>
      <FieldError id={errId} error={error} />
    </fieldset>
  );
}
