import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ADDON_ID, launchFirefox, openExtensionPage, sendToBackground, type Firefox } from './harness/firefox';
import { HOSPITAL } from './harness/sites';
import { EXAMPLE_PROFILE } from './harness/profiles';

// The e2e Firefox build (MV2) installs as a temporary add-on in Debian's firefox-esr, its popup
// renders, and its background answers through the polyfilled runtime API.

describe('Firefox ESR, e2e build', () => {
  let ff: Firefox;
  beforeAll(async () => {
    ff = await launchFirefox({ pages: HOSPITAL.pages });
  });
  afterAll(() => ff?.close());

  test('installs as a temporary add-on under its gecko id', () => {
    expect(ff.addonId).toBe(ADDON_ID);
  });

  test('popup renders its heading', async () => {
    const page = await openExtensionPage(ff.browser, 'popup.html');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'SmartPick', { timeout: 10_000 });
    await page.close();
  });

  test('profile/set then profile/get round-trips the example profile; a bad message gets ok: false', async () => {
    const page = await openExtensionPage(ff.browser, 'popup.html');
    expect(await sendToBackground(page, { type: 'profile/set', profile: EXAMPLE_PROFILE })).toEqual({ ok: true, data: EXAMPLE_PROFILE });
    expect(await sendToBackground(page, { type: 'profile/get' })).toEqual({ ok: true, data: EXAMPLE_PROFILE });
    const bad = await sendToBackground(page, { type: 'no/such-message' });
    expect(bad.ok).toBe(false);
    await page.close();
  });

  test('the local fixture server answers pages by path', async () => {
    const page = await ff.browser.newPage();
    await page.goto(ff.server!.url('/gme/internal-medicine/faq'));
    expect(await page.title()).toMatch(/^Frequently Asked Questions/);
    await page.close();
  });
});
