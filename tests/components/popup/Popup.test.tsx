// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Popup, POPUP_ROWS, type View } from '../../../components/popup/Popup';
import type { ListData } from '../../../components/popup/types';
import type { Profile } from '../../../lib/core/schema/profile';
import { PROFILE, fakeActions, row } from './fake-actions';

afterEach(cleanup);

function setup(view: View, list?: ListData, profile: Profile | null = PROFILE, inTab = false) {
  const actions = fakeActions(list, profile);
  const navigate = vi.fn();
  const utils = render(<Popup view={view} actions={actions} navigate={navigate} inTab={inTab} />);
  return { actions, navigate, ...utils };
}

const LIST: ListData = {
  profileSet: true,
  programs: [
    row(1, 'reach', { name: 'Hillside Internal Medicine' }, 41),
    row(2, 'reach', { name: 'Coastal Internal Medicine', tierOverride: 'reach' }, 72),
    row(3, 'realistic', { name: 'Riverside Internal Medicine' }, 68),
    row(4, 'safety', { name: 'Prairie Community Hospital' }, 85),
    { ...row(5, 'ineligible', { name: 'Summit University' }, 55), fit: { ...row(5, 'ineligible').fit, dealbreakers: [{ field: 'visa', message: 'Needs H-1B; program: J-1 only', evidence: null }] } },
    row(6, 'unknown', { name: 'Lakeside Family Medicine' }, null),
  ],
  skipped: [],
};

describe('list', () => {
  test('groups programs under Reach, Realistic, Safety and Not eligible, each heading with its count', async () => {
    setup('home', LIST);
    const headings = await screen.findAllByRole('heading', { level: 2 });
    expect(headings.map((h) => h.textContent)).toEqual(['Reach (2)', 'Realistic (1)', 'Safety (1)', 'Not eligible (1)', 'Not scored yet (1)']);
    const section = (name: string) => screen.getByRole('heading', { name }).closest('section')!;
    const names = (name: string) => within(section(name)).getAllByRole('listitem').map((li) => li.querySelector('.sp-name')!.textContent);
    expect(names('Reach (2)').sort()).toEqual(['Coastal Internal Medicine', 'Hillside Internal Medicine']);
    expect(names('Realistic (1)')).toEqual(['Riverside Internal Medicine']);
    expect(names('Safety (1)')).toEqual(['Prairie Community Hospital']);
    expect(names('Not eligible (1)')).toEqual(['Summit University']);
    expect(names('Not scored yet (1)')).toEqual(['Lakeside Family Medicine']);
  });

  test('each heading is an h2 followed by a list of its programs', async () => {
    setup('list', LIST);
    const h = await screen.findByRole('heading', { name: 'Realistic (1)' });
    expect(h.tagName).toBe('H2');
    expect(h.nextElementSibling?.tagName).toBe('UL');
  });

  test('a row links to the program’s page in a new tab and shows state, score, facts and status', async () => {
    setup('home', LIST);
    const link = await screen.findByRole('link', { name: 'Riverside Internal Medicine' });
    expect(link.getAttribute('href')).toBe(LIST.programs[2]!.program.urls[0]);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    const item = link.closest('li')!;
    expect(item.textContent).toContain('68');
    expect(item.textContent).toContain(LIST.programs[2]!.program.state!);
    expect(item.textContent).toContain('J-1');
    expect(within(item).getByRole('combobox', { name: 'Status of Riverside Internal Medicine' })).toBeTruthy();
  });

  test('the one-line reason shows for a program that blocks the applicant', async () => {
    setup('home', LIST);
    const link = await screen.findByRole('link', { name: 'Summit University' });
    expect(link.closest('li')!.textContent).toContain('Needs H-1B; program: J-1 only');
  });

  test('"moved by you" marks an overridden tier, and undo clears the override', async () => {
    const { actions } = setup('home', LIST);
    const item = (await screen.findByRole('link', { name: 'Coastal Internal Medicine' })).closest('li')!;
    expect(item.textContent).toContain('moved by you');
    expect(screen.getAllByText('moved by you')).toHaveLength(1);
    fireEvent.click(within(item).getByRole('button', { name: 'Undo move of Coastal Internal Medicine' }));
    expect(actions.updateProgram).toHaveBeenCalledWith(LIST.programs[1]!.program.id, { tierOverride: null });
  });

  test('changing the status calls updateProgram', async () => {
    const { actions } = setup('home', LIST);
    const select = await screen.findByRole('combobox', { name: 'Status of Riverside Internal Medicine' });
    fireEvent.change(select, { target: { value: 'applied' } });
    expect(actions.updateProgram).toHaveBeenCalledWith(LIST.programs[2]!.program.id, { status: 'applied' });
  });

  test('remove hides the row at once with an undo bar; the action runs once the undo window has passed', async () => {
    const { actions } = setup('home', LIST);
    const button = await screen.findByRole('button', { name: 'Remove Riverside Internal Medicine' });
    vi.useFakeTimers();
    try {
      fireEvent.click(button);
      await vi.advanceTimersByTimeAsync(0);
      expect(screen.queryByRole('link', { name: 'Riverside Internal Medicine' })).toBeNull();
      expect(screen.getByText('Removed Riverside Internal Medicine ·')).toBeTruthy();
      expect(actions.removeProgram).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(8000);
      expect(actions.removeProgram).toHaveBeenCalledOnce();
      expect(actions.removeProgram).toHaveBeenCalledWith(LIST.programs[2]!.program.id);
    } finally {
      vi.useRealTimers();
    }
  });

  test('a failed remove says so', async () => {
    const { actions } = setup('home', LIST);
    actions.removeProgram.mockRejectedValueOnce(new Error('database is closed'));
    const button = await screen.findByRole('button', { name: 'Remove Riverside Internal Medicine' });
    vi.useFakeTimers();
    try {
      fireEvent.click(button);
      await vi.advanceTimersByTimeAsync(8000);
    } finally {
      vi.useRealTimers();
    }
    expect((await screen.findByRole('alert')).textContent).toContain('database is closed');
  });

  test(`the popup shows the ${POPUP_ROWS} most recent per tier; the full list shows all`, async () => {
    const many: ListData = {
      profileSet: true,
      programs: Array.from({ length: 8 }, (_, i) => row(10 + i, 'realistic', { name: `Program ${i}`, updatedAt: `2025-09-0${i + 1}T00:00:00.000Z` })),
      skipped: [],
    };
    const { actions } = setup('home', many);
    const section = (await screen.findByRole('heading', { name: 'Realistic (8)' })).closest('section')!;
    expect(within(section).getAllByRole('listitem')).toHaveLength(POPUP_ROWS);
    expect(within(section).getByRole('link', { name: 'Program 7' })).toBeTruthy();
    expect(within(section).queryByRole('link', { name: 'Program 0' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open full list' }));
    expect(actions.openInTab).toHaveBeenCalledWith('list');
    cleanup();
    setup('list', many);
    const full = (await screen.findByRole('heading', { name: 'Realistic (8)' })).closest('section')!;
    expect(within(full).getAllByRole('listitem')).toHaveLength(8);
  });

  test('empty list: the three-step guide, not a blank box', async () => {
    setup('home', { profileSet: false, programs: [], skipped: [] }, null);
    const guide = (await screen.findByRole('heading', { name: 'Your list is empty' })).closest('section')!;
    const steps = within(guide).getAllByRole('listitem').map((li) => li.textContent);
    expect(steps).toHaveLength(3);
    expect(steps[0]).toContain('Fill your profile');
    expect(steps[1]).toContain('Open a program page or FREIDA');
    expect(steps[2]).toContain('Add programs');
    expect(screen.queryByRole('heading', { name: /^Reach/ })).toBeNull();
  });

  test('refreshes when the background announces a change', async () => {
    const { actions } = setup('home', { profileSet: true, programs: [], skipped: [] });
    await screen.findByRole('heading', { name: 'Your list is empty' });
    actions.getList.mockResolvedValue(LIST);
    actions.emitChange();
    expect(await screen.findByRole('heading', { name: 'Reach (2)' })).toBeTruthy();
  });

  test('unsubscribes from changes when closed', async () => {
    const { actions, unmount } = setup('home', LIST);
    await screen.findByRole('heading', { name: 'Reach (2)' });
    unmount();
    await new Promise((r) => setTimeout(r, 20)); // Preact 11 runs unmount cleanups after a tick
    const calls = actions.getList.mock.calls.length;
    actions.emitChange();
    expect(actions.getList.mock.calls.length).toBe(calls);
  });

  test('a failed load shows the reason and a retry', async () => {
    const { actions } = setup('home', LIST);
    actions.getList.mockRejectedValueOnce(new Error('no answer from SmartPick'));
    cleanup();
    render(<Popup view="home" actions={actions} navigate={vi.fn()} />);
    expect((await screen.findByRole('alert')).textContent).toContain('no answer from SmartPick');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Reach (2)' })).toBeTruthy();
  });
});

describe('summary line', () => {
  test('shows the applicant in one line with an edit link', async () => {
    const { navigate } = setup('home', LIST);
    expect(await screen.findByText('IM · Step 2 CK 214 · J-1 · USCE 3 mo')).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Edit profile' }));
    expect(navigate).toHaveBeenCalledWith('profile');
  });

  test('asks to set up the profile when there is none', async () => {
    const { navigate } = setup('home', { ...LIST, profileSet: false }, null);
    fireEvent.click(await screen.findByRole('link', { name: 'Set up your profile' }));
    expect(navigate).toHaveBeenCalledWith('profile');
  });
});

describe('check this page', () => {
  test('calls the action and says what happens next', async () => {
    const { actions } = setup('home', LIST);
    fireEvent.click(screen.getByRole('button', { name: 'Check this page' }));
    expect(actions.checkThisPage).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/badge appears/));
  });

  test('an error line when the page cannot be checked', async () => {
    const { actions } = setup('home', LIST);
    actions.checkThisPage.mockRejectedValueOnce(new Error('browser pages and add-on stores are closed to extensions'));
    fireEvent.click(screen.getByRole('button', { name: 'Check this page' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('This page can’t be checked: browser pages and add-on stores are closed to extensions');
  });

  test('not offered when the list is open as a page in a tab', async () => {
    setup('home', LIST, PROFILE, true);
    await screen.findByRole('heading', { name: 'Reach (2)' });
    expect(screen.queryByRole('button', { name: 'Check this page' })).toBeNull();
  });
});

describe('automatic checking', () => {
  test('off by default; turning it on calls setAutoCheck(true) from the click', async () => {
    const { actions } = setup('home', LIST);
    const box = screen.getByRole('checkbox', { name: 'Check program sites automatically' }) as HTMLInputElement;
    await waitFor(() => expect(box.disabled).toBe(false));
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    expect(actions.setAutoCheck).toHaveBeenCalledWith(true);
    await waitFor(() => expect(box.checked).toBe(true));
  });

  test('stays off and says so when the browser access is declined', async () => {
    const { actions } = setup('home', LIST);
    actions.setAutoCheck.mockResolvedValueOnce(false);
    const box = screen.getByRole('checkbox', { name: 'Check program sites automatically' }) as HTMLInputElement;
    await waitFor(() => expect(box.disabled).toBe(false));
    fireEvent.click(box);
    expect((await screen.findByRole('alert')).textContent).toMatch(/not granted/);
    expect(box.checked).toBe(false);
  });
});

describe('welcome', () => {
  test('explains SmartPick in three steps, promises privacy and explains the opt-in', async () => {
    const { navigate } = setup('welcome', { profileSet: false, programs: [], skipped: [] }, null);
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome to SmartPick' })).toBeTruthy();
    const steps = screen.getAllByRole('listitem');
    expect(steps).toHaveLength(3);
    expect(screen.getByText('Nothing leaves your computer.')).toBeTruthy();
    const box = screen.getByRole('checkbox', { name: 'Check program sites automatically' }) as HTMLInputElement;
    await waitFor(() => expect(box.disabled).toBe(false));
    expect(box.checked).toBe(false);
    const help = document.getElementById(box.getAttribute('aria-describedby')!)!.textContent!;
    expect(help).toMatch(/access to websites/);
    expect(help).toMatch(/read program pages as you open them/);
    expect(help).toMatch(/Off by default/);
    expect(help).toMatch(/FREIDA pages are always read/);
    fireEvent.click(screen.getByRole('button', { name: 'Set up your profile' }));
    expect(navigate).toHaveBeenCalledWith('profile');
  });
});

describe('profile view', () => {
  test('loads the saved profile into the editor and saving reports the re-score', async () => {
    const before: ListData = { profileSet: true, programs: [row(1, 'reach'), row(2, 'realistic')], skipped: [] };
    const after: ListData = { profileSet: true, programs: [row(1, 'realistic'), row(2, 'ineligible')], skipped: [] };
    const { actions } = setup('profile', before);
    const score = (await screen.findByLabelText('Step 2 CK score')) as HTMLInputElement;
    expect(score.value).toBe('214');
    fireEvent.input(score, { target: { value: '232' } });
    actions.getList.mockResolvedValue(after);
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(actions.saveProfile).toHaveBeenCalledOnce());
    expect(actions.saveProfile.mock.calls[0]![0].step2ck.score).toBe(232);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved. Re-scored 2 programs: 1 moved up, 1 is now blocked.'));
  });

  test('back link returns to the list', async () => {
    const { navigate } = setup('profile', LIST);
    fireEvent.click(await screen.findByRole('link', { name: /Back to your list/ }));
    expect(navigate).toHaveBeenCalledWith('home');
  });
});

describe('the quick list (the toolbar popup’s first screen)', () => {
  // The digest's few rows, and the whole list's figures: 57 programs, 52 applied to.
  const QUICK: ListData = {
    profileSet: true,
    profile: PROFILE,
    programs: [
      row(1, 'reach', { name: 'Hillside Internal Medicine' }, 41),
      row(2, 'reach', { name: 'Coastal Internal Medicine' }, 45),
      row(3, 'realistic', { name: 'Riverside Internal Medicine' }, 68),
      row(4, 'safety', { name: 'Prairie Community Hospital' }, 85),
      row(5, 'ineligible', { name: 'Summit University' }, 55),
      row(6, 'unknown', { name: 'Lakeside Family Medicine' }, null),
    ],
    skipped: [],
    partial: {
      total: 57,
      skipped: 0,
      counts: { reach: 10, realistic: 30, safety: 10, ineligible: 5, unknown: 2 },
      specialties: { 'internal-medicine': 40, 'family-medicine': 12 },
    },
  };

  function setupQuick(view: View, quick: ListData = QUICK, list: ListData = LIST) {
    const actions = fakeActions(list, PROFILE);
    actions.getQuickList = vi.fn(async () => quick) as never;
    const navigate = vi.fn();
    const utils = render(<Popup view={view} actions={actions} navigate={navigate} />);
    return { actions, navigate, quick: actions.getQuickList as unknown as ReturnType<typeof vi.fn>, ...utils };
  }

  const deferred = <T,>() => {
    let resolve!: (v: T) => void;
    const promise = new Promise<T>((r) => (resolve = r));
    return { promise, resolve };
  };

  test('home reads getQuickList, not getList; headings and the coach count the whole list', async () => {
    const { actions, quick } = setupQuick('home');
    const headings = await screen.findAllByRole('heading', { level: 2 });
    expect(headings.map((h) => h.textContent)).toEqual(['Reach (10)', 'Realistic (30)', 'Safety (10)', 'Not eligible (5)', 'Not scored yet (2)']);
    expect(quick).toHaveBeenCalledOnce();
    expect(actions.getList).not.toHaveBeenCalled();
    // The quick read brought the profile along.
    expect(actions.getProfile).not.toHaveBeenCalled();
    const coach = screen.getByRole('region', { name: 'List balance' });
    expect(within(coach).getByText('52 of 60–80')).toBeTruthy();
    expect(within(coach).getByText('≈ $762 for 52 programs, 2026 fees')).toBeTruthy();
    expect(within(coach).getByRole('img').getAttribute('aria-label')).toContain('Reach 10 (20%), Realistic 30 (60%), Safety 10 (20%)');
    const reach = screen.getByRole('heading', { name: 'Reach (10)' }).closest('section')!;
    expect(within(reach).getAllByRole('listitem')).toHaveLength(2);
    expect(reach.textContent).toContain('8 more in the full list');
    expect(screen.getByRole('button', { name: 'Open full list' })).toBeTruthy();
  });

  test('a change notice reloads the quick list', async () => {
    const { actions, quick } = setupQuick('home');
    await screen.findByRole('heading', { name: 'Reach (10)' });
    quick.mockResolvedValue({ ...QUICK, partial: { ...QUICK.partial!, counts: { ...QUICK.partial!.counts, reach: 11 }, total: 58 } });
    actions.emitChange();
    expect(await screen.findByRole('heading', { name: 'Reach (11)' })).toBeTruthy();
    expect(quick).toHaveBeenCalledTimes(2);
    expect(actions.getList).not.toHaveBeenCalled();
  });

  test('going to the full list view reads the whole list, and shows loading until it comes', async () => {
    const { actions, navigate, rerender } = setupQuick('home');
    await screen.findByRole('heading', { name: 'Reach (10)' });
    const whole = deferred<ListData>();
    actions.getList.mockReturnValueOnce(whole.promise);
    rerender(<Popup view="list" actions={actions} navigate={navigate} />);
    await waitFor(() => expect(actions.getList).toHaveBeenCalledOnce());
    // The quick list's rows and counts are not shown as the whole list.
    expect(screen.queryByRole('heading', { name: 'Reach (10)' })).toBeNull();
    expect(screen.getByText('Loading…')).toBeTruthy();
    whole.resolve(LIST);
    expect(await screen.findByRole('heading', { name: 'Reach (2)' })).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(screen.getByRole('link', { name: 'Lakeside Family Medicine' })).toBeTruthy();
  });

  test('leaving home before the quick read answers still reads the whole list for the new view', async () => {
    const actions = fakeActions(LIST, PROFILE);
    const first = deferred<ListData>();
    actions.getQuickList = vi.fn(() => first.promise) as never;
    const navigate = vi.fn();
    const { rerender } = render(<Popup view="home" actions={actions} navigate={navigate} />);
    rerender(<Popup view="list" actions={actions} navigate={navigate} />);
    first.resolve(QUICK); // the quick answer comes after the view changed
    // The list view must not wait forever on the quick list it cannot show.
    expect(await screen.findByRole('heading', { name: 'Reach (2)' }, { timeout: 500 })).toBeTruthy();
    expect(actions.getList).toHaveBeenCalled();
  });

  test('the profile view also waits for the whole list', async () => {
    const { actions, navigate, rerender } = setupQuick('home');
    await screen.findByRole('heading', { name: 'Reach (10)' });
    rerender(<Popup view="profile" actions={actions} navigate={navigate} />);
    await waitFor(() => expect(actions.getList).toHaveBeenCalledOnce());
  });

  test('a view other than home starts with the whole list', async () => {
    const { actions, quick } = setupQuick('list');
    expect(await screen.findByRole('heading', { name: 'Reach (2)' })).toBeTruthy();
    expect(actions.getList).toHaveBeenCalled();
    expect(quick).not.toHaveBeenCalled();
  });

  test('a quick read that answered the whole list (no partial) serves the list view as is', async () => {
    const { actions, navigate, rerender, quick } = setupQuick('home', LIST);
    await screen.findByRole('heading', { name: 'Reach (2)' });
    expect(quick).toHaveBeenCalledOnce();
    rerender(<Popup view="list" actions={actions} navigate={navigate} />);
    expect(screen.getByRole('heading', { name: 'Reach (2)' })).toBeTruthy();
    await new Promise((r) => setTimeout(r, 20));
    expect(actions.getList).not.toHaveBeenCalled();
  });

  test('without getQuickList, home reads getList', async () => {
    const { actions } = setup('home', LIST);
    expect(await screen.findByRole('heading', { name: 'Reach (2)' })).toBeTruthy();
    expect(actions.getList).toHaveBeenCalledOnce();
    expect('getQuickList' in actions).toBe(false);
  });

  test('the empty guide and the unreadable count come from the whole list’s figures', async () => {
    // No rows at hand but 3 programs saved: not the empty guide.
    setupQuick('home', { ...QUICK, programs: [], partial: { total: 3, skipped: 2, counts: { reach: 0, realistic: 0, safety: 0, ineligible: 0, unknown: 3 }, specialties: { 'internal-medicine': 3 } } });
    expect(await screen.findByRole('heading', { name: 'Not scored yet (3)' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Your list is empty' })).toBeNull();
    expect(screen.getByText('2 saved entries could not be read and are not shown.')).toBeTruthy();
    cleanup();
    setupQuick('home', { ...QUICK, programs: [], partial: { total: 0, skipped: 1, counts: { reach: 0, realistic: 0, safety: 0, ineligible: 0, unknown: 0 }, specialties: {} } });
    expect(await screen.findByRole('heading', { name: 'Your list is empty' })).toBeTruthy();
  });
});
