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
  await page.waitForFunction((u) => location.href === u && document.readyState === 'complete', { timeout, polling: 100 }, url);
  return page;
}

export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: string };

/** Sends a runtime message from an extension page and returns the background's answer. */
export async function sendToBackground<T = unknown>(page: Page, message: unknown): Promise<Reply<T>> {
  return page.evaluate(
    (m) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage(m),
    message,
  ) as Promise<Reply<T>>;
}
