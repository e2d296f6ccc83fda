import { describe, expect, test, vi } from 'vitest';
import { createPopupActions, SITE_ORIGINS, SITE_SCRIPT } from '../../../lib/platform/popup-actions';
import type { PopupActions } from '../../../components/popup/types';
import { CHANGED_NOTICE } from '../../../lib/core/schema/message-rules';

// The popup's real actions against a fake browser and a fake send: what each call asks of the
// browser and the background, and the order the permission prompt needs.

type Tab = { id?: number; url?: string };

function setup(opts: { tab?: Tab | null; granted?: boolean; inject?: () => Promise<unknown>; reply?: (m: { type: string }) => unknown } = {}) {
  const listeners = new Set<(m: unknown) => void>();
  const order: string[] = [];
  const b = {
    tabs: {
      query: vi.fn(async () => (opts.tab === null ? [] : [opts.tab ?? { id: 7, url: 'https://gme.riverside.org/im' }])),
      create: vi.fn(async () => ({})),
    },
    scripting: { executeScript: vi.fn(opts.inject ?? (async () => [])) },
    permissions: {
      request: vi.fn(async () => {
        order.push('request');
        return opts.granted ?? true;
      }),
    },
    runtime: {
      onMessage: { addListener: vi.fn((l: (m: unknown) => void) => listeners.add(l)), removeListener: vi.fn((l: (m: unknown) => void) => listeners.delete(l)) },
      getURL: (p: string) => `chrome-extension://abc${p}`,
    },
  };
  const send = vi.fn(async (m: { type: string }) => {
    order.push(m.type);
    const answer = m.type === 'settings/auto-check' ? { autoCheck: (m as { enabled?: boolean }).enabled } : null;
    return { ok: true as const, data: opts.reply ? opts.reply(m) : answer };
  });
  // Checked against the component contract, as the entrypoint does.
  const actions: PopupActions = createPopupActions(b as never, send as never);
  return { actions, b, send, order, emit: (m: unknown) => listeners.forEach((l) => l(m)) };
}

describe('checkThisPage', () => {
  test('injects the site script into the active tab', async () => {
    const { actions, b } = setup();
    await actions.checkThisPage();
    expect(b.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(b.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: [SITE_SCRIPT] });
  });

  test.each(['chrome://extensions/', 'about:addons', 'https://chromewebstore.google.com/detail/x', 'https://addons.mozilla.org/en-US/firefox/'])(
    'rejects with a plain reason on %s, without trying',
    async (url) => {
      const { actions, b } = setup({ tab: { id: 3, url } });
      await expect(actions.checkThisPage()).rejects.toThrow(/closed to extensions/);
      expect(b.scripting.executeScript).not.toHaveBeenCalled();
    },
  );

  test('the browser’s refusal becomes a sentence', async () => {
    const { actions } = setup({ tab: { id: 3 }, inject: async () => Promise.reject(new Error('Cannot access a chrome:// URL')) });
    await expect(actions.checkThisPage()).rejects.toThrow(/does not let extensions read this page/);
  });

  test('no tab', async () => {
    const { actions } = setup({ tab: null });
    await expect(actions.checkThisPage()).rejects.toThrow(/no open tab/);
  });
});

describe('automatic checking', () => {
  test('turning on asks the browser for site access first, in the same tick, then tells the background', async () => {
    const { actions, b, send, order } = setup();
    const done = actions.setAutoCheck(true);
    // Synchronously: the user gesture is still live.
    expect(b.permissions.request).toHaveBeenCalledWith({ origins: SITE_ORIGINS });
    expect(send).not.toHaveBeenCalled();
    await expect(done).resolves.toBe(true);
    expect(order).toEqual(['request', 'settings/auto-check']);
    expect(send).toHaveBeenCalledWith({ type: 'settings/auto-check', enabled: true });
  });

  test('declined: stays off and the background is not told', async () => {
    const { actions, send } = setup({ granted: false });
    await expect(actions.setAutoCheck(true)).resolves.toBe(false);
    expect(send).not.toHaveBeenCalled();
  });

  test('turning off asks nothing of the user and tells the background (which gives the access back)', async () => {
    const { actions, b, send } = setup();
    await expect(actions.setAutoCheck(false)).resolves.toBe(false);
    expect(b.permissions.request).not.toHaveBeenCalled();
    expect(send).toHaveBeenCalledWith({ type: 'settings/auto-check', enabled: false });
  });

  test('the background’s refusal rejects with its reason', async () => {
    const { actions, send } = setup();
    send.mockResolvedValueOnce({ ok: false, error: 'SmartPick needs access to websites first' } as never);
    await expect(actions.setAutoCheck(true)).rejects.toThrow('needs access to websites');
  });

  test('reads the current state from settings/get', async () => {
    const { actions, send } = setup({ reply: () => ({ autoCheck: true }) });
    await expect(actions.getAutoCheck()).resolves.toBe(true);
    expect(send).toHaveBeenCalledWith({ type: 'settings/get' });
  });
});

describe('messages', () => {
  test('each action sends its message and unwraps the answer', async () => {
    const { actions, send } = setup({ reply: (m) => (m.type === 'list/get' ? { profileSet: false, programs: [], skipped: [] } : null) });
    await expect(actions.getList()).resolves.toEqual({ profileSet: false, programs: [], skipped: [] });
    await actions.removeProgram('acgme:1400000001');
    await actions.updateProgram('acgme:1400000001', { status: 'applied' });
    expect(send.mock.calls.map((c) => c[0])).toEqual([
      { type: 'list/get' },
      { type: 'program/remove', id: 'acgme:1400000001' },
      { type: 'program/update', id: 'acgme:1400000001', patch: { status: 'applied' } },
    ]);
  });

  test('an error answer rejects with its message', async () => {
    const { actions, send } = setup();
    send.mockResolvedValueOnce({ ok: false, error: 'invalid message: step2ck.score: Step 2 CK scores run from 1 to 300' } as never);
    await expect(actions.getProfile()).rejects.toThrow('Step 2 CK scores run from 1 to 300');
  });

  test('onChange fires on the background’s change notice only, until unsubscribed', () => {
    const { actions, emit } = setup();
    const cb = vi.fn();
    const off = actions.onChange(cb);
    emit({ type: CHANGED_NOTICE, cause: 'program/save' });
    emit({ type: 'page/evaluate' });
    expect(cb).toHaveBeenCalledOnce();
    off();
    emit({ type: CHANGED_NOTICE });
    expect(cb).toHaveBeenCalledOnce();
  });

  test('openInTab opens popup.html at the view', () => {
    const { actions, b } = setup();
    actions.openInTab('list');
    expect(b.tabs.create).toHaveBeenCalledWith({ url: 'chrome-extension://abc/popup.html#list' });
  });
});
