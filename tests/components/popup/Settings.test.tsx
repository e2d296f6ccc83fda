// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { Settings } from '../../../components/popup/Settings';
import { fakeActions } from './fake-actions';

afterEach(cleanup);

function setup() {
  const actions = fakeActions();
  render(
    <Settings actions={actions}>
      <p>Other setting</p>
    </Settings>,
  );
  return { actions };
}

describe('Delete all SmartPick data', () => {
  test('asks first; the safe choice has focus; Delete everything deletes', async () => {
    const { actions } = setup();
    expect(screen.getByText('Other setting')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete all SmartPick data' }));
    expect(actions.deleteAll).not.toHaveBeenCalled();
    const dialog = screen.getByRole('alertdialog', { name: 'Delete all SmartPick data?' });
    expect(dialog.textContent).toContain('cannot be undone');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    expect(actions.deleteAll).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('All SmartPick data was deleted.')).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  test.each([
    ['Cancel', () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))],
    ['Escape', () => fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' })],
  ])('%s deletes nothing and returns focus', (_how, dismiss) => {
    const { actions } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Delete all SmartPick data' }));
    dismiss();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete all SmartPick data' }));
    expect(actions.deleteAll).not.toHaveBeenCalled();
  });

  test('a failure is shown', async () => {
    const { actions } = setup();
    actions.deleteAll.mockRejectedValue(new Error('the database is busy'));
    fireEvent.click(screen.getByRole('button', { name: 'Delete all SmartPick data' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Couldn’t delete: the database is busy');
  });
});
