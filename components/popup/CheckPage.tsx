import { useState } from 'preact/hooks';
import { W } from './words';

// "Check this page": reads the active tab once (activeTab + scripting) when automatic checking is
// off or the site is not FREIDA. Says plainly when a page cannot be read (browser pages, stores).

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done' } | { kind: 'failed'; message: string };

export function CheckPage({ onCheck }: { onCheck(): Promise<void> }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const click = () => {
    if (state.kind === 'busy') return;
    setState({ kind: 'busy' });
    onCheck().then(
      () => setState({ kind: 'done' }),
      (e: unknown) => setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
  };
  return (
    <div class="sp-check-page">
      <button type="button" class="sp-btn sp-primary" onClick={click} aria-disabled={state.kind === 'busy' ? 'true' : undefined}>
        {state.kind === 'busy' ? W.checking : W.checkPage}
      </button>
      <p class="sp-status-line" role="status">
        {state.kind === 'done' ? W.checked : ''}
      </p>
      {state.kind === 'failed' && (
        <p class="sp-error" role="alert">
          {`This page can’t be checked: ${state.message}`}
        </p>
      )}
    </div>
  );
}
