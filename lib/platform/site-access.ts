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

async function stored(): Promise<boolean | undefined> {
  const v = await browser.storage.local.get(KEY).catch(() => ({}) as Record<string, unknown>);
  return (v?.[KEY] as { autoCheck?: boolean } | undefined)?.autoCheck;
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
  await browser.storage.local.set({ [KEY]: { autoCheck: enabled } });
  await register(enabled);
  if (!enabled) await browser.permissions.remove({ origins: ORIGINS }).catch(() => false);
  return { autoCheck: enabled };
}

/** At start-up: bring the registration in line with the setting. */
export async function syncSiteAccess(): Promise<void> {
  const { autoCheck } = await getAutoCheck();
  await register(autoCheck).catch(() => {});
}
