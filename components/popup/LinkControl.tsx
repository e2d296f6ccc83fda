import { useEffect, useRef, useState } from 'preact/hooks';
import type { ListedProgram } from './types';

// "Same program as…": two saved entries that are one program (its FREIDA page and its own site
// saved separately, under different keys) are merged by the user. The other entry's pages, facts
// and notes join this one.
//
// The choice opens on request: a list of 1,000 programs of one specialty would otherwise draw 999
// options under every row (a million elements on the full list page). Closed, a row carries one
// button.

export interface LinkControlProps {
  item: ListedProgram;
  /** Saved programs it could be (may include the item itself, which is never offered). */
  others: readonly ListedProgram[];
  onLink(fromId: string, intoId: string): Promise<unknown>;
}

/** Candidates in the order a person looks for the twin: same state first, then by name. */
export function linkCandidates(item: ListedProgram, others: readonly ListedProgram[]): ListedProgram[] {
  const state = item.program.state;
  return others
    .filter((o) => o.program.id !== item.program.id)
    .sort((a, b) => Number(b.program.state === state) - Number(a.program.state === state) || a.program.name.localeCompare(b.program.name));
}

export function LinkControl({ item, others, onLink }: LinkControlProps) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const select = useRef<HTMLSelectElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) select.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const count = others.length - (others.some((o) => o.program.id === item.program.id) ? 1 : 0);
  if (count <= 0) return null;
  const id = `sp-link-${item.program.id.replace(/[^a-z0-9]+/gi, '-')}`;
  const name = item.program.name;

  if (!open) {
    return (
      <p class="sp-link-row">
        <button type="button" class="sp-link" ref={opener} aria-expanded="false" aria-label={`${name}: same program as another saved entry…`} onClick={() => setOpen(true)}>
          Same program as…
        </button>
        {error && (
          <span class="sp-error" role="alert">
            {` Couldn’t link: ${error}`}
          </span>
        )}
      </p>
    );
  }
  return (
    <p class="sp-link-row" onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), setOpen(false))}>
      <label for={id}>Same program as</label>{' '}
      <select
        id={id}
        ref={select}
        value=""
        onChange={(e) => {
          const from = (e.currentTarget as HTMLSelectElement).value;
          if (!from) return;
          setError(null);
          setOpen(false);
          onLink(from, item.program.id).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
        }}
      >
        <option value="">— choose a saved program —</option>
        {linkCandidates(item, others).map((o) => (
          <option key={o.program.id} value={o.program.id}>
            {o.program.state ? `${o.program.name} (${o.program.state})` : o.program.name}
          </option>
        ))}
      </select>{' '}
      <button type="button" class="sp-link" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </p>
  );
}
