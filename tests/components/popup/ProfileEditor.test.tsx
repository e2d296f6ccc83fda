// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ProfileEditor } from '../../../components/popup/ProfileEditor';
import { profileSchema, type Profile } from '../../../lib/core/schema/profile';
import { PROFILE } from './fake-actions';

afterEach(cleanup);

function setup(initial: Profile | null = null, onSave = vi.fn(async (_p: Profile): Promise<string | void> => {})) {
  render(<ProfileEditor initial={initial} onSave={onSave} />);
  return { onSave };
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.input(field(label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
/** The message a field points to through aria-describedby. */
const messageOf = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .find((n) => n?.classList.contains('sp-error'))?.textContent?.replace(/^! /, '');

describe('groups', () => {
  test('every group is a fieldset with its legend', () => {
    setup();
    for (const name of ['Exams', 'Training', 'Visa', 'Experience', 'Targets']) expect(screen.getByRole('group', { name })).toBeTruthy();
  });

  test('every profile field has a real label', () => {
    setup();
    for (const label of [
      'Step 1 score (optional)', 'Step 1 attempts', 'Step 2 CK score', 'Step 2 CK attempts', 'I have passed Step 3',
      'Graduation year', 'US residency months', 'I am ECFMG certified', 'US clinical experience (USCE), months',
      'Choose a specialty', 'Choose a state',
    ]) expect(screen.getByLabelText(label)).toBeTruthy();
    const step1 = screen.getByRole('group', { name: 'Step 1 result' });
    expect(within(step1).getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['pass', 'fail', 'not-taken']);
    const visa = screen.getByRole('group', { name: 'What you need to train in the US' });
    expect(within(visa).getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['none', 'j1', 'h1b', 'any']);
    // One sentence on each visa choice, read with the radio.
    for (const r of within(visa).getAllByRole('radio')) expect(document.getElementById(r.getAttribute('aria-describedby')!)!.textContent!.length).toBeGreaterThan(20);
    expect(screen.getByRole('radio', { name: 'Hands-on' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Observership only' })).toBeTruthy();
  });

  test('an existing profile fills the form', () => {
    setup({ ...PROFILE, states: ['NY'], usce: { months: 4, handsOn: false } });
    expect(field('Step 2 CK score').value).toBe('214');
    expect(field('Graduation year').value).toBe('2021');
    expect((screen.getByRole('radio', { name: 'J-1' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Observership only' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('button', { name: 'Remove Internal Medicine' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove New York' })).toBeTruthy();
  });
});

describe('validation', () => {
  test('messages appear next to each field, in the schema’s words, and what was typed stays', async () => {
    const { onSave } = setup();
    type('Step 2 CK score', '350');
    type('Step 1 attempts', 'two');
    type('Graduation year', '1890');
    type('US clinical experience (USCE), months', '-2');
    save();
    await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
    expect(onSave).not.toHaveBeenCalled();
    expect(messageOf(field('Step 2 CK score'))).toBe('Step 2 CK scores run from 1 to 300');
    expect(messageOf(field('Step 1 attempts'))).toBe('Step 1 attempts must be a number');
    expect(messageOf(field('Graduation year'))).toBe('Graduation year must be 1950 or later');
    expect(messageOf(field('US clinical experience (USCE), months'))).toBe('USCE months cannot be negative');
    expect(messageOf(screen.getByRole('radio', { name: 'J-1' }))).toMatch(/Choose the visa you need/);
    for (const label of ['Step 2 CK score', 'Step 1 attempts', 'Graduation year']) expect(field(label).getAttribute('aria-invalid')).toBe('true');
    // Nothing lost.
    expect(field('Step 2 CK score').value).toBe('350');
    expect(field('Step 1 attempts').value).toBe('two');
    expect(field('Graduation year').value).toBe('1890');
    expect(field('US clinical experience (USCE), months').value).toBe('-2');
    expect(screen.getByRole('alert').textContent).toMatch(/5 answers need a look/);
    // Focus goes to the first field that needs the user.
    await waitFor(() => expect(document.activeElement).toBe(field('Step 1 attempts')));
  });

  test('a cross-field rule lands on its field', async () => {
    setup({ ...PROFILE, step2ck: { score: 214, attempts: 1 } });
    type('Step 2 CK score', '');
    type('Step 2 CK attempts', '2');
    save();
    await waitFor(() => expect(messageOf(field('Step 2 CK score'))).toMatch(/Enter your Step 2 CK score/));
  });

  test('fixing a field clears its message; the others stay until the next save', async () => {
    setup();
    type('Step 2 CK score', '350');
    type('Graduation year', '');
    save();
    await waitFor(() => expect(messageOf(field('Step 2 CK score'))).toBeTruthy());
    type('Step 2 CK score', '230');
    expect(messageOf(field('Step 2 CK score'))).toBeUndefined();
    expect(messageOf(field('Graduation year'))).toBe('Graduation year must be a year such as 2021');
  });
});

describe('saving', () => {
  test('a valid form calls onSave with the parsed profile and shows "Saved"', async () => {
    const { onSave } = setup();
    type('Step 2 CK score', '214');
    type('Graduation year', '2021');
    type('US clinical experience (USCE), months', '3');
    fireEvent.click(screen.getByRole('radio', { name: 'J-1' }));
    fireEvent.change(screen.getByLabelText('Choose a specialty'), { target: { value: 'internal-medicine' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add specialty' }));
    fireEvent.change(screen.getByLabelText('Choose a state'), { target: { value: 'NY' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add state' }));
    save();
    await waitFor(() => expect(onSave).toHaveBeenCalledOnce());
    const saved = onSave.mock.calls[0]![0];
    expect(saved).toEqual({ ...PROFILE, states: ['NY'] });
    expect(profileSchema.parse(saved)).toEqual(saved);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
  });

  test('the note the save resolves to follows "Saved"', async () => {
    setup(PROFILE, vi.fn(async () => 'Re-scored 3 programs: 1 moved up.'));
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved. Re-scored 3 programs: 1 moved up.'));
  });

  test('a failed save says why and keeps the answers', async () => {
    setup(PROFILE, vi.fn(async () => {
      throw new Error('no answer from SmartPick');
    }));
    type('Step 2 CK score', '240');
    save();
    expect((await screen.findByRole('alert')).textContent).toMatch(/Couldn’t save: no answer from SmartPick/);
    expect(field('Step 2 CK score').value).toBe('240');
  });

  test('checkboxes and removals reach the saved profile', async () => {
    const { onSave } = setup({ ...PROFILE, specialties: ['internal-medicine', 'family-medicine'] });
    fireEvent.click(screen.getByLabelText('I have passed Step 3'));
    fireEvent.click(screen.getByLabelText('I am ECFMG certified'));
    fireEvent.click(screen.getByRole('radio', { name: 'Observership only' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove Family Medicine' }));
    save();
    await waitFor(() => expect(onSave).toHaveBeenCalledOnce());
    const p = onSave.mock.calls[0]![0];
    expect(p.step3.passed).toBe(true);
    expect(p.ecfmgCertified).toBe(true);
    expect(p.usce.handsOn).toBe(false);
    expect(p.specialties).toEqual(['internal-medicine']);
  });
});
