import { z } from 'zod';
import { backupSchema, type Backup } from '../schema/backup';
import type { ListTier, Tier } from '../schema/fit';
import type { ImportRow } from '../schema/import-row';
import { statusSchema, type Program, type ProgramStatus } from '../schema/program';
import type { Signals } from '../schema/signals';
import { emptySignals } from '../signals/empty';
import { freidaProgramId } from '../freida-url';
import { specialtyFromName, specialtyFromProgramId } from '../freida';
import specialtiesData from '../../../data/specialties.json';
import { programKey } from './program-key';

// What an import would do, worked out before anything is written: the programs it adds, the saved
// ones it replaces, what stays as it is, and every problem, each naming its row ("row 4: url: must be
// a web address") or backup entry ("programs[3] (Mercy General): urls[0]: must be a web address").
// The popup shows this as the preview; the background works it out again against the database
// before it writes, and writes nothing when there is any error (all or nothing).

export interface ImportError {
  /** The spreadsheet row (column names are row 1). */
  row?: number;
  /** Otherwise the backup entry ("programs[3] (Mercy General)", "profile") or "file". */
  entry?: string;
  field: string;
  message: string;
}

export interface Replacement {
  before: Program;
  after: Program;
  /** What changes, in words: "tier", "status", "notes"; a backup entry lists every field that differs. */
  changes: string[];
}

export interface ImportPlan {
  add: Program[];
  replace: Replacement[];
  /** Incoming entries that change nothing (the same as saved, or, merging a backup, older than the saved copy). */
  unchanged: number;
  /** Saved programs a backup restored with 'replace' deletes (always empty otherwise). */
  remove: Program[];
  /** What happens to the saved profile (a backup may carry one; a spreadsheet never does). */
  profile: 'keep' | 'set' | 'replace' | 'remove';
  errors: ImportError[];
}

/** The saved list, as 'list/get' answers it: each program with the tier it is listed under. */
export interface CurrentList {
  profileSet: boolean;
  programs: readonly { program: Program; tier: Tier }[];
}

export type BackupPlan = ImportPlan & { backup: Backup | null };

/** "row 4: url: must be a web address". */
export function describeImportError(e: ImportError): string {
  return `${e.row !== undefined ? `row ${e.row}` : (e.entry ?? 'file')}: ${e.field}: ${e.message}`;
}

const emptyPlan = (errors: ImportError[] = []): ImportPlan => ({ add: [], replace: [], unchanged: 0, remove: [], profile: 'keep', errors });

/** The plan's programs to write (added and replacing), in file order. */
export const programsToWrite = (plan: ImportPlan): Program[] => [...plan.add, ...plan.replace.map((r) => r.after)];

// ---- one program by hand, or one spreadsheet row ----

export const MAX_NAME = 300;
export const MAX_NOTES = 20_000;
const MAX_URL = 4000;

export interface ProgramEntry {
  name: string;
  url: string;
  /** A specialty slug, or null when neither the entry nor the program's name says. */
  specialty: string | null;
  tier: ListTier | null;
  status: ProgramStatus | null;
  notes: string | null;
}

const SLUGS = new Set(specialtiesData.specialties.map((s) => s.slug));
const LIST_TIERS: Record<string, ListTier | null> = {
  reach: 'reach', realistic: 'realistic', safety: 'safety',
  // Exported lists carry the model's own tiers; those are not something to set, so they set nothing.
  'not eligible': null, ineligible: null, 'not scored yet': null, unknown: null,
};
const STATUS_WORDS = statusSchema.options.map((s) => s.charAt(0).toUpperCase() + s.slice(1));

/**
 * A web address as people type it: "https://gme.example.org/im", or without the scheme
 * ("www.example.org/im"). Only http and https: a list entry becomes a link in the popup.
 */
export function webAddress(text: string): string | null {
  const t = text.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(t) ? t : /^[a-z0-9-]+(\.[a-z0-9-]+)+(?::\d+)?(?:[/?#]|$)/i.test(t) ? `https://${t}` : null;
  if (!withScheme || /\s/.test(withScheme)) return null;
  try {
    const u = new URL(withScheme);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    if (!u.hostname.includes('.') && u.hostname !== 'localhost') return null;
    return u.href;
  } catch {
    return null;
  }
}

/** A specialty by its slug ("internal-medicine"), name or a common alias ("Family Practice"). */
export function specialtySlug(text: string): string | null {
  const t = text.trim();
  if (SLUGS.has(t.toLowerCase())) return t.toLowerCase();
  return specialtyFromName(t, true)?.slug ?? null;
}

type Checked = { ok: true; entry: ProgramEntry } | { ok: false; errors: { field: string; message: string }[] };

/** Checks one entry's cells; every bad field is reported, not just the first. */
export function checkEntry(input: { name: string; url: string; specialty?: string | null; tier?: string; status?: string; notes?: string }): Checked {
  const errors: { field: string; message: string }[] = [];
  const name = input.name.trim();
  if (!name) errors.push({ field: 'name', message: 'must not be empty' });
  else if (name.length > MAX_NAME) errors.push({ field: 'name', message: `must be ${MAX_NAME} characters or fewer (it has ${name.length})` });

  const rawUrl = input.url.trim();
  const url = rawUrl ? webAddress(rawUrl) : null;
  if (!rawUrl) errors.push({ field: 'url', message: 'must not be empty' });
  else if (!url) errors.push({ field: 'url', message: 'must be a web address (https://…)' });
  else if (url.length > MAX_URL) errors.push({ field: 'url', message: `must be ${MAX_URL.toLocaleString('en-US')} characters or fewer` });

  let specialty: string | null = null;
  if (input.specialty?.trim()) {
    specialty = specialtySlug(input.specialty);
    if (!specialty) errors.push({ field: 'specialty', message: `“${clip(input.specialty.trim())}” is not a specialty SmartPick knows; use its name, e.g. Internal Medicine` });
  } else if (url) {
    // FREIDA's address holds the ACGME id, whose first digits name the specialty; else the name may.
    const id = freidaProgramId(url);
    specialty = (id && specialtyFromProgramId(id)?.slug) || specialtyFromName(name)?.slug || null;
  }

  let tier: ListTier | null = null;
  if (input.tier?.trim()) {
    const t = input.tier.trim().toLowerCase();
    if (Object.hasOwn(LIST_TIERS, t)) tier = LIST_TIERS[t] ?? null;
    else errors.push({ field: 'tier', message: `“${clip(input.tier.trim())}” is not a tier; use Reach, Realistic or Safety, or leave it empty` });
  }

  let status: ProgramStatus | null = null;
  if (input.status?.trim()) {
    const s = statusSchema.safeParse(input.status.trim().toLowerCase());
    if (s.success) status = s.data;
    else errors.push({ field: 'status', message: `“${clip(input.status.trim())}” is not a status; use ${STATUS_WORDS.join(', ')}, or leave it empty` });
  }

  const notes = input.notes?.trim() ? input.notes : null;
  if (notes !== null && notes.length > MAX_NOTES)
    errors.push({ field: 'notes', message: `must be ${MAX_NOTES.toLocaleString('en-US')} characters or fewer (they have ${notes.length.toLocaleString('en-US')})` });

  if (errors.length) return { ok: false, errors };
  return { ok: true, entry: { name, url: url!, specialty, tier, status, notes } };
}

const clip = (s: string, max = 40) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * A saved program from an entry nobody has read a page for yet: what the applicant said is all it
 * knows. The specialty they named is kept as a signal (the fit reads the specialty from the signals),
 * with evidence that points at no sentence on the page (blockIndex −1).
 */
export function programFromEntry(entry: ProgramEntry, now: Date): Program {
  const iso = now.toISOString();
  const signals: Signals = {
    ...emptySignals(true),
    specialty: entry.specialty
      ? { value: entry.specialty, strength: 'required', evidence: { pageUrl: entry.url, quote: entry.name, context: 'Added by you', blockIndex: -1, readAt: iso } }
      : null,
  };
  const acgmeId = freidaProgramId(entry.url);
  return {
    id: programKey(entry.url, entry.specialty, acgmeId),
    name: entry.name,
    acgmeId,
    specialty: entry.specialty,
    city: null,
    state: null,
    urls: [entry.url],
    signals,
    tierOverride: entry.tier,
    status: entry.status ?? 'considering',
    notes: entry.notes ?? '',
    conflicts: [],
    addedAt: iso,
    updatedAt: iso,
  };
}

// ---- spreadsheet rows ----

function normalUrl(u: string): string {
  try {
    return new URL(u).href;
  } catch {
    return u;
  }
}

type Saved = { program: Program; tier: Tier };

/** Saved programs by each of their web addresses (first wins) and by id. */
function index(current: CurrentList): { byUrl: Map<string, Saved>; byId: Map<string, Saved> } {
  const byUrl = new Map<string, Saved>();
  const byId = new Map<string, Saved>();
  for (const item of current.programs) {
    byId.set(item.program.id, item);
    for (const u of item.program.urls) if (!byUrl.has(normalUrl(u))) byUrl.set(normalUrl(u), item);
  }
  return { byUrl, byId };
}

function lookUp({ byUrl, byId }: ReturnType<typeof index>, entry: ProgramEntry): Saved | undefined {
  return byUrl.get(entry.url) ?? byId.get(programKey(entry.url, entry.specialty, freidaProgramId(entry.url)));
}

/** The saved program an entry is: the one with that web address, else the one with its key. */
export function findSaved(current: CurrentList, entry: ProgramEntry): Saved | undefined {
  return lookUp(index(current), entry);
}

/**
 * Spreadsheet rows against the saved list. A row is the saved program with that web address, else
 * the saved program with its key (DESIGN.md: ACGME id, else site and specialty), else a new program.
 * For a saved program only tier, status and notes are taken from the row, and an empty cell changes
 * nothing: an import never erases what the applicant wrote. A tier equal to the one the program is
 * already listed under is no change (so re-importing an exported list does not pin every tier).
 */
export function planRows(current: CurrentList, rows: readonly ImportRow[], now: Date): ImportPlan {
  const plan = emptyPlan();
  const saved = index(current);
  const seen = new Map<string, number>();
  const iso = now.toISOString();

  for (const row of rows) {
    const checked = checkEntry(row);
    if (!checked.ok) {
      for (const e of checked.errors) plan.errors.push({ row: row.row, ...e });
      continue;
    }
    const entry = checked.entry;
    const match = lookUp(saved, entry);
    const fresh = match ? null : programFromEntry(entry, now);
    const id = match?.program.id ?? fresh!.id;
    const first = seen.get(id);
    if (first !== undefined) {
      const hint = !match && entry.specialty === null && id.startsWith('site:') ? ' (same website; a Specialty column tells a hospital’s programs apart)' : '';
      plan.errors.push({ row: row.row, field: 'url', message: `same program as row ${first}${hint}` });
      continue;
    }
    seen.set(id, row.row);
    if (fresh) {
      plan.add.push(fresh);
      continue;
    }
    const before = match!.program;
    const changes: string[] = [];
    const after: Program = { ...before };
    if (entry.tier !== null && entry.tier !== match!.tier && entry.tier !== before.tierOverride) {
      after.tierOverride = entry.tier;
      changes.push('tier');
    }
    if (entry.status !== null && entry.status !== before.status) {
      after.status = entry.status;
      changes.push('status');
    }
    if (entry.notes !== null && entry.notes !== before.notes) {
      after.notes = entry.notes;
      changes.push('notes');
    }
    if (changes.length === 0) plan.unchanged++;
    else plan.replace.push({ before, after: { ...after, updatedAt: iso }, changes });
  }
  return plan;
}

// ---- a backup file ----

const envelopeSchema = backupSchema.pick({ format: true, version: true });

/** Backup issues, every one named by its entry ("programs[3] (Mercy General)") and field ("urls[0]"). */
function backupIssues(error: z.ZodError, raw: Record<string, unknown>): ImportError[] {
  const nameOf = (list: unknown, i: number, key: string): string => {
    const item = Array.isArray(list) ? (list[i] as Record<string, unknown> | undefined) : undefined;
    const v = item && typeof item === 'object' ? item[key] : undefined;
    return typeof v === 'string' && v.trim() ? ` (${clip(v.trim(), 100)})` : '';
  };
  const path = (p: PropertyKey[]) => p.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
  return error.issues.map((issue) => {
    const [top, index, ...rest] = issue.path;
    if ((top === 'programs' || top === 'pages') && typeof index === 'number') {
      const label = top === 'programs' ? nameOf(raw.programs, index, 'name') : nameOf(raw.pages, index, 'url');
      return { entry: `${top}[${index}]${label}`, field: path(rest) || '(entry)', message: issue.message };
    }
    if (top === 'profile') return { entry: 'profile', field: path(issue.path.slice(1)) || '(profile)', message: issue.message };
    return { entry: 'file', field: path(issue.path) || '(file)', message: issue.message };
  });
}

function duplicates(keys: string[], list: 'programs' | 'pages', field: string): ImportError[] {
  const seen = new Map<string, number>();
  const out: ImportError[] = [];
  keys.forEach((key, i) => {
    const first = seen.get(key);
    if (first !== undefined) out.push({ entry: `${list}[${i}]`, field, message: `${JSON.stringify(key)} appears twice (also ${list}[${first}])` });
    else seen.set(key, i);
  });
  return out;
}

const canonical = (p: Program) => JSON.stringify({ ...p, addedAt: Date.parse(p.addedAt), updatedAt: Date.parse(p.updatedAt) });

const FIELD_WORDS: Partial<Record<keyof Program, string>> = {
  name: 'name', urls: 'pages', signals: 'facts read', tierOverride: 'tier', status: 'status', notes: 'notes',
  specialty: 'specialty', state: 'state', city: 'city', acgmeId: 'ACGME id',
};

function differences(a: Program, b: Program): string[] {
  return (Object.keys(FIELD_WORDS) as (keyof Program)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => FIELD_WORDS[k]!);
}

/**
 * A backup file (its JSON text or the parsed object) against the saved list. 'merge' (what the popup
 * offers first) adds the file's programs and, on the same id, keeps whichever copy was updated last;
 * the saved profile stays, the file's is used only when none is saved. 'replace' makes the list
 * equal to the file: saved programs the file lacks are removed and its profile replaces the saved one.
 * The same rules as lib/platform/db.ts importBackup, which applies them.
 */
export function planBackup(current: CurrentList, input: unknown, mode: 'replace' | 'merge'): BackupPlan {
  const fail = (errors: ImportError[]): BackupPlan => ({ ...emptyPlan(errors), backup: null });
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch {
      return fail([{ entry: 'file', field: 'file', message: 'not a SmartPick backup: the file is not JSON' }]);
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return fail([{ entry: 'file', field: 'file', message: 'not a SmartPick backup: expected an object with format, version, profile, programs and pages' }]);
  const raw = data as Record<string, unknown>;
  // Format and version first: in another program's file every other field would be noise.
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return fail(backupIssues(envelope.error, raw));
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) return fail(backupIssues(parsed.error, raw));
  const backup = parsed.data;
  const dup = [
    ...duplicates(backup.programs.map((p) => p.id), 'programs', 'id'),
    ...duplicates(backup.pages.map((p) => p.url), 'pages', 'url'),
  ];
  if (dup.length) return fail(dup);

  const plan: BackupPlan = { ...emptyPlan(), backup };
  const saved = new Map(current.programs.map((p) => [p.program.id, p.program]));
  for (const p of backup.programs) {
    const before = saved.get(p.id);
    if (!before) plan.add.push(p);
    else if (canonical(before) === canonical(p)) plan.unchanged++;
    else if (mode === 'merge' && Date.parse(p.updatedAt) < Date.parse(before.updatedAt)) plan.unchanged++;
    else plan.replace.push({ before, after: p, changes: differences(before, p) });
  }
  if (mode === 'replace') {
    const incoming = new Set(backup.programs.map((p) => p.id));
    plan.remove = current.programs.map((p) => p.program).filter((p) => !incoming.has(p.id));
    plan.profile = backup.profile ? (current.profileSet ? 'replace' : 'set') : current.profileSet ? 'remove' : 'keep';
  } else {
    plan.profile = backup.profile && !current.profileSet ? 'set' : 'keep';
  }
  return plan;
}
