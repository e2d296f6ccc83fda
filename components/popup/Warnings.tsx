import { warnings as listWarnings, type CoachItem, type Warning } from '../../lib/core/list/coach';
import type { Profile } from '../../lib/core/schema/profile';

// The coach's warnings (UX.md "The popup"): one calm line each — "4 programs block you (visa)",
// "List leans on Reach (38%; aim for 15–25%)", "6 programs don't state visa policy". A line that
// concerns particular programs is a button: it asks the list to show just those (onShow).

export interface WarningsProps {
  items: readonly CoachItem[];
  profile: Profile | null;
  /** Filter the list to these programs. */
  onShow(programIds: string[]): void;
}

export function Warnings({ items, profile, onShow }: WarningsProps) {
  const list: Warning[] = listWarnings(items, profile);
  if (list.length === 0) return null;
  return (
    <ul class="sp-warnings" aria-label="Worth a look" style={{ listStyle: 'none', padding: 0, margin: '0 0 10px' }}>
      {list.map((w) => (
        <li
          key={`${w.kind}:${w.field ?? ''}`}
          data-kind={w.kind}
          style={{ padding: '2px 0 2px 8px', marginTop: '4px', borderLeftWidth: '3px', borderLeftStyle: 'solid', borderLeftColor: `var(${w.kind === 'blocked' ? '--sp-ineligible' : '--sp-reach'})` }}
        >
          {w.programIds.length > 0 ? (
            <button type="button" class="sp-link" style={{ padding: 0, textAlign: 'left' }} onClick={() => onShow(w.programIds)}>
              {w.text}
            </button>
          ) : (
            w.text
          )}
        </li>
      ))}
    </ul>
  );
}
