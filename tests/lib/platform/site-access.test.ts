import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { getReadSite, getSettings, setAutoCheck, setReadSite } from '../../../lib/platform/site-access';

// "Read the program's other pages": on unless turned off, stored beside "Check program sites
// automatically" without either switch overwriting the other.

describe('readSite setting', () => {
  beforeEach(() => fakeBrowser.reset());

  test('on by default; settings/get reports it with autoCheck', async () => {
    expect(await getReadSite()).toBe(true);
    expect((await getSettings()).readSite).toBe(true);
  });

  test('turned off and on again; turning automatic checks off keeps it', async () => {
    // Not implemented by the fake browser: nothing is registered, access is given back.
    Object.assign(fakeBrowser.scripting, { getRegisteredContentScripts: async () => [] });
    Object.assign(fakeBrowser.permissions, { remove: async () => true });
    expect(await setReadSite(false)).toEqual({ readSite: false });
    await setAutoCheck(false);
    expect(await getReadSite()).toBe(false);
    expect(await getSettings()).toEqual({ autoCheck: false, readSite: false });
    await setReadSite(true);
    expect(await getReadSite()).toBe(true);
  });
});
