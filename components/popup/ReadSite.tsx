import { useId, useState } from 'preact/hooks';

// "Read the program's other pages": on program sites SmartPick also reads the program's FAQ,
// eligibility and IMG pages one or two clicks away (same site only, once a day at most). On by
// default; needs site access (Check program sites automatically) to do anything.

export interface ReadSiteProps {
  /** null while the current setting loads. */
  on: boolean | null;
  onToggle(on: boolean): Promise<unknown>;
}

export function ReadSite({ on, onToggle }: ReadSiteProps) {
  const id = useId();
  const [pending, setPending] = useState<boolean | null>(null);
  const [error, setError] = useState('');
  const checked = pending ?? on ?? false;
  return (
    <div class="sp-auto">
      <div class="sp-check">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={on === null}
          aria-describedby={`${id}-help`}
          onChange={(e) => {
            const want = (e.currentTarget as HTMLInputElement).checked;
            setPending(want);
            setError('');
            onToggle(want).then(
              () => setPending(null),
              (x: unknown) => {
                setPending(null);
                setError(`Couldn’t change the setting: ${x instanceof Error ? x.message : String(x)}`);
              },
            );
          }}
        />
        <label for={id}>Read the program’s other pages</label>
      </div>
      <p id={`${id}-help`} class="sp-hint">
        On a program’s own site, also read its FAQ, eligibility and IMG pages (same site only, at most once a day), as following their links would: no cookies, nothing about you is sent.
      </p>
      {error && (
        <p class="sp-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
