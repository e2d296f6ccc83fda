import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startFixtureServer, type FixtureMap, type FixtureServer } from '../../../scripts/lib/fixtures';

// Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi (Playwright cannot drive it),
// with the e2e build installed as a temporary add-on (../shared/TESTING.md "Firefox"). Request
// interception over BiDi is unproven, so pages come from a local HTTP server instead.

export const FIREFOX_PATH = '/usr/bin/firefox-esr';
export const ADDON_ID = 'smartpick@smartpick.app';
/** Pinned through `extensions.webextensions.uuids`, so moz-extension:// URLs are known in advance. */
export const ADDON_UUID = '6f1c2a4e-3b5d-4c7e-9a8b-0d1e2f3a4b5c';
const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const FIREFOX_E2E_BUILD = join(ROOT, '.output', 'e2e', 'firefox-mv2');

export interface Firefox {
  browser: Browser;
  /** The add-on id Firefox reports after installing. */
  addonId: string;
  /** Local server for `pages`, when given. */
  server?: FixtureServer;
  close(): Promise<void>;
}

export async function launchFirefox(options: { pages?: FixtureMap } = {}): Promise<Firefox> {
  const server = options.pages ? await startFixtureServer(options.pages) : undefined;
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      },
    });
    const addonId = await browser.installExtension(FIREFOX_E2E_BUILD);
    const b = browser;
    return {
      browser: b,
      addonId,
      server,
      async close() {
        await b.close().catch(() => {});
        await server?.close();
      },
    };
  } catch (e) {
    await browser?.close().catch(() => {});
    await server?.close();
    throw e;
  }
}

export const extensionUrl = (path: string) => `moz-extension://${ADDON_UUID}/${path.replace(/^\//, '')}`;

/**
 * Opens moz-extension://<uuid>/<path>. The navigation's promise may never settle for extension
 * pages, so it is started without awaiting and the page polled until it is there and loaded.
 */
export async function openExtensionPage(browser: Browser, path: string, timeout = 20_000): Promise<Page> {
  const page = await browser.newPage();
  const url = extensionUrl(path);
  void page.goto(url).catch(() => {});
  // A poll that lands while the page is navigating fails with a protocol error ("right-hand side of
  // 'in' should be an object, got null") rather than returning false: poll again until the deadline.
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await page.waitForFunction((u) => location.href === u && document.readyState === 'complete', { timeout: Math.max(1, deadline - Date.now()), polling: 100 }, url);
      return page;
    } catch (e) {
      if (Date.now() >= deadline || (e as Error).name === 'TimeoutError') throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: string };

/** Sends a runtime message from an extension page and returns the background's answer. */
export async function sendToBackground<T = unknown>(page: Page, message: unknown): Promise<Reply<T>> {
  return page.evaluate(
    (m) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage(m),
    message,
  ) as Promise<Reply<T>>;
}

/**
 * Waits until the background has registered a content script at run time (the e2e build
 * registers the program-site script at start-up, through scripting.registerContentScripts, which
 * Firefox offers to MV2 add-ons): a page opened before that would not get it.
 */
export async function waitForRegisteredScripts(extensionPage: Page, timeout = 10_000): Promise<void> {
  await extensionPage.waitForFunction(
    async () => {
      const scripting = (globalThis as unknown as { browser: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }).browser.scripting;
      return (await scripting.getRegisteredContentScripts()).length > 0;
    },
    { timeout, polling: 100 },
  );
}

export interface BadgeState {
  tier: string | null;
  state: string | null;
}

/** <smartpick-badge>'s data-tier / data-state, or null when the page has none. */
export async function badgeState(page: Page): Promise<BadgeState | null> {
  return page.evaluate(() => {
    const host = document.querySelector<HTMLElement>('smartpick-badge');
    return host ? { tier: host.dataset.tier ?? null, state: host.dataset.state ?? null } : null;
  });
}

/**
 * Waits until the badge shows `want` (e.g. { state: 'ready' }) and returns its state. Polled in the
 * page (waitForFunction): `>>>` selectors do not see content added inside an existing shadow root.
 */
export async function waitForBadge(page: Page, want: Partial<BadgeState>, timeout = 15_000): Promise<BadgeState> {
  try {
    await page.waitForFunction(
      (w: Partial<BadgeState>) => {
        const host = document.querySelector<HTMLElement>('smartpick-badge');
        if (!host) return false;
        return (w.tier === undefined || host.dataset.tier === w.tier) && (w.state === undefined || host.dataset.state === w.state);
      },
      { timeout, polling: 100 },
      want,
    );
  } catch (e) {
    throw new Error(`badge never showed ${JSON.stringify(want)}; last seen ${JSON.stringify(await badgeState(page).catch(() => 'n/a'))}`, { cause: e });
  }
  return (await badgeState(page))!;
}

/**
 * The badge's visible buttons, in document order, by name: aria-label, else the text (the
 * pill's name is its text, "SmartPick: Realistic · 68"). Hidden ones (the closed panel's) are left out.
 */
export async function badgeButtons(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('smartpick-badge')?.shadowRoot;
    return [...(root?.querySelectorAll('button') ?? [])]
      .filter((b) => b.getClientRects().length > 0)
      .map((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').replace(/\s+/g, ' ').trim());
  });
}

/**
 * Clicks the first visible button in the badge whose name (as badgeButtons gives it) starts with
 * `prefix`; fails listing the buttons there are when none does.
 */
export async function clickInBadge(page: Page, prefix: string): Promise<void> {
  const clicked = await page.evaluate((p: string) => {
    const root = document.querySelector('smartpick-badge')?.shadowRoot;
    const button = [...(root?.querySelectorAll('button') ?? [])].find(
      (b) => b.getClientRects().length > 0 && (b.getAttribute('aria-label') ?? b.textContent ?? '').replace(/\s+/g, ' ').trim().startsWith(p),
    );
    button?.click();
    return !!button;
  }, prefix);
  if (!clicked) throw new Error(`no badge button starting "${prefix}"; buttons: ${JSON.stringify(await badgeButtons(page))}`);
}

/** Waits until a visible badge button's name starts with `prefix`. */
export async function waitForBadgeButton(page: Page, prefix: string, timeout = 10_000): Promise<void> {
  try {
    await page.waitForFunction(
      (p: string) =>
        [...(document.querySelector('smartpick-badge')?.shadowRoot?.querySelectorAll('button') ?? [])].some(
          (b) => b.getClientRects().length > 0 && (b.getAttribute('aria-label') ?? b.textContent ?? '').replace(/\s+/g, ' ').trim().startsWith(p),
        ),
      { timeout, polling: 100 },
      prefix,
    );
  } catch (e) {
    throw new Error(`no badge button starting "${prefix}"; buttons: ${JSON.stringify(await badgeButtons(page).catch(() => []))}`, { cause: e });
  }
}

/** The expanded panel's accessible name ("SmartPick fit for <program>"), or null while it is closed. */
export async function openDialogName(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const dialog = document.querySelector('smartpick-badge')?.shadowRoot?.querySelector('[role="dialog"]');
    return dialog && !dialog.hasAttribute('hidden') && dialog.getClientRects().length > 0 ? dialog.getAttribute('aria-label') : null;
  });
}

/**
 * The popup's saved programs by section (as harness/badge.ts listSections does for Chromium): each
 * list item's text under the nearest preceding heading.
 */
export async function listSections(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    let section = '';
    for (const el of document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"], li')) {
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (el.tagName === 'LI') (out[section] ??= []).push(text);
      else section = text;
    }
    return out;
  });
}
