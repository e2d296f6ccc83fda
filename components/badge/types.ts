import type { Fit, ListTier, Tier } from '../../lib/core/schema/fit';
import type { Evidence } from '../../lib/core/schema/signals';

// The badge's contract with its mount (entrypoints/program.content/mount-badge.tsx): data in,
// user intent out. The component never talks to the extension itself (HOUSE_STYLE habit 12).

export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

export interface BadgeActions {
  add(): void;                     // "Add to list"
  remove(): void;                  // from the "In your list" menu
  setTier(t: ListTier): void;      // menu: change tier (override)
  openList(): void;                // menu: open list
  openProfile(): void;             // no-profile state click
  showEvidence(e: Evidence): void; // "Show on page" buttons
  clearHighlight(): void;          // on Escape / next click
  retry(): void;                   // error state
  dismiss(): void;                 // close (×) — hides the badge on this page
  moveTo(corner: Corner): void;    // user moved the badge
}

export interface BadgeProps {
  state: 'reading' | 'ready' | 'error';
  profileSet: boolean;
  program: { name: string; specialty: string | null; state: string | null };
  /** null while reading / on error. */
  fit: Fit | null;
  /** In the list (tier as listed, override included). */
  saved: { tier: Tier } | null;
  /** An add/remove is in flight. */
  busy?: boolean;
  /** e.g. "Read 3 pages". */
  pagesNote?: string;
  conflicts?: { field: string; a: string; b: string }[];
  corner: Corner;
  actions: BadgeActions;
}
