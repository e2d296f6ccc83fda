import { messageSchema, CONTENT_SCRIPT_TYPES, type Message, type Reply } from '@/lib/core/schema/messages';
import { describeIssues, type Profile } from '@/lib/core/schema/profile';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '@/lib/core/schema/backup';
import type { Fit, Tier } from '@/lib/core/schema/fit';
import type { PageRecord, Program } from '@/lib/core/schema/program';
import { conflictRecords, mergeSignals, type Conflict } from '@/lib/core/list/merge';
import { newProgram } from '@/lib/core/list/program-from-page';
import { programKey } from '@/lib/core/list/program-key';
import { effectiveTier, evaluate, listItems, type FitFn } from '@/lib/core/list/evaluate';
import type { PageText } from '@/lib/core/page-text';
import { extractSignals } from '@/lib/core/signals/index';
import { mergePages, siteView } from '@/lib/core/site/pages';
import { handleSiteMessage, type SenderPage, type SiteDeps } from './site-handlers';
import { checkEntry, describeImportError, findSaved, planRows, programFromEntry, programsToWrite, type CurrentList } from '@/lib/core/list/import-plan';

// Message type → repository call. The background is the one writer: every change passes here, is
// validated here, and is announced to open tabs afterwards.

export interface Repo {
  getProfile(): Promise<Profile | null>;
  setProfile(profile: Profile): Promise<void>;
  listPrograms(): Promise<{ programs: Program[]; skipped: { key: string; error: string }[] }>;
  getProgram(id: string): Promise<Program | null>;
  putProgram(program: Program): Promise<void>;
  updateProgram(id: string, fn: (p: Program) => Program): Promise<Program | null>;
  removeProgram(id: string): Promise<boolean>;
  putPage(page: PageRecord): Promise<void>;
  exportBackup(now: Date): Promise<Backup>;
  importBackup(input: unknown, mode: 'replace' | 'merge'): Promise<{ ok: true; added: number; replaced: number; kept?: number } | { ok: false; error: string }>;
  deleteAll(): Promise<void>;
}

export type SenderKind = 'extension-page' | 'content-script' | 'foreign';

export interface Deps {
  repo: Repo;
  fit: FitFn;
  now: () => Date;
  /** Called after every change so open badges and popups refresh. */
  notify: (change: { type: Message['type'] }) => void;
  /** Opens an extension view in a tab. */
  openView?: (view: 'profile' | 'list') => Promise<void>;
  /** The opt-in to read program sites as they open (registers the site content script). */
  settings?: {
    get(): Promise<{ autoCheck: boolean; readSite?: boolean }>;
    setAutoCheck(enabled: boolean): Promise<{ autoCheck: boolean }>;
    /** "Read the program's other pages". */
    setReadSite?(enabled: boolean): Promise<{ readSite: boolean }>;
  };
  /** Reading a program's other pages (site-handlers.ts); absent: site/fetch and site/read fail. */
  site?: SiteDeps & { clear?(): Promise<void> };
}

export interface ListedProgram { program: Program; fit: Fit; tier: Tier }

function parseError(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  if (first && first.path[0] === 'type') return 'unknown message type';
  return `invalid message: ${describeIssues(error as never)}`;
}

/** `from`: the sending tab's page, for messages that are only valid about it (site reading). */
export async function handleMessage(raw: unknown, sender: SenderKind, deps: Deps, from: SenderPage = {}): Promise<Reply> {
  try {
    if (sender === 'foreign') return { ok: false, error: 'messages are accepted only from SmartPick itself' };
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: parseError(parsed.error) };
    const msg = parsed.data;
    if (sender === 'content-script' && !CONTENT_SCRIPT_TYPES.has(msg.type)) {
      return { ok: false, error: `${msg.type} is not allowed from a web page` };
    }
    return { ok: true, data: await dispatch(msg, deps, from) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

async function dispatch(msg: Message, deps: Deps, from: SenderPage): Promise<unknown> {
  const { repo } = deps;
  const now = deps.now();
  switch (msg.type) {
    case 'profile/get':
      return repo.getProfile();
    case 'profile/set': {
      await repo.setProfile(msg.profile);
      deps.notify(msg);
      return msg.profile;
    }
    case 'list/get': {
      const [profile, { programs, skipped }] = await Promise.all([repo.getProfile(), repo.listPrograms()]);
      const items: ListedProgram[] = listItems(deps.fit, profile, programs, now);
      return { profileSet: profile !== null, programs: items, skipped };
    }
    case 'page/evaluate': {
      const own = msg.text ? extractSignals(msg.text as PageText, now.toISOString()) : msg.signals!;
      // Site reading: the page's own signals merged with its other pages', open page first.
      const site = msg.pages?.length ? siteView({ url: msg.page.url, title: msg.page.title, signals: own }, msg.pages) : null;
      const signals = site?.signals ?? own;
      const profile = await repo.getProfile();
      const fit = evaluate(deps.fit, profile, signals, now);
      const id = programKey(msg.page.url, signals.specialty?.value ?? null);
      const saved = signals.isProgramPage ? await repo.getProgram(id) : null;
      return {
        profileSet: profile !== null,
        signals,
        fit,
        saved: saved
          ? { id: saved.id, tier: effectiveTier(evaluate(deps.fit, profile, saved.signals, now), saved.tierOverride), conflicts: saved.conflicts }
          : null,
        ...(site ? { site: { pages: site.pages, conflicts: site.conflicts } } : {}),
      };
    }
    case 'program/save': {
      // Saved with its other pages (site reading): their signals merged into the page's own, the
      // open page first, as the badge showed them; their disagreements kept side by side.
      const site = msg.pages?.length ? mergePages({ url: msg.page.url, title: msg.page.title, signals: msg.signals }, msg.pages) : null;
      const signals = site?.signals ?? msg.signals;
      const siteUrls = site ? site.used.map((p) => p.url) : [msg.page.url];
      const siteConflicts = conflictRecords(site?.conflicts ?? []);
      const fresh = { ...newProgram(msg.page, signals, now), urls: [...new Set(siteUrls)], conflicts: siteConflicts.slice(0, 50) };
      let conflicts: Conflict[] = [];
      let program: Program | null = await repo.updateProgram(fresh.id, (existing) => {
        const merged = mergeSignals(existing.signals, signals);
        conflicts = merged.conflicts;
        // A disagreement stays on record, newest first, until the pages agree again.
        const recorded = [...siteConflicts, ...conflictRecords(merged.conflicts)];
        const kept = existing.conflicts.filter((c) => !recorded.some((f) => f.field === c.field));
        return {
          ...existing,
          signals: merged.signals,
          conflicts: [...recorded, ...kept].slice(0, 50),
          urls: [...new Set([...siteUrls, ...existing.urls])].slice(0, 50),
          state: existing.state ?? fresh.state,
          specialty: existing.specialty ?? fresh.specialty,
          ...(msg.tierOverride ? { tierOverride: msg.tierOverride } : {}),
          updatedAt: now.toISOString(),
        };
      });
      if (!program) {
        program = msg.tierOverride ? { ...fresh, tierOverride: msg.tierOverride } : fresh;
        await repo.putProgram(program);
      }
      await repo.putPage({ url: msg.page.url, programId: program.id, title: msg.page.title, readAt: now.toISOString(), signals: msg.signals });
      for (const p of site?.used.slice(1) ?? []) await repo.putPage({ url: p.url, programId: program.id, title: p.title, readAt: now.toISOString(), signals: p.signals });
      deps.notify(msg);
      const profile = await repo.getProfile();
      const fit = evaluate(deps.fit, profile, program.signals, now);
      return { program, fit, tier: effectiveTier(fit, program.tierOverride), conflicts };
    }
    case 'program/remove': {
      const removed = await repo.removeProgram(msg.id);
      if (removed) deps.notify(msg);
      return { removed };
    }
    case 'program/update': {
      const updated = await repo.updateProgram(msg.id, (p) => ({
        ...p,
        ...(msg.patch.tierOverride !== undefined ? { tierOverride: msg.patch.tierOverride } : {}),
        ...(msg.patch.status !== undefined ? { status: msg.patch.status } : {}),
        ...(msg.patch.notes !== undefined ? { notes: msg.patch.notes } : {}),
        ...(msg.patch.name !== undefined ? { name: msg.patch.name } : {}),
        updatedAt: now.toISOString(),
      }));
      if (!updated) throw new Error(`no saved program ${msg.id}`);
      deps.notify(msg);
      return updated;
    }
    case 'program/link': {
      if (msg.from === msg.into) throw new Error('a program cannot be linked to itself');
      const from = await repo.getProgram(msg.from);
      if (!from) throw new Error(`no saved program ${msg.from}`);
      const linked = await repo.updateProgram(msg.into, (into) => {
        const merged = mergeSignals(into.signals, from.signals);
        const recorded = conflictRecords(merged.conflicts);
        return {
          ...into,
          signals: merged.signals,
          urls: [...new Set([...into.urls, ...from.urls])].slice(0, 50),
          notes: [into.notes, from.notes].filter(Boolean).join('\n\n'),
          conflicts: [...recorded, ...into.conflicts.filter((c) => !recorded.some((r) => r.field === c.field))].slice(0, 50),
          acgmeId: into.acgmeId ?? from.acgmeId,
          state: into.state ?? from.state,
          specialty: into.specialty ?? from.specialty,
          updatedAt: now.toISOString(),
        };
      });
      if (!linked) throw new Error(`no saved program ${msg.into}`);
      // Its pages now belong to `into` (the database moves pages another program lists).
      await repo.removeProgram(msg.from);
      deps.notify(msg);
      return linked;
    }
    case 'backup/export':
      return repo.exportBackup(now);
    case 'backup/import': {
      const res = await repo.importBackup(msg.backup, msg.mode);
      if (!res.ok) throw new Error(res.error);
      deps.notify(msg);
      return { added: res.added, replaced: res.replaced, kept: res.kept ?? 0 };
    }
    case 'program/add-manual': {
      const checked = checkEntry({ name: msg.name, url: msg.url, specialty: msg.specialty });
      if (!checked.ok) throw new Error(checked.errors.map((e) => `${e.field}: ${e.message}`).join('; '));
      const current = await currentList(deps, now);
      const saved = findSaved(current, checked.entry);
      if (saved) throw new Error(`${saved.program.name} is already in your list`);
      const program = programFromEntry(checked.entry, now);
      await repo.putProgram(program);
      deps.notify(msg);
      const fit = evaluate(deps.fit, await repo.getProfile(), program.signals, now);
      return { program, fit, tier: effectiveTier(fit, program.tierOverride) };
    }
    case 'programs/import-rows': {
      // Planned again here, against the database as it is now: the popup's preview may be stale.
      const plan = planRows(await currentList(deps, now), msg.rows, now);
      if (plan.errors.length) {
        const more = plan.errors.length > 5 ? `; and ${plan.errors.length - 5} more` : '';
        throw new Error(`nothing was imported: ${plan.errors.slice(0, 5).map(describeImportError).join('; ')}${more}`);
      }
      const programs = programsToWrite(plan);
      if (programs.length) {
        // One transaction through the backup merge: every program is written, or none. Each carries
        // updatedAt = now, so the merge takes every one of them.
        const res = await repo.importBackup({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), profile: null, programs, pages: [] }, 'merge');
        if (!res.ok) throw new Error(res.error);
        deps.notify(msg);
      }
      return { added: plan.add.length, replaced: plan.replace.length, unchanged: plan.unchanged };
    }
    case 'settings/get':
      return (await deps.settings?.get()) ?? { autoCheck: false, readSite: true };
    case 'settings/auto-check': {
      if (!deps.settings) throw new Error('settings are not available here');
      return deps.settings.setAutoCheck(msg.enabled);
    }
    case 'settings/read-site': {
      if (!deps.settings?.setReadSite) throw new Error('settings are not available here');
      return deps.settings.setReadSite(msg.enabled);
    }
    case 'site/fetch':
    case 'site/read':
      if (!deps.site) throw new Error('site reading is not available here');
      return handleSiteMessage(msg, from, deps.site, now);
    case 'ui/open': {
      await deps.openView?.(msg.view);
      return {};
    }
    case 'data/delete-all': {
      await repo.deleteAll();
      await deps.site?.clear?.(); // pages read from program sites
      deps.notify(msg);
      return {};
    }
  }
}

/** The saved list with the tier each program is listed under, for import plans. */
async function currentList(deps: Deps, now: Date): Promise<CurrentList> {
  const [profile, { programs }] = await Promise.all([deps.repo.getProfile(), deps.repo.listPrograms()]);
  return {
    profileSet: profile !== null,
    programs: programs.map((program) => ({ program, tier: effectiveTier(evaluate(deps.fit, profile, program.signals, now), program.tierOverride) })),
  };
}
