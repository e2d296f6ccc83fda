import { browser } from 'wxt/browser';
import type { Fit, ListTier, Tier } from '@/lib/core/schema/fit';
import { CHANGED_NOTICE } from '@/lib/core/schema/message-rules';
import type { Message, Reply } from '@/lib/core/schema/messages';
import type { Profile } from '@/lib/core/schema/profile';
import type { Program, ProgramStatus } from '@/lib/core/schema/program';
import type { Backup } from '@/lib/core/schema/backup';
import type { ImportRow } from '@/lib/core/schema/import-row';
import { listToCsv } from '@/lib/core/list/csv';
import { fit } from '@/lib/core/fit/fit';
import { listItems } from '@/lib/core/list/evaluate';
import { digestIds, digestIsCurrent } from '@/lib/core/list/digest';
import type { ListDigest } from '@/lib/core/schema/digest';
import { openSmartPickDb, parseStoredDigest, parseStoredProfile, parseStoredPrograms, type ProgramList } from './db';
import { takeListPrefetch } from './list-prefetch';
import { downloadText, fileDate } from './download';
import { send } from './messaging';

// The popup's real actions (HOUSE_STYLE habit 12): messages to the background for data, and the
// few browser calls an extension page makes itself (inject into the active tab, ask for optional
// site access, open a view in a tab). Every failure becomes an Error with a sentence to show.
// The shape is components/popup/types.ts PopupActions; the entrypoint checks it (platform code
// does not import components).

/** The optional host access automatic checking needs (wxt.config.ts optional_host_permissions). */
export const SITE_ORIGINS = ['https://*/*', 'http://*/*'];

/** The site content script as built by WXT (entrypoints/site.content). */
export const SITE_SCRIPT = '/content-scripts/site.js';

/** What 'list/get' answers (entrypoints/background/handlers.ts). */
export interface ListReply {
  profileSet: boolean;
  /** The profile read with the list (the popup's direct read); absent from the background's reply. */
  profile?: Profile | null;
  /** Set when `programs` holds only the digest's most recent rows per tier: the whole list's figures. */
  partial?: { total: number; skipped: number; counts: Record<Tier, number>; specialties: Record<string, number> };
  programs: { program: Program; fit: Fit; tier: Tier }[];
  skipped: { key: string; error: string }[];
}

export type PopupView = 'list' | 'profile' | 'welcome';

type Send = <T>(message: Message) => Promise<Reply<T>>;
type Browser = typeof browser;

async function data<T>(reply: Promise<Reply<T>>): Promise<T> {
  const r = await reply;
  if (!r.ok) throw new Error(r.error);
  return r.data;
}

/** Pages no extension may script: the browser's own pages and its add-on stores. */
const CLOSED = /^(?:chrome|edge|brave|opera|vivaldi|about|view-source|devtools|chrome-extension|moz-extension|safari-web-extension):|^https:\/\/(?:chrome\.google\.com\/webstore|chromewebstore\.google\.com|addons\.mozilla\.org|microsoftedge\.microsoft\.com\/addons)/i;

function reasonFor(url: string | undefined, raw: string): string {
  if (url && /^(?:chrome-extension|moz-extension):/i.test(url)) return 'this is a SmartPick page; open a program’s website in this tab and try again';
  if (url && CLOSED.test(url)) return 'browser pages and add-on stores are closed to extensions; open a program’s website and try again';
  if (/cannot access|cannot be scripted|missing host permission|extensions gallery|chrome:\/\//i.test(raw))
    return 'the browser does not let extensions read this page; open a program’s website and try again';
  return raw;
}

/** What an import did (components/popup/types.ts ImportSummary). */
export interface ImportReply { added: number; replaced: number; unchanged?: number; kept?: number }

/**
 * The popup reads the list straight from the database (DESIGN.md: the popup may read; every write
 * goes through the background) and scores it here: 1,000 programs with their fits are ~3 MB, which
 * a runtime message would serialise twice on every open. The profile comes with it, so no message
 * to a sleeping background worker holds up the first render. Every record is parsed with zod.
 */
export async function readListDirect(now: Date = new Date()): Promise<ListReply> {
  const t0 = performance.now();
  const pre = await takeListPrefetch();
  if (pre?.all) return listed(parseStoredProfile(pre.profile), parseStoredPrograms(pre.values, pre.keys), now, t0);
  const db = await openSmartPickDb();
  try {
    const [profile, list] = await Promise.all([db.getProfile(), db.listPrograms()]);
    return listed(profile, list, now, t0);
  } finally {
    db.close();
  }
}

/**
 * The toolbar popup's first screen: the list digest the background keeps (counts, fee input, the
 * few most recent programs per tier) and just those programs, so its cost does not grow with the
 * list. Takes what popup.html's prefetch script already read (lib/platform/list-prefetch.ts).
 * Falls back to the whole list when there is no digest, it is from another season, or the programs
 * it names no longer score into the tiers it says (then it is not this data's digest).
 */
export async function readQuickList(now: Date = new Date()): Promise<ListReply> {
  const t0 = performance.now();
  const pre = await takeListPrefetch();
  if (pre) {
    const profile = parseStoredProfile(pre.profile);
    if (pre.all) return listed(profile, parseStoredPrograms(pre.values, pre.keys), now, t0);
    const quick = fromDigest(profile, parseStoredDigest(pre.digest), () => parseStoredPrograms(pre.values, pre.keys), now, t0);
    if (quick) return quick;
  }
  const db = await openSmartPickDb();
  try {
    const [profile, digest] = await Promise.all([db.getProfile(), db.getDigest()]);
    const rows = digest && digestIsCurrent(digest, now) ? await db.getPrograms(digestIds(digest)) : null;
    const quick = rows && fromDigest(profile, digest, () => rows, now, t0);
    return quick || listed(profile, await db.listPrograms(), now, t0);
  } finally {
    db.close();
  }
}

/** Names the read in the page's performance timeline (npm run bench and the browser tests read it). */
const measureRead = (t0: number, quick: boolean, programs: number) => performance.measure('smartpick:list-read', { start: t0, detail: { quick, programs } });

function listed(profile: Profile | null, list: ProgramList, now: Date, t0: number): ListReply {
  measureRead(t0, false, list.programs.length);
  return { profileSet: profile !== null, profile, programs: listItems(fit, profile, list.programs, now), skipped: list.skipped };
}

function fromDigest(profile: Profile | null, digest: ListDigest | null, rows: () => ProgramList, now: Date, t0: number): ListReply | null {
  if (!digest || !digestIsCurrent(digest, now) || digest.profileSet !== (profile !== null)) return null;
  const list = rows();
  const items = listItems(fit, profile, list.programs, now);
  // Each program must be where the digest put it, and every one it names must be there.
  const tierOf = new Map(items.map((i) => [i.program.id, i.tier]));
  for (const [tier, ids] of Object.entries(digest.recent)) if (ids.some((id) => tierOf.get(id) !== tier)) return null;
  if (tierOf.size !== digestIds(digest).length || list.skipped.length > 0) return null;
  measureRead(t0, true, list.programs.length);
  const { total, skipped, counts, specialties } = digest;
  return { profileSet: profile !== null, profile, programs: items, skipped: [], partial: { total, skipped, counts, specialties } };
}

/** Pages opened per "Re-check" press. */
export const RECHECK_BATCH = 5;

export function createPopupActions(
  b: Browser = browser,
  sendMessage: Send = send,
  save: typeof downloadText = downloadText,
  now: () => Date = () => new Date(),
  /** How the list is read: straight from the database in the extension (default), by message in tests. */
  readList: (() => Promise<ListReply>) | null = b === browser ? () => readListDirect(now()) : null,
  /** The toolbar popup's quick read (the list digest); null: the whole list (by message in tests). */
  readQuick: (() => Promise<ListReply>) | null = b === browser ? () => readQuickList(now()) : null,
) {
  const getList = () => (readList ? readList() : data(sendMessage<ListReply>({ type: 'list/get' })));
  return {
    getList,
    getQuickList: () => (readQuick ? readQuick() : getList()),
    getProfile: () => data(sendMessage<Profile | null>({ type: 'profile/get' })),
    saveProfile: async (profile: Profile): Promise<void> => {
      await data(sendMessage({ type: 'profile/set', profile }));
    },
    removeProgram: async (id: string): Promise<void> => {
      await data(sendMessage({ type: 'program/remove', id }));
    },
    updateProgram: async (id: string, patch: { tierOverride?: ListTier | null; status?: ProgramStatus; notes?: string }): Promise<void> => {
      await data(sendMessage({ type: 'program/update', id, patch }));
    },

    async checkThisPage(): Promise<void> {
      const [tab] = await b.tabs.query({ active: true, currentWindow: true });
      if (!tab || tab.id === undefined) throw new Error('no open tab was found');
      // With activeTab the popup sees the URL of the tab it was opened over.
      if (tab.url && CLOSED.test(tab.url)) throw new Error(reasonFor(tab.url, ''));
      try {
        await b.scripting.executeScript({ target: { tabId: tab.id }, files: [SITE_SCRIPT] });
      } catch (e) {
        throw new Error(reasonFor(tab.url, e instanceof Error ? e.message : String(e)));
      }
    },

    async getAutoCheck(): Promise<boolean> {
      const s = await data(sendMessage<{ autoCheck: boolean }>({ type: 'settings/get' }));
      return s.autoCheck === true;
    },

    setAutoCheck(on: boolean): Promise<boolean> {
      // permissions.request must be the first thing the click does: browsers accept it only
      // while the user's gesture is live, which an await before it would end.
      const asked = on ? b.permissions.request({ origins: SITE_ORIGINS }) : Promise.resolve(true);
      return (async () => {
        if (!(await asked)) return false;
        // The background registers (or unregisters) the site script and, when turned off, gives
        // the site access back (lib/platform/site-access.ts).
        const s = await data(sendMessage<{ autoCheck: boolean }>({ type: 'settings/auto-check', enabled: on }));
        return s.autoCheck === true;
      })();
    },

    onChange(cb: () => void): () => void {
      const listener = (message: unknown) => {
        if (message && typeof message === 'object' && (message as { type?: unknown }).type === CHANGED_NOTICE) cb();
        // Returning nothing: the popup never answers messages.
      };
      b.runtime.onMessage.addListener(listener);
      return () => b.runtime.onMessage.removeListener(listener);
    },

    openInTab(view: PopupView): void {
      void b.tabs.create({ url: b.runtime.getURL(`/popup.html#${view}`) });
    },

    async exportCsv(): Promise<void> {
      const list = await data(sendMessage<ListReply>({ type: 'list/get' }));
      // The byte-order mark makes Excel read the file as UTF-8 (program names with accents).
      save(`smartpick-list-${fileDate(now())}.csv`, `\uFEFF${listToCsv(list.programs)}`, 'text/csv;charset=utf-8');
    },
    async exportBackup(): Promise<void> {
      const backup = await data(sendMessage<Backup>({ type: 'backup/export' }));
      save(`smartpick-backup-${fileDate(now())}.json`, JSON.stringify(backup, null, 2), 'application/json');
    },
    importBackup: (backup: Backup, mode: 'replace' | 'merge') => data(sendMessage<ImportReply>({ type: 'backup/import', backup, mode })),
    importRows: (rows: ImportRow[]) => data(sendMessage<ImportReply>({ type: 'programs/import-rows', rows })),
    addProgram: async (p: { name: string; url: string; specialty: string | null }): Promise<void> => {
      await data(sendMessage({ type: 'program/add-manual', name: p.name, url: p.url, specialty: p.specialty }));
    },
    deleteAll: async (): Promise<void> => {
      await data(sendMessage({ type: 'data/delete-all' }));
    },
    async recheck(urls: string[]): Promise<number> {
      // A few tabs at a time: opening 80 at once would swamp the browser.
      const batch = urls.slice(0, RECHECK_BATCH);
      for (const url of batch) await b.tabs.create({ url, active: false });
      return batch.length;
    },
    async getReadSite(): Promise<boolean> {
      const s = await data(sendMessage<{ readSite?: boolean }>({ type: 'settings/get' }));
      return s.readSite !== false;
    },
    async setReadSite(on: boolean): Promise<boolean> {
      const s = await data(sendMessage<{ readSite?: boolean }>({ type: 'settings/read-site', enabled: on }));
      return s.readSite !== false;
    },
    linkPrograms: async (from: string, into: string): Promise<void> => {
      await data(sendMessage({ type: 'program/link', from, into }));
    },
  };
}
