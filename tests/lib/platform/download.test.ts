// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import type { PopupActions } from '../../../components/popup/types';
import { downloadText, fileDate } from '../../../lib/platform/download';
import { createPopupActions } from '../../../lib/platform/popup-actions';
import { makeProgram } from '../../fixtures/programs';

// Saving files from the popup (Blob + <a download>) and the export/import actions' messages.

describe('downloadText', () => {
  test('clicks a temporary <a download> holding a blob of the text, then removes it', async () => {
    const clicked: { href: string; download: string; text: string }[] = [];
    const create = vi.spyOn(URL, 'createObjectURL');
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, text: '' });
    });
    downloadText('list.csv', 'a,b\r\n', 'text/csv;charset=utf-8');
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('list.csv');
    expect(clicked[0]!.href).toMatch(/^blob:/);
    const blob = create.mock.calls[0]![0] as Blob;
    expect(await blob.text()).toBe('a,b\r\n');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(document.querySelector('a[download]')).toBeNull();
    click.mockRestore();
    create.mockRestore();
  });

  test('file dates', () => expect(fileDate(new Date('2026-11-25T23:00:00Z'))).toBe('2026-11-25'));
});

function setup(reply: (m: { type: string }) => unknown = () => null, ok = true) {
  const send = vi.fn(async (m: { type: string }) => (ok ? { ok: true as const, data: reply(m) } : { ok: false as const, error: 'refused' }));
  const save = vi.fn();
  const actions: PopupActions = createPopupActions({} as never, send as never, save, () => new Date('2026-11-25T10:00:00Z'));
  return { actions, send, save };
}

describe('export and import actions', () => {
  test('exportCsv: the list as a formula-safe CSV with a byte-order mark for Excel', async () => {
    const program = makeProgram(1, { name: '=HYPERLINK("x")' });
    const { actions, send, save } = setup(() => ({ profileSet: true, programs: [{ program, fit: { score: 50 }, tier: 'reach' }], skipped: [] }));
    await actions.exportCsv();
    expect(send).toHaveBeenCalledWith({ type: 'list/get' });
    const [name, text, type] = save.mock.calls[0]!;
    expect(name).toBe('smartpick-list-2026-11-25.csv');
    expect(type).toBe('text/csv;charset=utf-8');
    expect(text.startsWith('\uFEFFName,URL,')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
  });

  test('exportBackup: the backup envelope as JSON', async () => {
    const backup = { format: 'smartpick-backup', version: 1, exportedAt: '2026-11-25T10:00:00.000Z', profile: null, programs: [], pages: [] };
    const { actions, send, save } = setup(() => backup);
    await actions.exportBackup();
    expect(send).toHaveBeenCalledWith({ type: 'backup/export' });
    expect(save.mock.calls[0]![0]).toBe('smartpick-backup-2026-11-25.json');
    expect(JSON.parse(save.mock.calls[0]![1])).toEqual(backup);
  });

  test('the other actions send their message and pass the answer on', async () => {
    const { actions, send } = setup((m) => (m.type.includes('import') ? { added: 1, replaced: 2 } : {}));
    const backup = { format: 'smartpick-backup', version: 1, exportedAt: 'x', profile: null, programs: [], pages: [] } as never;
    expect(await actions.importBackup(backup, 'merge')).toEqual({ added: 1, replaced: 2 });
    expect(send).toHaveBeenLastCalledWith({ type: 'backup/import', backup, mode: 'merge' });
    const rows = [{ row: 2, name: 'A', url: 'https://a.org' }];
    expect(await actions.importRows(rows)).toEqual({ added: 1, replaced: 2 });
    expect(send).toHaveBeenLastCalledWith({ type: 'programs/import-rows', rows });
    await actions.addProgram({ name: 'A', url: 'https://a.org/', specialty: null });
    expect(send).toHaveBeenLastCalledWith({ type: 'program/add-manual', name: 'A', url: 'https://a.org/', specialty: null });
    await actions.deleteAll();
    expect(send).toHaveBeenLastCalledWith({ type: 'data/delete-all' });
  });

  test('a refusal rejects with the background’s reason, and nothing is saved', async () => {
    const { actions, save } = setup(() => null, false);
    await expect(actions.exportCsv()).rejects.toThrow('refused');
    await expect(actions.deleteAll()).rejects.toThrow('refused');
    expect(save).not.toHaveBeenCalled();
  });
});
