import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Evidence } from '../../lib/core/schema/signals';
import { FitPanel } from './fit-panel';
import type { BadgeProps } from './types';
import { useDragToCorner } from './use-drag-to-corner';
import { TIER_WORD, W, factsFound, isLowConfidence, nextCorner } from './words';

export type { BadgeActions, BadgeProps, Corner } from './types';
export { hostData } from './host-data';

// The in-page badge (UX.md "The badge"): a collapsed pill fixed to a corner that expands into a
// non-modal dialog. Props in, callbacks out; the mount owns the shadow root, the host element's
// data-tier/data-state, storage and messaging.

type View = 'error' | 'setup' | 'reading' | 'fit';

function viewOf({ state, profileSet, fit }: BadgeProps): View {
  if (state === 'error') return 'error';
  // Without a profile there is no fit to show, whatever the page read says.
  if (!profileSet) return 'setup';
  // A re-read (other pages of the program) keeps showing the fit it has: no flicker.
  if (fit) return 'fit';
  // "ready" with nothing to show is a failed read: offer the retry.
  return state === 'ready' ? 'error' : 'reading';
}

export function Badge(props: BadgeProps) {
  const { program, fit, actions, corner } = props;
  const view = viewOf(props);
  const [open, setOpen] = useState(false);
  const [highlighted, setHighlighted] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const pillRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const drag = useDragToCorner((c) => actions.moveTo(c));
  const expanded = open && view === 'fit' && fit !== null;

  const clear = () => {
    setHighlighted(false);
    actions.clearHighlight();
  };
  const collapse = () => {
    setOpen(false);
    pillRef.current?.focus();
  };
  const show = (e: Evidence) => {
    actions.showEvidence(e);
    setHighlighted(true);
  };

  // Opening moves focus into the dialog so its content is read next — once, when the user opens it,
  // and only from the pill: a later re-render (a change announced by another tab, a re-read, a panel
  // that opens late on a slow machine) must not pull focus away from the control the user is on.
  const focusOnOpen = useRef(false);
  useEffect(() => {
    if (expanded && focusOnOpen.current) {
      focusOnOpen.current = false;
      const panel = panelRef.current;
      const active = (panel?.getRootNode() as Document | ShadowRoot | undefined)?.activeElement ?? null;
      if (panel && (active === null || active === pillRef.current)) panel.focus();
    }
  }, [expanded]);

  // A highlight lasts until the next click or Escape anywhere on the page (UX.md); Escape inside
  // the badge is handled below, with the panel.
  useEffect(() => {
    const root = rootRef.current;
    const doc = root?.ownerDocument;
    if (!highlighted || !root || !doc) return;
    const inside = (e: Event) => (e.composedPath?.() ?? []).includes(root) || root.contains(e.target as Node);
    const onDown = () => clear();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !inside(e)) clear();
    };
    doc.addEventListener('pointerdown', onDown, true);
    doc.addEventListener('keydown', onKey, true);
    return () => {
      doc.removeEventListener('pointerdown', onDown, true);
      doc.removeEventListener('keydown', onKey, true);
    };
  }, [highlighted, actions]);

  const onRootKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    clear();
    if (expanded) {
      e.stopPropagation();
      collapse();
    }
  };

  // Enter/Space are handled on keydown (and their native click suppressed) so keyboard
  // activation does not depend on the browser synthesising a click.
  const onPillKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (!e.repeat) activate();
    }
  };
  const onPillKeyUp = (e: KeyboardEvent) => {
    if (e.key === ' ') e.preventDefault();
  };
  const activate = () => {
    if (view === 'setup') actions.openProfile();
    else if (view === 'fit') {
      focusOnOpen.current = !open;
      setOpen((o) => !o);
    }
  };
  const onPillClick = () => {
    if (!drag.endedDrag()) activate();
  };

  const pillCommon = {
    ref: pillRef,
    type: 'button' as const,
    class: 'sp-pill',
    onClick: onPillClick,
    onKeyDown: onPillKey,
    onKeyUp: onPillKeyUp,
    ...drag.handlers,
  };

  const barTier = view === 'fit' && fit ? fit.tier : 'unknown';

  return (
    <div
      ref={rootRef}
      class="sp-root"
      role="region"
      aria-label={W.brand}
      data-corner={corner}
      data-dragging={drag.offset ? '' : undefined}
      style={drag.offset ? { transform: `translate(${drag.offset.x}px, ${drag.offset.y}px)` } : undefined}
      onKeyDown={onRootKey}
    >
      <div class="sp-bar" data-tier={barTier}>
        {view === 'error' ? (
          <>
            <span class="sp-label">
              {W.brand} · {W.error}
            </span>
            <button type="button" class="sp-btn sp-small" onClick={() => actions.retry()}>
              {W.retry}
            </button>
          </>
        ) : view === 'reading' ? (
          <span class="sp-label">
            <span class="sp-spin" aria-hidden="true" />
            {W.brand} · {W.reading}
          </span>
        ) : view === 'setup' ? (
          <button {...pillCommon}>
            {W.brand} · {W.setup}
          </button>
        ) : (
          fit && (
            <button {...pillCommon} aria-expanded={expanded} aria-controls={panelId} aria-busy={props.state === 'reading' ? 'true' : undefined}>
              <span class="sp-sr">{W.brand}: </span>
              {fit.tier === 'ineligible' ? (
                <>
                  <span class="sp-tier">
                    <span class="sp-x" aria-hidden="true">✕</span>
                    {TIER_WORD.ineligible}
                  </span>
                  {fit.dealbreakers[0] && <span class="sp-why"> · {fit.dealbreakers[0].message}</span>}
                </>
              ) : (
                <>
                  <span class="sp-tier">
                    <span class="sp-dot" aria-hidden="true" />
                    {TIER_WORD[fit.tier]}
                    {isLowConfidence(fit) && '?'}
                  </span>
                  {fit.score !== null && ` · ${Math.round(fit.score)}`}
                  {isLowConfidence(fit) && <span class="sp-muted"> · {factsFound(fit)}</span>}
                </>
              )}
              {props.state === 'reading' && <span class="sp-spin" aria-hidden="true" />}
            </button>
          )
        )}
        <button type="button" class="sp-icon" aria-label={W.move} title={W.move} onClick={() => actions.moveTo(nextCorner(corner))}>
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M8 1.5v13M1.5 8h13M8 1.5 6 3.5M8 1.5l2 2M8 14.5l-2-2M8 14.5l2-2M1.5 8l2-2M1.5 8l2 2M14.5 8l-2-2M14.5 8l-2 2" />
          </svg>
        </button>
        <button type="button" class="sp-icon" aria-label={W.dismiss} title={W.dismiss} onClick={() => actions.dismiss()}>
          ×
        </button>
      </div>
      {view === 'fit' && fit && (
        <div
          ref={panelRef}
          id={panelId}
          class="sp-panel"
          role="dialog"
          aria-label={`SmartPick fit for ${program.name}`}
          tabIndex={-1}
          hidden={!expanded}
        >
          {expanded && (
            <FitPanel
              program={program}
              fit={fit}
              saved={props.saved}
              busy={props.busy === true}
              pagesNote={props.pagesNote}
              conflicts={props.conflicts}
              actions={actions}
              onShow={show}
              onClose={collapse}
            />
          )}
        </div>
      )}
    </div>
  );
}
