import { browser } from 'wxt/browser';
import { coalescing } from '@/lib/core/coalesce';
import { fit } from '@/lib/core/fit/fit';
import { buildDigest, digestIsCurrent } from '@/lib/core/list/digest';
import { listItems } from '@/lib/core/list/evaluate';
import { CHANGED_NOTICE } from '@/lib/core/schema/messages';
import { openSmartPickDb, type SmartPickDb } from '@/lib/platform/db';
import { senderKind } from '@/lib/platform/messaging';
import { getReadSite, getSettings, hasAccessTo, setAutoCheck, setReadSite, syncSiteAccess } from '@/lib/platform/site-access';
import { SiteBudget } from '@/lib/core/site/budget';
import { storageSiteCache } from '@/lib/platform/site-cache';
import { fetchSitePage } from '@/lib/platform/site-fetch';
import { handleMessage, type Deps } from './handlers';

// The one writer: opens the database, answers every message through handlers.ts, and tells open
// tabs and extension pages when something changed so badges and lists refresh.
export default defineBackground(() => {
  // The database, opened on first use; an open that fails (another context upgrading it at that
  // moment, storage trouble) is tried again on the next use rather than failing every message after.
  let opening: Promise<SmartPickDb> | null = null;
  const db = () =>
    (opening ??= openSmartPickDb().catch((e: unknown) => {
      opening = null;
      throw e;
    }));
  // The list digest the toolbar popup opens with (lib/core/list/digest.ts): rebuilt after every
  // change, before the change is announced, so a popup that reloads on the notice finds it.
  // Writes drop it in their own transaction (lib/platform/db.ts), so it is never stale.
  const refreshDigest = coalescing(async () => {
    const now = new Date();
    await (await db()).rebuildDigest((profile, list) => buildDigest(listItems(fit, profile, list.programs, now), list.skipped.length, profile, now));
  });
  const deps: Deps = {
    repo: {
      getProfile: async () => (await db()).getProfile(),
      setProfile: async (p) => (await db()).setProfile(p),
      listPrograms: async () => (await db()).listPrograms(),
      getProgram: async (id) => (await db()).getProgram(id),
      putProgram: async (p) => (await db()).putProgram(p),
      updateProgram: async (id, fn) => (await db()).updateProgram(id, fn),
      removeProgram: async (id) => (await db()).removeProgram(id),
      putPage: async (p) => (await db()).putPage(p),
      exportBackup: async (now) => (await db()).exportBackup(now),
      importBackup: async (input, mode) => (await db()).importBackup(input, mode),
      deleteAll: async () => (await db()).deleteAll(),
    },
    fit,
    now: () => new Date(),
    notify: (change) => void refreshDigest().finally(() => notifyAll(change.type)),
    settings: { get: getSettings, setAutoCheck, setReadSite },
    // Reading a program's other pages: fetched here (host access, no cookies), parsed in the tab.
    site: (() => {
      const cache = storageSiteCache();
      void cache.prune(new Date()).catch(() => {}); // pages read more than a day ago are not kept
      return {
        budget: new SiteBudget(),
        cache,
        clear: () => cache.clear(),
        fetchPage: (url: string, siteOf: string) => fetchSitePage(url, { siteOf }),
        hasAccess: hasAccessTo,
        enabled: getReadSite,
      };
    })(),
    openView: async (view) => {
      await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html#${view}`) });
    },
  };

  async function notifyAll(cause: string) {
    const notice = { type: CHANGED_NOTICE, cause };
    browser.runtime.sendMessage(notice).catch(() => {}); // extension pages (popup, list), if open
    const tabs = await browser.tabs.query({}).catch(() => []);
    for (const tab of tabs) {
      if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, notice).catch(() => {}); // tabs without our script
    }
  }

  void syncSiteAccess();
  // None yet (first run, or the last rebuild failed) or from last season: build it now.
  void db()
    .then((r) => r.getDigest())
    .then((d) => (d && digestIsCurrent(d, new Date()) ? undefined : refreshDigest()))
    .catch(() => {});
  // Access granted or withdrawn outside the popup (Firefox may close the popup at its prompt, or
  // the user changes it in the browser's settings): bring the registration in line.
  browser.permissions.onAdded?.addListener(() => void syncSiteAccess());
  browser.permissions.onRemoved?.addListener(() => void syncSiteAccess());
  // First run: explain what SmartPick reads and offer the opt-in (popup.html#welcome).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    // A build granted every site up front (the test build) has nothing to explain or offer.
    void browser.permissions.contains({ origins: ['<all_urls>'] }).then((all) => {
      if (!all) void browser.tabs.create({ url: browser.runtime.getURL('/popup.html#welcome') });
    });
  });

  const origin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (r: unknown) => void) => {
    if (message && typeof message === 'object' && (message as { type?: unknown }).type === CHANGED_NOTICE) return false;
    // The sending tab's page and document (one page session: a reload starts a new one).
    const doc = (sender as { documentId?: string }).documentId;
    const from = { url: sender.url ?? sender.tab?.url, session: sender.tab?.id === undefined ? undefined : `${sender.tab.id}|${sender.frameId ?? 0}|${doc ?? sender.url ?? ''}` };
    handleMessage(message, senderKind(sender, browser.runtime.id, origin), deps, from).then(sendResponse);
    return true; // answer asynchronously
  });
});
