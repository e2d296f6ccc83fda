import { browser } from 'wxt/browser';

// "Check program sites automatically" (opt-in): with the user's grant of host access, the site
// content script is registered for every http(s) page; it costs a pre-check on pages that are not
// program pages. Without the grant nothing is registered, and pages are read only when the user
// presses "Check this page".

const KEY = 'smartpick.settings';
const SCRIPT_ID = 'smartpick-site';
const ORIGINS = ['https://*/*', 'http://*/*'];

async function hasAccess(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: ORIGINS });
  } catch {
    return false;
  }
}

interface Stored { autoCheck?: boolean; readSite?: boolean }

async function storedAll(): Promise<Stored> {
  const v = await browser.storage.local.get(KEY).catch(() => ({}) as Record<string, unknown>);
  const s = v?.[KEY];
  return s && typeof s === 'object' ? (s as Stored) : {};
}

async function stored(): Promise<boolean | undefined> {
  const s = (await storedAll()).autoCheck;
  return typeof s === 'boolean' ? s : undefined;
}

/**
 * "Read the program's other pages" (default on): after a program page is read, its FAQ,
 * eligibility and IMG pages are read too. It only ever reaches sites the user gave access to.
 */
export async function getReadSite(): Promise<boolean> {
  return (await storedAll()).readSite !== false;
}

export async function setReadSite(enabled: boolean): Promise<{ readSite: boolean }> {
  await browser.storage.local.set({ [KEY]: { ...(await storedAll()), readSite: enabled } });
  return { readSite: enabled };
}

/** The settings answer (settings/get): both switches. */
export async function getSettings(): Promise<{ autoCheck: boolean; readSite: boolean }> {
  const [{ autoCheck }, readSite] = await Promise.all([getAutoCheck(), getReadSite()]);
  return { autoCheck, readSite };
}

/** Whether the user gave SmartPick access to this page's site (the opt-in, or the test build's grant). */
export async function hasAccessTo(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [`${new URL(url).origin}/*`] });
  } catch {
    return false;
  }
}

async function register(on: boolean): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
  if (on && existing.length === 0) {
    await browser.scripting.registerContentScripts([
      { id: SCRIPT_ID, js: ['content-scripts/site.js'], matches: ORIGINS, excludeMatches: ['https://freida.ama-assn.org/*'], runAt: 'document_idle' },
    ]);
  } else if (!on && existing.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  }
}

/** On: stored choice, or — never asked — whether access was granted up front (the e2e build). */
export async function getAutoCheck(): Promise<{ autoCheck: boolean }> {
  const access = await hasAccess();
  return { autoCheck: access && ((await stored()) ?? true) };
}

export async function setAutoCheck(enabled: boolean): Promise<{ autoCheck: boolean }> {
  if (enabled && !(await hasAccess())) throw new Error('SmartPick needs access to websites first (the browser asks when you turn this on)');
  await browser.storage.local.set({ [KEY]: { ...(await storedAll()), autoCheck: enabled } });
  await register(enabled);
  if (!enabled) await browser.permissions.remove({ origins: ORIGINS }).catch(() => false);
  return { autoCheck: enabled };
}

/** At start-up: bring the registration in line with the setting. */
export async function syncSiteAccess(): Promise<void> {
  const { autoCheck } = await getAutoCheck();
  await register(autoCheck).catch(() => {});
}
