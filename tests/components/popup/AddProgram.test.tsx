// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { AddProgram } from '../../../components/popup/AddProgram';
import { fakeActions } from './fake-actions';

afterEach(cleanup);

function setup(defaultSpecialty: string | null = 'internal-medicine') {
  const actions = fakeActions();
  render(<AddProgram actions={actions} defaultSpecialty={defaultSpecialty} />);
  fireEvent.click(screen.getByRole('button', { name: 'Add a program by hand' }));
  return { actions };
}

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('add a program by hand', () => {
  test('folded until asked for', () => {
    render(<AddProgram actions={fakeActions()} />);
    const toggle = screen.getByRole('button', { name: 'Add a program by hand' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('textbox', { name: 'Program name' })).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('textbox', { name: 'Program name' })).toBeTruthy();
  });

  test('sends name, web address and specialty; says so and clears the form', async () => {
    const { actions } = setup();
    expect((screen.getByLabelText('Specialty') as HTMLSelectElement).value).toBe('internal-medicine');
    type('Program name', '  Mercy General IM ');
    type('Web address', 'mercy.example.org/im');
    fireEvent.change(screen.getByLabelText('Specialty'), { target: { value: 'family-medicine' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to list' }));
    await waitFor(() => expect(actions.addProgram).toHaveBeenCalledWith({ name: 'Mercy General IM', url: 'https://mercy.example.org/im', specialty: 'family-medicine' }));
    expect(await screen.findByText('Added Mercy General IM to your list.')).toBeTruthy();
    expect((screen.getByLabelText('Program name') as HTMLInputElement).value).toBe('');
  });

  test('"Not sure" sends no specialty', async () => {
    const { actions } = setup(null);
    type('Program name', 'Somewhere');
    type('Web address', 'https://somewhere.org');
    fireEvent.click(screen.getByRole('button', { name: 'Add to list' }));
    await waitFor(() => expect(actions.addProgram).toHaveBeenCalledWith({ name: 'Somewhere', url: 'https://somewhere.org/', specialty: null }));
  });

  test('missing or bad fields are named next to them and nothing is sent', () => {
    const { actions } = setup();
    type('Web address', 'javascript:alert(1)');
    fireEvent.click(screen.getByRole('button', { name: 'Add to list' }));
    const name = screen.getByLabelText('Program name');
    const url = screen.getByLabelText('Web address');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter the program’s name.')).toBeTruthy();
    expect(screen.getByText('Enter a web address such as https://hospital.org/residency.')).toBeTruthy();
    expect(url.getAttribute('aria-describedby')).toContain(screen.getByText('Enter a web address such as https://hospital.org/residency.').id);
    expect(document.activeElement).toBe(name);
    expect(actions.addProgram).not.toHaveBeenCalled();
  });

  test('the background’s refusal is shown', async () => {
    const { actions } = setup();
    actions.addProgram.mockRejectedValue(new Error('Mercy General IM is already in your list'));
    type('Program name', 'Mercy');
    type('Web address', 'https://mercy.org');
    fireEvent.click(screen.getByRole('button', { name: 'Add to list' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Couldn’t add Mercy: Mercy General IM is already in your list');
  });
});
