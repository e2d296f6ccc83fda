import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';
import { loadFixture, matchFixture, startFixtureServer, type FixtureMap, type FixtureServer, type ServerQuirks } from './fixtures';

// Debian's Chromium driven by playwright-core, with the built extension loaded unpacked
// (../shared/TESTING.md "Chromium"). Nothing leaves the machine: fixture pages are served at their
// real URLs and every other http(s) request from a page is aborted.

export const CHROMIUM_PATH = '/usr/lib/chromium/chromium';
const ROOT = resolve(import.meta.dirname, '..', '..');

export type Build = 'production' | 'e2e';

/** The unpacked Chrome build: production (FREIDA only) or e2e (every site granted up front). */
export function chromeBuildDir(build: Build): string {
  return join(ROOT, '.output', build === 'e2e' ? 'e2e/chrome-mv3' : 'chrome-mv3');
}

export interface LaunchOptions {
  build: Build;
  /** Show the window (the demo, when a display exists). Tests run headless. */
  headed?: boolean;
  /**
   * Serve these hostnames from a local HTTP server (http, via --host-resolver-rules) instead of
   * context.route, which does not see the service worker's own fetches. Pages by path.
   */
  serve?: { hosts: string[]; pages: FixtureMap } & ServerQuirks;
  /**
   * The browser profile directory. Default: a fresh temporary one, deleted by close(). Given: used
   * as is and kept by close(), so a test can close the browser and launch it again with the same
   * profile (same IndexedDB and storage; the extension id is the same for the same unpacked build).
   */
  userDataDir?: string;
}

export interface Chromium {
  context: BrowserContext;
  extensionId: string;
  /** Port of the local server when `serve` was given. */
  servicePort?: number;
  /** The local server when `serve` was given (its `requests` say what was fetched). */
  server?: FixtureServer;
  close(): Promise<void>;
}

export async function launchChromium(options: LaunchOptions): Promise<Chromium> {
  const ext = chromeBuildDir(options.build);
  const ownDir = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'smartpick-chromium-')));
  const removeDir = () => (ownDir ? rm(userDataDir, { recursive: true, force: true }) : Promise.resolve());
  let server: FixtureServer | undefined;
  let context: BrowserContext | undefined;
  try {
    const args = [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ];
    const localHosts = new Set(options.serve?.hosts ?? []);
    let serveRules: string[] = [];
    if (options.serve) {
      server = await startFixtureServer(options.serve.pages, options.serve);
      serveRules = options.serve.hosts.map((h) => `MAP ${h} 127.0.0.1:${server!.port}`);
    }
    // Every other name resolves to nothing, on the machine: requests the fixtures do not answer
    // (the service worker's own fetches, which context.route does not see) fail at once and no DNS
    // query leaves the machine. Routed pages are fulfilled before any lookup.
    args.push(`--host-resolver-rules=${[...serveRules, 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', ')}`);
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: !options.headed,
      args,
    });
    // Registered first, so it is consulted last (Playwright tries the newest route first): any
    // web request no fixture answers is aborted. Extension pages and locally served hosts pass.
    await context.route(
      (url) => (url.protocol === 'http:' || url.protocol === 'https:') && !localHosts.has(url.hostname),
      (route) => route.abort('blockedbyclient'),
    );
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const extensionId = new URL(worker.url()).host;
    const ctx = context;
    const srv = server;
    return {
      context: ctx,
      extensionId,
      servicePort: srv?.port,
      server: srv,
      async close() {
        await ctx.close().catch(() => {});
        await srv?.close();
        await removeDir();
      },
    };
  } catch (e) {
    await context?.close().catch(() => {});
    await server?.close();
    await removeDir();
    throw e;
  }
}

/** Serves fixture pages at their real URLs (keys: full URLs, `*` suffix for a prefix). */
export async function routeFixtures(context: BrowserContext, map: FixtureMap): Promise<void> {
  await context.route(
    (url) => matchFixture(map, url.href) !== undefined,
    async (route: Route) => {
      const fixture = matchFixture(map, route.request().url())!;
      const { body, contentType } = loadFixture(fixture);
      await route.fulfill({ status: 200, contentType, body, headers: { 'cache-control': 'no-store' } });
    },
  );
}

/** Opens chrome-extension://<id>/<path> in a new tab. */
export async function openExtensionPage(context: BrowserContext, extensionId: string, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
  return page;
}

export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: string };

/** Sends a runtime message from an extension page (as the popup does) and returns the background's answer. */
export async function sendToBackground<T = unknown>(page: Page, message: unknown): Promise<Reply<T>> {
  return page.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
    message,
  ) as Promise<Reply<T>>;
}

export interface BadgeState {
  tier: string | null;
  state: string | null;
}

/** The badge's data-tier / data-state, or null when the page has no <smartpick-badge>. */
export async function badgeState(page: Page): Promise<BadgeState | null> {
  const host = page.locator('smartpick-badge');
  if ((await host.count()) === 0) return null;
  const [tier, state] = await Promise.all([host.first().getAttribute('data-tier'), host.first().getAttribute('data-state')]);
  return { tier, state };
}

/**
 * The content script's isolated worlds in a page, seen through the DevTools protocol: proves the
 * script was injected when a test checks that it changed nothing.
 */
export async function contentScriptWorlds(page: Page, extensionId: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: string[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { type?: string } | undefined;
    if (aux?.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`) worlds.push(context.name);
  });
  await cdp.send('Runtime.enable'); // reports every existing context
  await cdp.detach();
  return worlds;
}

/**
 * Waits until the background has registered a content script at runtime (the e2e build registers
 * the program-site script at start-up): a page opened before that would not get it.
 */
export async function waitForRegisteredScripts(extensionPage: Page, timeout = 10_000): Promise<void> {
  await extensionPage.waitForFunction(
    async () => {
      const scripting = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }).chrome.scripting;
      return (await scripting.getRegisteredContentScripts()).length > 0;
    },
    undefined,
    { timeout, polling: 100 },
  );
}
