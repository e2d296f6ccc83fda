import { useId, useState } from 'preact/hooks';
import { W } from './words';

// The opt-in "Check program sites automatically" (DESIGN.md "Permissions"): off by default. Turning
// it on makes the browser ask for access to sites; the request needs the click's user gesture, so
// onToggle is called synchronously from the change event, before anything is awaited.

export interface AutoCheckProps {
  /** null while the current setting loads. */
  on: boolean | null;
  /** Resolves to the state in force afterwards (false when the user declined access). */
  onToggle(on: boolean): Promise<boolean>;
}

export function AutoCheck({ on, onToggle }: AutoCheckProps) {
  const id = useId();
  const [pending, setPending] = useState<boolean | null>(null);
  const [note, setNote] = useState('');
  const checked = pending ?? on ?? false;
  const change = (e: Event) => {
    const want = (e.currentTarget as HTMLInputElement).checked;
    setPending(want);
    setNote('');
    onToggle(want).then(
      (now) => {
        setPending(null);
        if (want && !now) setNote(W.autoCheckDeclined);
      },
      (x: unknown) => {
        setPending(null);
        setNote(`Couldn’t change the setting: ${x instanceof Error ? x.message : String(x)}`);
      },
    );
  };
  return (
    <div class="sp-auto">
      <div class="sp-check">
        <input id={id} type="checkbox" checked={checked} disabled={on === null} aria-describedby={`${id}-help`} onChange={change} />
        <label for={id}>{W.autoCheck}</label>
      </div>
      <p id={`${id}-help`} class="sp-hint">
        {W.autoCheckHelp}
      </p>
      {note && (
        <p class="sp-error" role="alert">
          {note}
        </p>
      )}
    </div>
  );
}
