// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { ImportExport, doneLine, previewLine } from '../../../components/popup/ImportExport';
import type { ListData } from '../../../components/popup/types';
import { listToCsv } from '../../../lib/core/list/csv';
import type { ImportPlan } from '../../../lib/core/list/import-plan';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../../lib/core/schema/backup';
import { makePage, makeProgram } from '../../fixtures/programs';
import { fakeActions, row } from './fake-actions';

afterEach(cleanup);

const LIST: ListData = { profileSet: true, programs: [row(1, 'reach'), row(2, 'realistic')], skipped: [] };

function setup(list: ListData | null = LIST) {
  const actions = fakeActions(list ?? undefined);
  render(<ImportExport list={list} actions={actions} />);
  return { actions };
}

function choose(text: string, name: string, type = '') {
  const input = screen.getByLabelText('Import a CSV spreadsheet or a SmartPick backup') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([text], name, { type })] } });
}

const SHEET = [
  'Program name,Website,Status,Notes',
  'Alpha Internal Medicine,https://alpha.example.org/im,Applied,"Called twice, ""nice"""',
  'Beta Family Medicine,beta.example.org/fm,,',
  'Gamma Psychiatry,https://gamma.example.org/psych,,',
  `${LIST.programs[0]!.program.name},${LIST.programs[0]!.program.urls[0]},Interview,`,
].join('\r\n');

describe('spreadsheet import', () => {
  test('the preview says what will change; Apply sends the rows', async () => {
    const { actions } = setup();
    actions.importRows.mockResolvedValue({ added: 3, replaced: 1, unchanged: 0 });
    choose(SHEET, 'my-list.csv', 'text/csv');
    expect(await screen.findByRole('heading', { name: 'Import my-list.csv' })).toBeTruthy();
    expect(screen.getByText('3 programs will be added, 1 replaced.')).toBeTruthy();
    const apply = screen.getByRole('button', { name: 'Apply' }) as HTMLButtonElement;
    expect(apply.disabled).toBe(false);
    fireEvent.click(apply);
    await waitFor(() => expect(actions.importRows).toHaveBeenCalledTimes(1));
    const rows = actions.importRows.mock.calls[0]![0];
    expect(rows.map((r: { row: number }) => r.row)).toEqual([2, 3, 4, 5]);
    expect(rows[0]).toMatchObject({ name: 'Alpha Internal Medicine', status: 'Applied', notes: 'Called twice, "nice"' });
    expect(await screen.findByText('Imported: 3 programs added, 1 replaced.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
  });

  test('the programs concerned are listed by name', async () => {
    setup();
    choose(SHEET, 'my-list.csv');
    await screen.findByText('3 programs will be added, 1 replaced.');
    expect(screen.getByText('Gamma Psychiatry')).toBeTruthy();
    expect(screen.getByText(`${LIST.programs[0]!.program.name} (status)`)).toBeTruthy();
  });

  test('bad rows are each named, Apply is off and nothing is sent', async () => {
    const { actions } = setup();
    choose(['Name,URL,Tier', 'Alpha,https://alpha.org,Reach', 'Beta,not a web address,', ',https://gamma.org,Maybe'].join('\n'), 'sheet.csv');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('3 problems in the file: nothing will be imported until they are fixed.');
    const items = [...alert.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'row 3: url: must be a web address (https://…)',
      'row 4: name: must not be empty',
      'row 4: tier: “Maybe” is not a tier; use Reach, Realistic or Safety, or leave it empty',
    ]);
    const apply = screen.getByRole('button', { name: 'Apply' }) as HTMLButtonElement;
    expect(apply.disabled).toBe(true);
    fireEvent.click(apply);
    expect(actions.importRows).not.toHaveBeenCalled();
  });

  test('a sheet without a URL column says so', async () => {
    setup();
    choose('Program,Notes\nAlpha,x\n', 'sheet.csv');
    expect((await screen.findByRole('alert')).textContent).toContain('row 1: url: no web address column');
  });

  test('an exported list changes nothing on re-import, so there is nothing to apply', async () => {
    setup();
    choose(listToCsv(LIST.programs), 'smartpick-list.csv');
    expect(await screen.findByText('Nothing will change: every program in the file is already in your list as it is.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Apply' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('the background refusing shows its reason and keeps the preview', async () => {
    const { actions } = setup();
    actions.importRows.mockRejectedValue(new Error('nothing was imported: row 2: url: same program as row 1'));
    choose(SHEET, 'my-list.csv');
    fireEvent.click(await screen.findByRole('button', { name: 'Apply' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was imported: row 2: url: same program as row 1');
    expect(screen.getByRole('button', { name: 'Apply' })).toBeTruthy();
  });

  test('Cancel closes the preview without importing', async () => {
    const { actions } = setup();
    choose(SHEET, 'my-list.csv');
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('heading', { name: 'Import my-list.csv' })).toBeNull();
    expect(actions.importRows).not.toHaveBeenCalled();
  });
});

describe('backup import', () => {
  const mine = LIST.programs.map((p) => p.program);
  const fresh = [makeProgram(11), makeProgram(12)];
  const backup = {
    format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: '2026-11-25T10:00:00.000Z', profile: null,
    programs: fresh, pages: fresh.map((p) => makePage(p)),
  };

  test('merge by default; replacing says what it removes and is sent as such', async () => {
    const { actions } = setup();
    actions.importBackup.mockResolvedValue({ added: 2, replaced: 0, kept: 0 });
    choose(JSON.stringify(backup), 'smartpick-backup.json', 'application/json');
    expect(await screen.findByText('2 programs will be added.')).toBeTruthy();
    const replace = screen.getByLabelText(/Replace my list with the file’s/) as HTMLInputElement;
    expect(replace.checked).toBe(false);
    fireEvent.click(replace);
    expect(await screen.findByText(`2 programs will be added, ${mine.length} removed. Your profile will be removed (the file has none).`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(actions.importBackup).toHaveBeenCalledTimes(1));
    const [sent, mode] = actions.importBackup.mock.calls[0]!;
    expect(mode).toBe('replace');
    expect(sent.programs.map((p: { id: string }) => p.id)).toEqual(fresh.map((p) => p.id));
    expect(await screen.findByText('Imported: 2 programs added, 0 replaced.')).toBeTruthy();
  });

  test('a JSON file is read as a backup whatever its name', async () => {
    setup();
    choose(JSON.stringify(backup), 'download (1).txt');
    expect(await screen.findByText('2 programs will be added.')).toBeTruthy();
  });

  test('a bad entry is named, and nothing can be applied', async () => {
    const { actions } = setup();
    const bad = { ...backup, programs: [fresh[0], { ...fresh[1], urls: ['nope'] }] };
    choose(JSON.stringify(bad), 'smartpick-backup.json');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(`programs[1] (${fresh[1]!.name}): urls[0]: must be a web address`);
    expect((screen.getByRole('button', { name: 'Apply' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByLabelText(/Replace my list/)).toBeNull();
    expect(actions.importBackup).not.toHaveBeenCalled();
  });

  test('not JSON at all', async () => {
    setup();
    choose('{"format": "smartpick-backup", oops', 'backup.json');
    expect((await screen.findByRole('alert')).textContent).toContain('file: file: not a SmartPick backup: the file is not JSON');
  });
});

describe('export', () => {
  test('the buttons call the actions and say when done', async () => {
    const { actions } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Your list was saved as a spreadsheet (CSV).')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export backup (JSON)' }));
    expect(await screen.findByText('Your backup was saved (JSON).')).toBeTruthy();
    expect(actions.exportCsv).toHaveBeenCalledTimes(1);
    expect(actions.exportBackup).toHaveBeenCalledTimes(1);
  });

  test('a failure is shown', async () => {
    const { actions } = setup();
    actions.exportBackup.mockRejectedValue(new Error('no answer from SmartPick'));
    fireEvent.click(screen.getByRole('button', { name: 'Export backup (JSON)' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Couldn’t export: no answer from SmartPick');
  });
});

describe('words', () => {
  const plan = (over: Partial<ImportPlan>): ImportPlan => ({ add: [], replace: [], unchanged: 0, remove: [], profile: 'keep', errors: [], ...over });
  const ps = (n: number) => Array.from({ length: n }, (_, i) => makeProgram(i));
  test.each<[Partial<ImportPlan>, string]>([
    [{ add: ps(3), replace: ps(2).map((p) => ({ before: p, after: p, changes: [] })) }, '3 programs will be added, 2 replaced.'],
    [{ add: ps(1) }, '1 program will be added.'],
    [{ replace: ps(1).map((p) => ({ before: p, after: p, changes: [] })), unchanged: 4 }, '1 program will be replaced. 4 programs stay as they are.'],
    [{ add: ps(1), unchanged: 1 }, '1 program will be added. 1 program stays as it is.'],
    [{ unchanged: 2 }, 'Nothing will change: every program in the file is already in your list as it is.'],
    [{ profile: 'set' }, 'Your profile will be set from the file.'],
  ])('%j → %s', (over, expected) => expect(previewLine(plan(over))).toBe(expected));

  test('done', () => {
    expect(doneLine({ added: 1, replaced: 0, kept: 2 })).toBe('Imported: 1 program added, 0 replaced, 2 kept (your copy was newer).');
  });
});
