import type { Backup } from '../../lib/core/schema/backup';
import type { Fit, ListTier, Tier } from '../../lib/core/schema/fit';
import type { ImportRow } from '../../lib/core/schema/import-row';
import type { Profile } from '../../lib/core/schema/profile';
import type { Program, ProgramStatus } from '../../lib/core/schema/program';

// The popup's contract with its entrypoint: data in, user intent out (HOUSE_STYLE habit 12). The
// real actions live in lib/platform/popup-actions.ts; tests pass a fake.

/** default: summary + compact list (the toolbar popup); list: the full list page; profile; welcome. */
export type View = 'home' | 'list' | 'profile' | 'welcome';

/** One row of 'list/get' (entrypoints/background/handlers.ts ListedProgram). */
export interface ListedProgram { program: Program; fit: Fit; tier: Tier }

/** What 'list/get' answers. */
export interface ListData {
  profileSet: boolean;
  /** The profile, when the list was read together with it (saves a separate getProfile). */
  profile?: Profile | null;
  /**
   * Set when `programs` holds only the most recent few per tier (the toolbar popup's first read,
   * from the list digest): the whole list's counts, fee input, size and unreadable records.
   */
  partial?: ListPartial | undefined;
  programs: ListedProgram[];
  /** Stored records that failed to parse: counted, never shown as programs. */
  skipped: { key: string; error: string }[];
}

export interface ListPartial {
  total: number;
  skipped: number;
  counts: Record<Tier, number>;
  specialties: Record<string, number>;
}

export interface ProgramPatch {
  tierOverride?: ListTier | null;
  status?: ProgramStatus;
  notes?: string;
}

/** Every call rejects with an Error whose message can be shown to the user. */
export interface PopupActions {
  getList(): Promise<ListData>;
  /**
   * What the toolbar popup's first screen needs: counts for the whole list and its most recent
   * rows per tier (may answer the whole list). Absent: getList.
   */
  getQuickList?(): Promise<ListData>;
  getProfile(): Promise<Profile | null>;
  saveProfile(profile: Profile): Promise<void>;
  removeProgram(id: string): Promise<void>;
  updateProgram(id: string, patch: ProgramPatch): Promise<void>;
  /** Reads the active tab with the site content script (activeTab + scripting). */
  checkThisPage(): Promise<void>;
  getAutoCheck(): Promise<boolean>;
  /**
   * Turns automatic checking on or off; resolves to the state now in force (false when the user
   * declined the browser's permission prompt). Must be called straight from the click handler:
   * the permission request needs the user's gesture.
   */
  setAutoCheck(on: boolean): Promise<boolean>;
  /** Calls back when the background announces a change; returns the unsubscribe. */
  onChange(cb: () => void): () => void;
  /** Opens the full list (or another view) in a browser tab. */
  openInTab(view: Exclude<View, 'home'>): void;
  /** Downloads the list as a spreadsheet (CSV, formula-safe). */
  exportCsv(): Promise<void>;
  /** Downloads everything as the backup file (DESIGN.md envelope, JSON). */
  exportBackup(): Promise<void>;
  /** Restores a backup file already checked by the preview; the background checks it again. */
  importBackup(backup: Backup, mode: 'replace' | 'merge'): Promise<ImportSummary>;
  /** Imports spreadsheet rows, all or nothing (a bad row rejects with every problem named). */
  importRows(rows: ImportRow[]): Promise<ImportSummary>;
  /** Adds a program by hand; rejects naming the bad field, or when it is already in the list. */
  addProgram(program: ManualProgram): Promise<void>;
  /** Deletes the profile, every saved program and every read page. */
  deleteAll(): Promise<void>;
  /**
   * Re-reads programs: opens each one's page in a background tab so SmartPick reads it again
   * (the badge saves the fresh facts). Resolves to how many were opened (at most a few at once).
   */
  recheck(urls: string[]): Promise<number>;
  /** "Read the program's other pages" (site reading), on by default. */
  getReadSite(): Promise<boolean>;
  setReadSite(on: boolean): Promise<boolean>;
  /** The user says two saved entries are one program: `from` is merged into `into`. */
  linkPrograms(from: string, into: string): Promise<void>;
}

/** What an import did; `unchanged` for spreadsheet rows, `kept` (saved copy newer) for a merged backup. */
export interface ImportSummary {
  added: number;
  replaced: number;
  unchanged?: number;
  kept?: number;
}

/** A program added by hand: `specialty` is a slug from data/specialties.json, or null ("not sure"). */
export interface ManualProgram {
  name: string;
  url: string;
  specialty: string | null;
}
