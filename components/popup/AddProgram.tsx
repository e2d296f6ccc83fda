import { useId, useRef, useState } from 'preact/hooks';
import { checkEntry } from '../../lib/core/list/import-plan';
import type { PopupActions } from './types';
import { SPECIALTIES } from './words';

// A program added by hand (name, web address, specialty), for programs the applicant knows of but
// has not opened, or whose site SmartPick cannot read. Checked here with the same rules the
// background applies, so the messages match; the background still has the last word (already saved).

export interface AddProgramProps {
  actions: Pick<PopupActions, 'addProgram'>;
  /** The specialty chosen at first: the profile's first target, when there is a profile. */
  defaultSpecialty?: string | null;
}

type Field = 'name' | 'url' | 'specialty';
type Errors = Partial<Record<Field, string>>;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

const FIELD_LABEL: Record<Field, string> = { name: 'Program name', url: 'Web address', specialty: 'Specialty' };

/** The checker's words ("url: must be a web address") as a sentence next to the field. */
function plainError(field: Field, text: string): string {
  if (field === 'name' && text === 'must not be empty') return 'Enter the program’s name.';
  if (field === 'url' && text === 'must not be empty') return 'Enter the program’s web address.';
  if (field === 'url' && text.startsWith('must be a web address')) return 'Enter a web address such as https://hospital.org/residency.';
  return `${FIELD_LABEL[field]}: ${text}.`;
}

export function AddProgram({ actions, defaultSpecialty = null }: AddProgramProps) {
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [specialty, setSpecialty] = useState<string>(defaultSpecialty ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const submit = (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setStatus('');
    setFailure(null);
    const checked = checkEntry({ name, url, specialty: specialty || null });
    if (!checked.ok) {
      const next: Errors = {};
      for (const err of checked.errors) if (err.field in FIELD_LABEL) next[err.field as Field] ??= plainError(err.field as Field, err.message);
      setErrors(next);
      (next.name ? nameRef : urlRef).current?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    const { entry } = checked;
    actions.addProgram({ name: entry.name, url: entry.url, specialty: entry.specialty }).then(
      () => {
        setBusy(false);
        setStatus(`Added ${entry.name} to your list.`);
        setName('');
        setUrl('');
        nameRef.current?.focus();
      },
      (err: unknown) => {
        setBusy(false);
        setFailure(`Couldn’t add ${entry.name}: ${message(err)}`);
      },
    );
  };

  const field = (f: Field) => ({
    id: `${id}-${f}`,
    'aria-invalid': errors[f] ? ('true' as const) : undefined,
    'aria-describedby': [f === 'url' ? `${id}-url-hint` : '', errors[f] ? `${id}-${f}-error` : ''].filter(Boolean).join(' ') || undefined,
  });
  const error = (f: Field) =>
    errors[f] && (
      <span id={`${id}-${f}-error`} class="sp-error">
        {errors[f]}
      </span>
    );

  return (
    <section class="sp-sec sp-add-program" aria-labelledby={`${id}-h`}>
      {/* A disclosure: the form stays folded until asked for, so the popup keeps its list in view. */}
      <h2 id={`${id}-h`}>
        <button type="button" class="sp-disclosure" aria-expanded={open ? 'true' : 'false'} aria-controls={`${id}-form`} onClick={() => setOpen(!open)}>
          Add a program by hand
        </button>
      </h2>
      <form id={`${id}-form`} class="sp-form" onSubmit={submit} noValidate hidden={!open} aria-labelledby={`${id}-h`}>
        <div class="sp-field">
          <label for={`${id}-name`}>{FIELD_LABEL.name}</label>
          <input ref={nameRef} type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={300} autoComplete="off" {...field('name')} />
          {error('name')}
        </div>
        <div class="sp-field">
          <label for={`${id}-url`}>{FIELD_LABEL.url}</label>
          <input ref={urlRef} type="text" inputMode="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} autoComplete="off" spellcheck={false} {...field('url')} />
          <span id={`${id}-url-hint`} class="sp-hint">
            The program’s own page, e.g. https://hospital.org/residency/internal-medicine
          </span>
          {error('url')}
        </div>
        <div class="sp-field">
          <label for={`${id}-specialty`}>{FIELD_LABEL.specialty}</label>
          <select value={specialty} onChange={(e) => setSpecialty(e.currentTarget.value)} {...field('specialty')}>
            <option value="">Not sure</option>
            {SPECIALTIES.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
          {error('specialty')}
        </div>
        <div class="sp-actions">
          <button type="submit" class="sp-btn sp-primary" aria-disabled={busy ? 'true' : undefined}>
            {busy ? 'Adding…' : 'Add to list'}
          </button>
          <p class="sp-status-line" role="status">
            {status}
          </p>
        </div>
        {failure && (
          <p class="sp-error" role="alert">
            {failure}
          </p>
        )}
      </form>
    </section>
  );
}
