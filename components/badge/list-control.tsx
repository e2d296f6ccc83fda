import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Tier } from '../../lib/core/schema/fit';
import type { BadgeActions } from './types';
import { LIST_TIERS, TIER_WORD, W } from './words';

// The footer's one button: "Add to list" until saved, then "In your list · <Tier>" opening a
// small menu (change tier, open list, remove). Both are the same <button> element, so focus
// stays put when an add or remove lands and the label changes under the user's finger.

interface Props {
  saved: { tier: Tier } | null;
  busy: boolean;
  actions: Pick<BadgeActions, 'add' | 'remove' | 'setTier' | 'openList'>;
}

export function ListControl({ saved, busy, actions }: Props) {
  const [menuOpen, setMenuOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const open = menuOpen && saved !== null;

  // Move focus into the menu when it opens: the checked tier, else the first item.
  useEffect(() => {
    if (!open) return;
    const menu = menuRef.current;
    const target = menu?.querySelector<HTMLElement>('[aria-checked="true"]') ?? items(menu)[0];
    target?.focus();
  }, [open]);

  const close = (refocus: boolean) => {
    setMenuOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const choose = (act: () => void) => {
    close(true);
    act();
  };

  const onButton = () => {
    if (busy) return;
    if (saved) setMenuOpen(!open);
    else actions.add();
  };

  const onMenuKey = (e: KeyboardEvent) => {
    const list = items(menuRef.current);
    const at = list.indexOf(e.target as HTMLElement);
    const go = (i: number) => list[(i + list.length) % list.length]?.focus();
    switch (e.key) {
      case 'ArrowDown': go(at + 1); break;
      case 'ArrowUp': go(at - 1); break;
      case 'Home': go(0); break;
      case 'End': go(list.length - 1); break;
      case 'Escape':
        // Close only the menu; the panel stays open.
        e.stopPropagation();
        close(true);
        break;
      case 'Tab':
        close(false);
        return;
      default:
        return;
    }
    e.preventDefault();
  };

  // Focus leaving the menu (a click elsewhere, Tab) closes it, except towards its own button,
  // whose click toggles it.
  const onMenuFocusOut = (e: FocusEvent) => {
    const to = e.relatedTarget as Node | null;
    if (to && (menuRef.current?.contains(to) || to === buttonRef.current)) return;
    setMenuOpen(false);
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        class={saved ? 'sp-btn' : 'sp-btn sp-primary'}
        aria-haspopup={saved ? 'menu' : undefined}
        aria-expanded={saved ? open : undefined}
        aria-controls={open ? menuId : undefined}
        aria-disabled={busy ? 'true' : undefined}
        aria-busy={busy ? 'true' : undefined}
        onClick={onButton}
        onKeyDown={(e) => {
          if (saved && !busy && e.key === 'ArrowDown') {
            e.preventDefault();
            setMenuOpen(true);
          }
        }}
      >
        {saved ? `${W.inList} · ${TIER_WORD[saved.tier]}` : W.add}
        {saved && <span aria-hidden="true">▾</span>}
      </button>
      {open && saved && (
        <div ref={menuRef} id={menuId} role="menu" aria-label={W.listMenu} class="sp-menu" onKeyDown={onMenuKey} onFocusOut={onMenuFocusOut}>
          <div role="group" aria-label={W.changeTier}>
            {LIST_TIERS.map((t) => (
              <button key={t} type="button" role="menuitemradio" aria-checked={saved.tier === t} tabIndex={-1} onClick={() => choose(() => actions.setTier(t))}>
                <span class="sp-check" aria-hidden="true">{saved.tier === t ? '✓' : ''}</span>
                {TIER_WORD[t]}
              </button>
            ))}
          </div>
          <div role="separator" />
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => choose(() => actions.openList())}>
            <span class="sp-check" aria-hidden="true" />
            {W.openList}
          </button>
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => choose(() => actions.remove())}>
            <span class="sp-check" aria-hidden="true" />
            {W.remove}
          </button>
        </div>
      )}
    </>
  );
}

const items = (menu: HTMLElement | null | undefined): HTMLElement[] =>
  menu ? Array.from(menu.querySelectorAll<HTMLElement>('[role^="menuitem"]')) : [];
