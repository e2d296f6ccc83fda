import { useState } from 'preact/hooks';
import type { ListedProgram } from './types';

// "Same program as…": two saved entries that are one program (its FREIDA page and its own site
// saved separately, under different keys) are merged by the user. The other entry's pages, facts
// and notes join this one.

export interface LinkControlProps {
  item: ListedProgram;
  others: readonly ListedProgram[];
  onLink(fromId: string, intoId: string): Promise<unknown>;
}

export function LinkControl({ item, others, onLink }: LinkControlProps) {
  const [error, setError] = useState<string | null>(null);
  if (others.length === 0) return null;
  const id = `sp-link-${item.program.id.replace(/[^a-z0-9]+/gi, '-')}`;
  return (
    <p class="sp-link-row">
      <label for={id}>Same program as</label>{' '}
      <select
        id={id}
        value=""
        onChange={(e) => {
          const from = (e.currentTarget as HTMLSelectElement).value;
          if (!from) return;
          setError(null);
          onLink(from, item.program.id).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
        }}
      >
        <option value="">— choose a saved program —</option>
        {others.map((o) => (
          <option key={o.program.id} value={o.program.id}>
            {o.program.name}
          </option>
        ))}
      </select>
      {error && (
        <span class="sp-error" role="alert">
          {` Couldn’t link: ${error}`}
        </span>
      )}
    </p>
  );
}
