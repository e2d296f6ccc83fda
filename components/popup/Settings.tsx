import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { PopupActions } from './types';
import { PRIVACY } from './words';

// Settings: other settings passed in as children (automatic checking), then "Delete all SmartPick
// data" (UX.md "Freshness and privacy") behind a confirmation that says what goes and that it
// cannot be undone.

export interface SettingsProps {
  actions: Pick<PopupActions, 'deleteAll'>;
  /** Further settings shown above the delete control (e.g. <AutoCheck>). */
  children?: ComponentChildren;
}

type State = { kind: 'idle' } | { kind: 'confirm' } | { kind: 'busy' } | { kind: 'done' } | { kind: 'failed'; message: string };

export const DELETE_ALL = 'Delete all SmartPick data';

export function Settings({ actions, children }: SettingsProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const id = useId();
  const startRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  // Focus follows the step: the confirmation's safe choice when it opens, the start button when it closes.
  useEffect(() => {
    if (state.kind === 'confirm') {
      asked.current = true;
      cancelRef.current?.focus();
    } else if (asked.current && state.kind !== 'busy') {
      asked.current = false;
      startRef.current?.focus();
    }
  }, [state.kind]);

  const confirm = () => {
    setState({ kind: 'busy' });
    actions.deleteAll().then(
      () => setState({ kind: 'done' }),
      (e: unknown) => setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
  };

  const asking = state.kind === 'confirm' || state.kind === 'busy';

  return (
    <section class="sp-sec sp-settings" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Settings</h2>
      {children}
      <p class="sp-hint">{`${PRIVACY} SmartPick keeps your profile, your list and the pages it read for it in this browser only.`}</p>
      {!asking && (
        <p>
          <button ref={startRef} type="button" class="sp-btn sp-danger" onClick={() => setState({ kind: 'confirm' })}>
            {DELETE_ALL}
          </button>
        </p>
      )}
      {asking && (
        <div
          class="sp-confirm"
          role="alertdialog"
          aria-labelledby={`${id}-q`}
          aria-describedby={`${id}-d`}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && state.kind === 'confirm') {
              e.stopPropagation();
              setState({ kind: 'idle' });
            }
          }}
        >
          <p id={`${id}-q`}>
            <strong>Delete all SmartPick data?</strong>
          </p>
          <p id={`${id}-d`}>
            Your profile, every saved program with its notes and status, and every page SmartPick read are deleted from this browser. This
            cannot be undone; export a backup first if you may want them back.
          </p>
          <div class="sp-actions">
            <button type="button" class="sp-btn sp-danger" onClick={confirm} disabled={state.kind === 'busy'}>
              {state.kind === 'busy' ? 'Deleting…' : 'Delete everything'}
            </button>
            <button ref={cancelRef} type="button" class="sp-btn" onClick={() => setState({ kind: 'idle' })} disabled={state.kind === 'busy'}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <p class="sp-status-line" role="status">
        {state.kind === 'done' ? 'All SmartPick data was deleted.' : ''}
      </p>
      {state.kind === 'failed' && (
        <p class="sp-error" role="alert">
          {`Couldn’t delete: ${state.message}`}
        </p>
      )}
    </section>
  );
}
