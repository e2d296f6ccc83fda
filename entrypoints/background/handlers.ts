import { messageSchema, CONTENT_SCRIPT_TYPES, type Message, type Reply } from '@/lib/core/schema/messages';
import { describeIssues, type Profile } from '@/lib/core/schema/profile';
import type { Backup } from '@/lib/core/schema/backup';
import type { Fit, Tier } from '@/lib/core/schema/fit';
import type { PageRecord, Program } from '@/lib/core/schema/program';
import { conflictRecords, mergeSignals, type Conflict } from '@/lib/core/list/merge';
import { newProgram } from '@/lib/core/list/program-from-page';
import { programKey } from '@/lib/core/list/program-key';
import { effectiveTier, evaluate, type FitFn } from '@/lib/core/list/evaluate';
import type { PageText } from '@/lib/core/page-text';
import { extractSignals } from '@/lib/core/signals/index';

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
  importBackup(input: unknown, mode: 'replace' | 'merge'): Promise<{ ok: true; added: number; replaced: number } | { ok: false; error: string }>;
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
  settings?: { get(): Promise<{ autoCheck: boolean }>; setAutoCheck(enabled: boolean): Promise<{ autoCheck: boolean }> };
}

export interface ListedProgram { program: Program; fit: Fit; tier: Tier }

function parseError(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  if (first && first.path[0] === 'type') return 'unknown message type';
  return `invalid message: ${describeIssues(error as never)}`;
}

export async function handleMessage(raw: unknown, sender: SenderKind, deps: Deps): Promise<Reply> {
  try {
    if (sender === 'foreign') return { ok: false, error: 'messages are accepted only from SmartPick itself' };
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: parseError(parsed.error) };
    const msg = parsed.data;
    if (sender === 'content-script' && !CONTENT_SCRIPT_TYPES.has(msg.type)) {
      return { ok: false, error: `${msg.type} is not allowed from a web page` };
    }
    return { ok: true, data: await dispatch(msg, deps) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

async function dispatch(msg: Message, deps: Deps): Promise<unknown> {
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
      const items: ListedProgram[] = programs.map((program) => {
        const fit = evaluate(deps.fit, profile, program.signals, now);
        return { program, fit, tier: effectiveTier(fit, program.tierOverride) };
      });
      return { profileSet: profile !== null, programs: items, skipped };
    }
    case 'page/evaluate': {
      const signals = msg.text ? extractSignals(msg.text as PageText, now.toISOString()) : msg.signals!;
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
      };
    }
    case 'program/save': {
      const fresh = newProgram(msg.page, msg.signals, now);
      let conflicts: Conflict[] = [];
      let program: Program | null = await repo.updateProgram(fresh.id, (existing) => {
        const merged = mergeSignals(existing.signals, msg.signals);
        conflicts = merged.conflicts;
        // A disagreement stays on record, newest first, until the pages agree again.
        const recorded = conflictRecords(merged.conflicts);
        const kept = existing.conflicts.filter((c) => !recorded.some((f) => f.field === c.field));
        return {
          ...existing,
          signals: merged.signals,
          conflicts: [...recorded, ...kept].slice(0, 50),
          urls: [msg.page.url, ...existing.urls.filter((u) => u !== msg.page.url)].slice(0, 50),
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
      const res = await repo.importBackup(msg.backup, 'replace');
      if (!res.ok) throw new Error(res.error);
      deps.notify(msg);
      return { added: res.added, replaced: res.replaced };
    }
    case 'settings/get':
      return (await deps.settings?.get()) ?? { autoCheck: false };
    case 'settings/auto-check': {
      if (!deps.settings) throw new Error('settings are not available here');
      return deps.settings.setAutoCheck(msg.enabled);
    }
    case 'ui/open': {
      await deps.openView?.(msg.view);
      return {};
    }
    case 'data/delete-all': {
      await repo.deleteAll();
      deps.notify(msg);
      return {};
    }
  }
}
