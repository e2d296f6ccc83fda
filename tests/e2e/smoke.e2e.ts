import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromeBuildDir, launchChromium, openExtensionPage, sendToBackground, type Chromium } from '../../scripts/lib/chromium';
import { EXAMPLE_PROFILE } from './harness/profiles';

// The production Chrome build loads, its background answers the messages API from an extension
// page, and the builds grant exactly the access DESIGN.md "Builds" says.

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const access = (m: Record<string, unknown>) => [...((m.host_permissions as string[]) ?? []), ...((m.permissions as string[]) ?? [])];

describe('Chromium, production build', () => {
  let browser: Chromium;
  beforeAll(async () => {
    browser = await launchChromium({ build: 'production' });
  });
  afterAll(() => browser?.close());

  test('service worker runs and gives the extension id', () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(browser.context.serviceWorkers().map((w) => w.url())).toContain(`chrome-extension://${browser.extensionId}/background.js`);
  });

  test('popup renders its heading', async () => {
    const page = await openExtensionPage(browser.context, browser.extensionId, 'popup.html');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('SmartPick');
    await page.close();
  });

  test('profile/set then profile/get round-trips the DESIGN.md example profile', async () => {
    const page = await openExtensionPage(browser.context, browser.extensionId, 'popup.html');
    const set = await sendToBackground(page, { type: 'profile/set', profile: EXAMPLE_PROFILE });
    expect(set).toEqual({ ok: true, data: EXAMPLE_PROFILE });
    expect(await sendToBackground(page, { type: 'profile/get' })).toEqual({ ok: true, data: EXAMPLE_PROFILE });
    // Still there for a page opened later: it was stored, not only echoed.
    const other = await openExtensionPage(browser.context, browser.extensionId, 'popup.html');
    expect(await sendToBackground(other, { type: 'profile/get' })).toEqual({ ok: true, data: EXAMPLE_PROFILE });
    await Promise.all([page.close(), other.close()]);
  });

  test('list/get answers an empty list on a fresh profile directory', async () => {
    const page = await openExtensionPage(browser.context, browser.extensionId, 'popup.html');
    const reply = await sendToBackground<{ programs: unknown[] }>(page, { type: 'list/get' });
    expect(reply.ok).toBe(true);
    expect(reply.ok && reply.data.programs).toEqual([]);
    await page.close();
  });

  test.each([
    ['an unknown type', { type: 'profile/delete-everything' }],
    ['no type', { profile: EXAMPLE_PROFILE }],
    ['an invalid profile', { type: 'profile/set', profile: { ...EXAMPLE_PROFILE, step2ck: { score: 999, attempts: 1 } } }],
    ['not an object', 'profile/get'],
  ])('a message with %s gets { ok: false, error }', async (_what, message) => {
    const page = await openExtensionPage(browser.context, browser.extensionId, 'popup.html');
    const reply = await sendToBackground(page, message);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toEqual(expect.any(String));
    await page.close();
  });

  test('a rejected profile/set leaves the stored profile as it was', async () => {
    const page = await openExtensionPage(browser.context, browser.extensionId, 'popup.html');
    expect((await sendToBackground(page, { type: 'profile/set', profile: EXAMPLE_PROFILE })).ok).toBe(true);
    const bad = await sendToBackground(page, { type: 'profile/set', profile: { ...EXAMPLE_PROFILE, visa: 'f1' } });
    expect(bad).toEqual({ ok: false, error: expect.stringContaining('visa') });
    expect(await sendToBackground(page, { type: 'profile/get' })).toEqual({ ok: true, data: EXAMPLE_PROFILE });
    await page.close();
  });
});

describe('manifests', () => {
  test('production builds reach FREIDA only; no all-sites access', () => {
    for (const dir of [chromeBuildDir('production'), join(chromeBuildDir('production'), '..', 'firefox-mv2')]) {
      const m = manifest(dir);
      expect(access(m)).not.toContain('<all_urls>');
      expect(JSON.stringify(m)).not.toMatch(/<all_urls>|\*:\/\/\*\//);
      const scripts = m.content_scripts as { matches: string[] }[];
      expect(scripts.flatMap((s) => s.matches)).toEqual(['https://freida.ama-assn.org/*']);
    }
  });

  test('e2e builds grant every site up front (Chrome host_permissions, Firefox MV2 permissions)', () => {
    const chrome = manifest(chromeBuildDir('e2e'));
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.host_permissions).toContain('<all_urls>');
    const firefox = manifest(join(chromeBuildDir('e2e'), '..', 'firefox-mv2'));
    expect(firefox.manifest_version).toBe(2);
    expect(firefox.permissions).toContain('<all_urls>');
  });

  // The builds are deterministic; a difference here while others edit sources usually means a file
  // changed between `npm run build` and `npm run build:e2e` in the global setup: run again.
  test('e2e builds carry the same code as production', () => {
    const strip = (m: Record<string, unknown>) => {
      const { host_permissions: _h, permissions, ...rest } = m;
      return { ...rest, permissions: ((permissions as string[]) ?? []).filter((p) => p !== '<all_urls>') };
    };
    expect(strip(manifest(chromeBuildDir('e2e')))).toEqual(strip(manifest(chromeBuildDir('production'))));
    // What the build loads: the service worker, every content script (static or registered at
    // run time), popup.html and what it references. Read from the build, not a directory listing,
    // so a chunk left behind by an overlapping build elsewhere is not counted.
    const loaded = (dir: string) => {
      const sw = (manifest(dir).background as { service_worker: string }).service_worker;
      const scripts = readdirSync(join(dir, 'content-scripts')).map((f) => `content-scripts/${f}`);
      const popup = readFileSync(join(dir, 'popup.html'), 'utf8');
      const refs = [...popup.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
      return [sw, ...scripts, 'popup.html', ...refs].sort();
    };
    const files = loaded(chromeBuildDir('production'));
    expect(files).toContain('background.js');
    expect(files.some((f) => f.startsWith('chunks/'))).toBe(true);
    expect(loaded(chromeBuildDir('e2e')), 'same files (was a source edited during the builds?)').toEqual(files);
    for (const file of files) {
      expect(readFileSync(join(chromeBuildDir('e2e'), file), 'utf8'), file).toBe(readFileSync(join(chromeBuildDir('production'), file), 'utf8'));
    }
  });
});
