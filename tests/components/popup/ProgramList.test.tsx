// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { FIRST_ROWS, ProgramList, renderProgramList, type ProgramListProps } from '../../../components/popup/ProgramList';
import { visaForApplicant } from '../../../components/popup/ProgramRow';
import type { ListedProgram } from '../../../components/popup/types';
import type { Tier } from '../../../lib/core/schema/fit';
import type { VisaNeed } from '../../../lib/core/schema/profile';
import { emptySignals } from '../../../lib/core/signals/empty';
import { fakeActions, row } from './fake-actions';

// The list on its own: fake actions behind the callbacks, fake timers for the undo window.

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const LIST: ListedProgram[] = [
  row(1, 'reach', { name: 'Hillside Internal Medicine', city: 'Albany', state: 'NY', specialty: 'internal-medicine', status: 'considering', updatedAt: '2025-09-03T00:00:00.000Z' }, 41),
  row(2, 'reach', { name: 'Coastal Internal Medicine', city: 'Tampa', state: 'FL', specialty: 'internal-medicine', status: 'considering', tierOverride: 'reach', updatedAt: '2025-09-02T00:00:00.000Z' }, 72),
  row(3, 'realistic', { name: 'Riverside Internal Medicine', city: 'Newark', state: 'NJ', specialty: 'internal-medicine', status: 'applied', notes: 'Deadline 15 Oct\nAsk about J-1', updatedAt: '2025-09-05T00:00:00.000Z' }, 68),
  row(4, 'safety', { name: 'Prairie Community Hospital', city: 'Peoria', state: 'IL', specialty: 'family-medicine', status: 'applying', updatedAt: '2025-09-01T00:00:00.000Z' }, 85),
  {
    ...row(5, 'ineligible', { name: 'Summit University', city: 'Detroit', state: 'MI', specialty: 'pediatrics' }, 55),
    fit: { ...row(5, 'ineligible', {}, 55).fit, dealbreakers: [{ field: 'visa', message: 'Needs H-1B; program: J-1 only', evidence: null }] },
  },
];
const byName = (name: string) => LIST.find((p) => p.program.name === name)!;

function setup(props: Partial<ProgramListProps> = {}, programs: ListedProgram[] = LIST) {
  const actions = fakeActions();
  const all: ProgramListProps = {
    programs,
    onUpdate: (item, patch) => actions.updateProgram(item.program.id, patch),
    onRemove: (item) => actions.removeProgram(item.program.id),
    ...props,
  };
  const utils = render(<ProgramList {...all} />);
  return { actions, props: all, ...utils };
}

const section = (start: string) => screen.getByRole('heading', { name: new RegExp(`^${start} \\(`) }).closest('section')!;
const namesIn = (start: string) => within(section(start)).queryAllByRole('listitem').map((li) => li.querySelector('.sp-name')!.textContent);
const headings = () => screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
const rowOf = (name: string) => screen.getByRole('link', { name }).closest('li')!;
const flush = () => act(async () => {});
const tick = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });

describe('grouping', () => {
  test('headings begin with the tier and carry its count; each program is a list item with its name', () => {
    setup();
    expect(headings()).toEqual(['Reach (2)', 'Realistic (1)', 'Safety (1)', 'Not eligible (1)']);
    expect(namesIn('Reach').sort()).toEqual(['Coastal Internal Medicine', 'Hillside Internal Medicine']);
    expect(namesIn('Not eligible')).toEqual(['Summit University']);
  });

  test('"Not scored yet" appears only when such programs exist; empty list tiers say so', () => {
    setup({}, [row(9, 'unknown', { name: 'Lakeside Family Medicine' }, null)]);
    expect(headings()).toEqual(['Reach (0)', 'Realistic (0)', 'Safety (0)', 'Not scored yet (1)']);
    expect(within(section('Safety')).getByText('None yet')).toBeTruthy();
  });

  test('a row: name linking to its first page, place, specialty, score, visa as it applies, minimum, status, dealbreaker', () => {
    setup({ visaNeed: 'j1' });
    const link = screen.getByRole('link', { name: 'Riverside Internal Medicine' });
    const item = rowOf('Riverside Internal Medicine');
    expect(link.getAttribute('href')).toBe(byName('Riverside Internal Medicine').program.urls[0]);
    expect(link.getAttribute('rel')).toContain('noopener');
    const facts = item.querySelector('.sp-facts')!.textContent!;
    expect(facts).toContain('Newark, NJ');
    expect(facts).toContain('IM');
    expect(facts).toContain('Sponsors J-1');
    expect(facts).toMatch(/Step 2 CK|No minimum stated/);
    expect(item.querySelector('.sp-score')!.textContent).toContain('68');
    expect((within(item).getByRole('combobox', { name: 'Status of Riverside Internal Medicine' }) as HTMLSelectElement).value).toBe('applied');
    expect(rowOf('Summit University').textContent).toContain('Needs H-1B; program: J-1 only');
  });

  test('the full list lists every page read for a program; only web addresses become links', () => {
    const urls = ['https://gme.example.org/im', 'https://example.org/im/faq'];
    setup({}, [row(7, 'realistic', { name: 'Two Pages', urls }), row(8, 'realistic', { name: 'Compact Only' })]);
    const item = rowOf('Two Pages');
    expect(within(item).getByRole('link', { name: 'example.org/im/faq' }).getAttribute('href')).toBe(urls[1]);
    expect(item.textContent).toContain('Pages (2):');
    cleanup();
    setup({ limit: 5 }, [row(7, 'realistic', { name: 'Two Pages', urls })]);
    expect(rowOf('Two Pages').querySelector('.sp-pages')).toBeNull();
  });

  test('renderExtra fills a slot under each row', () => {
    const extra = (item: ListedProgram) => <p class="fresh">{`Read ${item.program.addedAt.slice(0, 10)}`}</p>;
    setup({ renderExtra: extra });
    expect(rowOf('Hillside Internal Medicine').querySelector('.fresh')!.textContent).toMatch(/^Read 2025-/);
  });
});

describe('visa as it applies to the applicant', () => {
  const sig = (j1: 'yes' | 'no' | 'conditional' | null, h1b: 'yes' | 'no' | 'conditional' | null) => {
    const ev = { pageUrl: 'https://x.org', quote: 'q', blockIndex: 0 };
    const s = emptySignals(true);
    return {
      ...s,
      visaJ1: j1 === null ? null : { value: j1, strength: 'required' as const, evidence: ev },
      visaH1b: h1b === null ? null : { value: h1b, strength: 'required' as const, evidence: ev },
    };
  };
  type V = 'yes' | 'no' | 'conditional' | null;
  test.each<[VisaNeed | null, V, V, string | null]>([
    ['j1', 'yes', 'no', 'Sponsors J-1'],
    ['j1', 'no', 'yes', 'No J-1'],
    ['j1', null, 'yes', 'J-1 not stated'],
    ['h1b', 'yes', null, 'H-1B not stated'],
    ['h1b', 'yes', 'conditional', 'H-1B case by case'],
    ['any', 'no', 'yes', 'Sponsors H-1B'],
    ['any', 'yes', 'yes', 'Sponsors J-1 & H-1B'],
    ['any', 'no', 'no', 'No visa sponsorship'],
    ['any', 'no', null, 'No J-1; H-1B not stated'],
    ['any', null, null, 'Visa not stated'],
    ['none', 'no', 'no', null],
    [null, 'yes', 'no', 'J-1 only'],
  ])('needs %s; J-1 %s, H-1B %s → %s', (need, j1, h1b, expected) => {
    expect(visaForApplicant(sig(j1, h1b), need)).toBe(expected);
  });
});

describe('tier moves', () => {
  test('moving a program: the action, the row under its new heading with "moved by you", focus kept on its tier menu', async () => {
    const { actions } = setup();
    const select = within(rowOf('Hillside Internal Medicine')).getByRole('combobox', { name: 'Tier of Hillside Internal Medicine' }) as HTMLSelectElement;
    expect(select.value).toBe('reach');
    select.focus();
    fireEvent.change(select, { target: { value: 'safety' } });
    expect(actions.updateProgram).toHaveBeenCalledWith(byName('Hillside Internal Medicine').program.id, { tierOverride: 'safety' });
    await flush();
    expect(headings()).toEqual(['Reach (1)', 'Realistic (1)', 'Safety (2)', 'Not eligible (1)']);
    expect(namesIn('Safety')).toContain('Hillside Internal Medicine');
    const moved = rowOf('Hillside Internal Medicine');
    expect(moved.textContent).toContain('moved by you');
    expect(document.activeElement).toBe(within(moved).getByRole('combobox', { name: 'Tier of Hillside Internal Medicine' }));
    expect(screen.getByText('Moved Hillside Internal Medicine to Safety')).toBeTruthy();
  });

  test('Undo clears the override and the row goes back', async () => {
    const { actions } = setup();
    const item = rowOf('Coastal Internal Medicine');
    expect(item.textContent).toContain('moved by you');
    fireEvent.click(within(item).getByRole('button', { name: 'Undo move of Coastal Internal Medicine' }));
    expect(actions.updateProgram).toHaveBeenCalledWith(byName('Coastal Internal Medicine').program.id, { tierOverride: null });
    await flush();
    expect(rowOf('Coastal Internal Medicine').textContent).not.toContain('moved by you');
  });

  test('choosing the tier the program was scored in clears the move instead of pinning it', () => {
    const { actions } = setup();
    const select = within(rowOf('Hillside Internal Medicine')).getByRole('combobox', { name: 'Tier of Hillside Internal Medicine' });
    fireEvent.change(select, { target: { value: 'realistic' } });
    fireEvent.change(within(rowOf('Hillside Internal Medicine')).getByRole('combobox', { name: 'Tier of Hillside Internal Medicine' }), { target: { value: 'reach' } });
    expect(actions.updateProgram.mock.calls.map((c) => c[1])).toEqual([{ tierOverride: 'realistic' }, { tierOverride: null }]);
  });

  test('a blocked program can be moved; its menu offers its own tier to go back', () => {
    const { actions } = setup();
    const select = within(rowOf('Summit University')).getByRole('combobox', { name: 'Tier of Summit University' }) as HTMLSelectElement;
    expect(select.value).toBe('');
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(['Not eligible', 'Reach', 'Realistic', 'Safety']);
    fireEvent.change(select, { target: { value: 'reach' } });
    expect(actions.updateProgram).toHaveBeenCalledWith(byName('Summit University').program.id, { tierOverride: 'reach' });
  });

  test('a failed save puts the row back and says why', async () => {
    const { actions } = setup();
    actions.updateProgram.mockRejectedValueOnce(new Error('database is closed'));
    fireEvent.change(within(rowOf('Hillside Internal Medicine')).getByRole('combobox', { name: 'Tier of Hillside Internal Medicine' }), { target: { value: 'safety' } });
    await flush();
    expect(screen.getByRole('alert').textContent).toBe('Couldn’t change Hillside Internal Medicine: database is closed');
    expect(namesIn('Reach')).toContain('Hillside Internal Medicine');
  });

  test('fresh data from the parent replaces the shown change', async () => {
    const { rerender, props } = setup();
    fireEvent.change(within(rowOf('Hillside Internal Medicine')).getByRole('combobox', { name: 'Tier of Hillside Internal Medicine' }), { target: { value: 'safety' } });
    await flush();
    // The background answered and, meanwhile, something else moved it to Realistic.
    const fresh = LIST.map((p) => (p.program.name === 'Hillside Internal Medicine' ? { ...p, tier: 'realistic' as Tier, program: { ...p.program, tierOverride: 'realistic' as const } } : p));
    rerender(<ProgramList {...props} programs={fresh} />);
    await flush();
    expect(namesIn('Realistic')).toContain('Hillside Internal Medicine');
  });
});

describe('status and notes', () => {
  test('changing the status calls updateProgram and shows at once', async () => {
    const { actions } = setup();
    const select = within(rowOf('Hillside Internal Medicine')).getByRole('combobox', { name: 'Status of Hillside Internal Medicine' }) as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.value)).toEqual(['considering', 'applying', 'applied', 'interview', 'rejected', 'withdrawn']);
    fireEvent.change(select, { target: { value: 'interview' } });
    expect(actions.updateProgram).toHaveBeenCalledWith(byName('Hillside Internal Medicine').program.id, { status: 'interview' });
    await flush();
    expect((within(rowOf('Hillside Internal Medicine')).getByRole('combobox', { name: 'Status of Hillside Internal Medicine' }) as HTMLSelectElement).value).toBe('interview');
  });

  test('notes open on demand, save on blur, and once only', async () => {
    const { actions } = setup();
    const item = rowOf('Hillside Internal Medicine');
    const toggle = within(item).getByRole('button', { name: 'Add note about Hillside Internal Medicine' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    await flush();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const area = screen.getByLabelText('Notes for Hillside Internal Medicine') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(area);
    fireEvent.input(area, { target: { value: 'Interview invite expected in November' } });
    fireEvent.blur(area);
    expect(actions.updateProgram).toHaveBeenCalledWith(byName('Hillside Internal Medicine').program.id, { notes: 'Interview invite expected in November' });
    fireEvent.click(screen.getByRole('button', { name: 'Save notes for Hillside Internal Medicine' }));
    expect(actions.updateProgram).toHaveBeenCalledTimes(1);
    await flush();
    expect(within(rowOf('Hillside Internal Medicine')).getByText('Saved')).toBeTruthy();
  });

  test('Save saves without leaving the box; existing notes show as a preview and load into the box', async () => {
    const { actions } = setup();
    const item = rowOf('Riverside Internal Medicine');
    expect(item.querySelector('.sp-note-preview')!.textContent).toBe('Deadline 15 Oct');
    fireEvent.click(within(item).getByRole('button', { name: 'Notes about Riverside Internal Medicine' }));
    await flush();
    const area = screen.getByLabelText('Notes for Riverside Internal Medicine') as HTMLTextAreaElement;
    expect(area.value).toBe('Deadline 15 Oct\nAsk about J-1');
    fireEvent.input(area, { target: { value: 'Deadline 15 Oct\nJ-1 confirmed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save notes for Riverside Internal Medicine' }));
    expect(actions.updateProgram).toHaveBeenCalledWith(byName('Riverside Internal Medicine').program.id, { notes: 'Deadline 15 Oct\nJ-1 confirmed' });
  });

  test('Escape closes the notes, keeps what was typed, and returns focus to the toggle', async () => {
    const { actions } = setup();
    fireEvent.click(within(rowOf('Hillside Internal Medicine')).getByRole('button', { name: 'Add note about Hillside Internal Medicine' }));
    await flush();
    const area = screen.getByLabelText('Notes for Hillside Internal Medicine');
    fireEvent.input(area, { target: { value: 'Call back Monday' } });
    fireEvent.keyDown(area, { key: 'Escape' });
    await flush();
    expect(actions.updateProgram).toHaveBeenCalledWith(byName('Hillside Internal Medicine').program.id, { notes: 'Call back Monday' });
    expect(screen.queryByLabelText('Notes for Hillside Internal Medicine')).toBeNull();
    expect(document.activeElement).toBe(within(rowOf('Hillside Internal Medicine')).getByRole('button', { name: 'Notes about Hillside Internal Medicine' }));
  });
});

describe('remove with undo', () => {
  const start = () => {
    vi.useFakeTimers();
    const s = setup({ undoMs: 8000 });
    fireEvent.click(screen.getByRole('button', { name: 'Remove Riverside Internal Medicine' }));
    return s;
  };

  test('the row goes at once, a "Removed … · Undo" bar takes focus; Undo brings it back and nothing is removed', async () => {
    const { actions } = start();
    expect(screen.queryByRole('link', { name: 'Riverside Internal Medicine' })).toBeNull();
    expect(headings()).toContain('Realistic (0)');
    const undo = screen.getByRole('button', { name: 'Undo removing Riverside Internal Medicine' });
    expect(undo.closest('.sp-undo')!.textContent).toBe('Removed Riverside Internal Medicine · Undo');
    expect(document.activeElement).toBe(undo);
    fireEvent.click(undo);
    expect(rowOf('Riverside Internal Medicine')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove Riverside Internal Medicine' }));
    await tick(20_000);
    expect(actions.removeProgram).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: /^Undo removing/ })).toBeNull();
  });

  test('after the undo window the action is called once, and the row stays gone', async () => {
    const { actions } = start();
    await tick(7999);
    expect(actions.removeProgram).not.toHaveBeenCalled();
    await tick(1);
    expect(actions.removeProgram).toHaveBeenCalledOnce();
    expect(actions.removeProgram).toHaveBeenCalledWith(byName('Riverside Internal Medicine').program.id);
    await tick(20_000);
    expect(actions.removeProgram).toHaveBeenCalledOnce();
    expect(screen.queryByRole('link', { name: 'Riverside Internal Medicine' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Undo removing/ })).toBeNull();
    // Focus was on Undo, which went away: it lands on the section heading, not on the page body.
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Realistic (0)' }));
  });

  test('leaving the list sends what is waiting', async () => {
    const { actions, unmount } = start();
    unmount();
    await tick(50);
    expect(actions.removeProgram).toHaveBeenCalledOnce();
    await tick(20_000);
    expect(actions.removeProgram).toHaveBeenCalledOnce();
  });

  test('closing the page sends what is waiting', async () => {
    const { actions } = start();
    await act(async () => {
      dispatchEvent(new Event('pagehide'));
    });
    expect(actions.removeProgram).toHaveBeenCalledOnce();
  });

  test('a failed removal brings the row back with the reason', async () => {
    const { actions } = start();
    actions.removeProgram.mockRejectedValueOnce(new Error('database is closed'));
    await tick(8000);
    expect(screen.getByRole('alert').textContent).toBe('Couldn’t remove Riverside Internal Medicine: database is closed');
    expect(rowOf('Riverside Internal Medicine')).toBeTruthy();
  });

  test('the timing is injectable', () => {
    const pending: (() => void)[] = [];
    const timers = { set: vi.fn((fn: () => void) => pending.push(fn)), clear: vi.fn() };
    const { actions } = setup({ timers, undoMs: 3000 });
    fireEvent.click(screen.getByRole('button', { name: 'Remove Hillside Internal Medicine' }));
    expect(timers.set).toHaveBeenCalledWith(expect.any(Function), 3000);
    act(() => pending[0]!());
    expect(actions.removeProgram).toHaveBeenCalledWith(byName('Hillside Internal Medicine').program.id);
  });
});

describe('sort, filters and search (full list)', () => {
  const pick = (label: string, value: string) => fireEvent.change(screen.getByRole('combobox', { name: label }), { target: { value } });

  test('"Showing N of M" follows every filter; headings show matches of total', () => {
    setup();
    expect(screen.getByText('Showing 5 of 5')).toBeTruthy();
    pick('State', 'NY');
    expect(screen.getByText('Showing 1 of 5')).toBeTruthy();
    expect(headings()).toEqual(['Reach (1 of 2)']);
    pick('State', '');
    pick('Specialty', 'internal-medicine');
    expect(screen.getByText('Showing 3 of 5')).toBeTruthy();
    pick('Status', 'applied');
    expect(screen.getByText('Showing 1 of 5')).toBeTruthy();
    expect(namesIn('Realistic')).toEqual(['Riverside Internal Medicine']);
    fireEvent.click(screen.getByRole('button', { name: 'Reset filters' }));
    expect(screen.getByText('Showing 5 of 5')).toBeTruthy();
  });

  test('tier filter shows that section only', () => {
    setup();
    pick('Tier', 'reach');
    expect(headings()).toEqual(['Reach (2 of 2)']);
  });

  test('search matches name, city, state and notes', () => {
    setup();
    const search = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.input(search, { target: { value: 'peoria' } });
    expect(screen.getByText('Showing 1 of 5')).toBeTruthy();
    fireEvent.input(search, { target: { value: 'deadline' } });
    expect(namesIn('Realistic')).toEqual(['Riverside Internal Medicine']);
    fireEvent.input(search, { target: { value: 'florida' } });
    expect(namesIn('Reach')).toEqual(['Coastal Internal Medicine']);
    fireEvent.input(search, { target: { value: 'nowhere' } });
    expect(screen.getByText('Showing 0 of 5')).toBeTruthy();
    expect(screen.getByText(/No saved program matches/)).toBeTruthy();
  });

  test('sort by score (default) or name', () => {
    setup();
    expect(namesIn('Reach')).toEqual(['Coastal Internal Medicine', 'Hillside Internal Medicine']);
    pick('Sort by', 'name');
    expect(namesIn('Reach')).toEqual(['Coastal Internal Medicine', 'Hillside Internal Medicine']);
    pick('Sort by', 'updated');
    expect(namesIn('Reach')).toEqual(['Hillside Internal Medicine', 'Coastal Internal Medicine']);
  });

  test('every control has a name', () => {
    setup();
    for (const name of ['Tier', 'State', 'Specialty', 'Status', 'Sort by']) expect(screen.getByRole('combobox', { name })).toBeTruthy();
    expect(screen.getByRole('search', { name: 'Search and filter your list' })).toBeTruthy();
    for (const el of document.querySelectorAll('select, button, input, textarea, a')) {
      const labelled = el.getAttribute('aria-label') || el.textContent!.trim() || (el.id && document.querySelector(`label[for="${el.id}"]`));
      expect(labelled, el.outerHTML.slice(0, 80)).toBeTruthy();
    }
  });
});

describe('outside focus (a coach warning’s programs)', () => {
  const ids = [byName('Hillside Internal Medicine').program.id, byName('Summit University').program.id];

  test('only those programs, the warning named, and a visible "Clear filter"', () => {
    const onClearFocus = vi.fn();
    setup({ focusIds: ids, focusLabel: '2 programs don’t state visa policy', onClearFocus });
    expect(screen.getByText('Showing 2 of 5')).toBeTruthy();
    expect(headings()).toEqual(['Reach (1 of 2)', 'Not eligible (1 of 1)']);
    expect(screen.getByText(/2 programs don’t state visa policy/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filter' }));
    expect(onClearFocus).toHaveBeenCalledOnce();
  });

  test('works in the compact popup too', () => {
    setup({ limit: 5, focusIds: ids, onClearFocus: vi.fn() });
    expect(screen.getByText('Showing 2 of 5')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Clear filter' })).toBeTruthy();
  });
});

describe('compact popup', () => {
  test('the 5 most recent per tier, no filters, "N more in the full list"', () => {
    const many = Array.from({ length: 8 }, (_, i) => row(10 + i, 'realistic', { name: `Program ${i}`, updatedAt: `2025-09-0${i + 1}T00:00:00.000Z` }));
    setup({ limit: 5 }, many);
    expect(screen.queryByRole('search')).toBeNull();
    expect(screen.queryByText(/^Showing/)).toBeNull();
    expect(namesIn('Realistic')).toEqual(['Program 7', 'Program 6', 'Program 5', 'Program 4', 'Program 3']);
    expect(screen.getByText('3 more in the full list')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Realistic (8)' })).toBeTruthy();
  });
});

describe('1,000 programs', () => {
  const TIERS: Tier[] = ['reach', 'realistic', 'realistic', 'safety', 'ineligible'];
  const thousand = Array.from({ length: 1000 }, (_, i) => row(i, TIERS[i % 5]!, { name: `Program ${i}` }, (i * 37) % 101));

  test('the full list renders them all: the first rows at once, the rest in slices', async () => {
    const { container } = setup({}, thousand);
    const rows = () => container.querySelectorAll('li.sp-row').length;
    expect(screen.getByText('Showing 1,000 of 1,000')).toBeTruthy();
    expect(headings()).toEqual(['Reach (200)', 'Realistic (400)', 'Safety (200)', 'Not eligible (200)']);
    expect(rows()).toBe(FIRST_ROWS);
    await waitFor(() => expect(rows()).toBe(1000), { timeout: 10_000 });
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'program 999' } });
    expect(screen.getByText('Showing 1 of 1,000')).toBeTruthy();
    expect(rows()).toBe(1);
  }, 20_000);

  test('the popup renders 5 per tier, and renderProgramList mounts it in a plain container', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const unmount = renderProgramList(container, { programs: thousand, limit: 5, onUpdate: vi.fn(), onRemove: vi.fn() });
    expect(container.querySelectorAll('li.sp-row')).toHaveLength(20);
    expect(Array.from(container.querySelectorAll('h2')).map((h) => h.textContent)).toEqual(['Reach (200)', 'Realistic (400)', 'Safety (200)', 'Not eligible (200)']);
    unmount();
    expect(container.childElementCount).toBe(0);
    container.remove();
  });
});

describe('list styles', () => {
  test('palette variables only, nothing from the network, focus ring never removed', async () => {
    const { LIST_CSS } = await import('../../../components/popup/list-styles');
    const { PALETTE } = await import('../../../components/badge/styles');
    expect(LIST_CSS).not.toMatch(/url\(|@import|@font-face|https?:/);
    expect(LIST_CSS).not.toContain('outline:none');
    const used = new Set([...LIST_CSS.matchAll(/var\(--sp-([a-zA-Z]+)/g)].map((m) => m[1]));
    for (const v of used) expect(Object.keys(PALETTE.light), v).toContain(v);
    // No fixed colours: light and dark both come from the palette.
    expect(LIST_CSS).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(/i);
  });
});

describe('compact popup with the whole list’s totals (the quick list)', () => {
  // The digest's rows: the 5 most recent Reach, 3 Realistic, 1 Safety, 1 Not eligible; the whole
  // list holds 40 / 12 / 1 / 3.
  const at = (day: number) => `2025-09-${String(day).padStart(2, '0')}T00:00:00.000Z`;
  const quick: ListedProgram[] = [
    ...Array.from({ length: 5 }, (_, k) => row(100 + k, 'reach', { name: `Reach ${k}`, updatedAt: at(10 + k) })),
    ...Array.from({ length: 3 }, (_, k) => row(200 + k, 'realistic', { name: `Realistic ${k}`, updatedAt: at(10 + k) })),
    row(300, 'safety', { name: 'Safety 0', updatedAt: at(20) }),
    row(400, 'ineligible', { name: 'Blocked 0', updatedAt: at(21) }),
  ];
  const totals: Record<Tier, number> = { reach: 40, realistic: 12, safety: 1, ineligible: 3, unknown: 0 };
  const moreIn = (start: string) => section(start).querySelector('.sp-more')?.textContent ?? null;

  test('headings count the whole list; "N more in the full list" from the totals', () => {
    setup({ limit: 5, totals }, quick);
    expect(headings()).toEqual(['Reach (40)', 'Realistic (12)', 'Safety (1)', 'Not eligible (3)']);
    expect(namesIn('Reach')).toEqual(['Reach 4', 'Reach 3', 'Reach 2', 'Reach 1', 'Reach 0']);
    expect(moreIn('Reach')).toBe('35 more in the full list');
    expect(moreIn('Realistic')).toBe('9 more in the full list');
    expect(moreIn('Safety')).toBeNull();
    expect(moreIn('Not eligible')).toBe('2 more in the full list');
  });

  test('a tier the totals count but no row is given for still shows, with its count', () => {
    setup({ limit: 5, totals: { ...totals, unknown: 7 } }, quick);
    expect(headings()).toEqual(['Reach (40)', 'Realistic (12)', 'Safety (1)', 'Not eligible (3)', 'Not scored yet (7)']);
    expect(moreIn('Not scored yet')).toBe('7 more in the full list');
  });

  test('without totals the rows given are counted, as before', () => {
    setup({ limit: 5 }, quick);
    expect(headings()).toEqual(['Reach (5)', 'Realistic (3)', 'Safety (1)', 'Not eligible (1)']);
    expect(screen.queryByText(/more in the full list/)).toBeNull();
  });

  test('moving a row to another tier moves one from each heading at once; Undo moves it back', async () => {
    const { actions } = setup({ limit: 5, totals }, quick);
    fireEvent.change(within(rowOf('Reach 2')).getByRole('combobox', { name: 'Tier of Reach 2' }), { target: { value: 'safety' } });
    expect(actions.updateProgram).toHaveBeenCalledWith(quick[2]!.program.id, { tierOverride: 'safety' });
    await flush();
    expect(headings()).toEqual(['Reach (39)', 'Realistic (12)', 'Safety (2)', 'Not eligible (3)']);
    expect(namesIn('Safety').sort()).toEqual(['Reach 2', 'Safety 0']);
    expect(namesIn('Reach')).not.toContain('Reach 2');
    expect(moreIn('Reach')).toBe('35 more in the full list'); // 39 in all, 4 shown
    expect(moreIn('Safety')).toBeNull();
    fireEvent.click(within(rowOf('Reach 2')).getByRole('button', { name: 'Undo move of Reach 2' }));
    await flush();
    expect(headings()).toEqual(['Reach (40)', 'Realistic (12)', 'Safety (1)', 'Not eligible (3)']);
  });

  test('moving a blocked program into a list tier', async () => {
    setup({ limit: 5, totals }, quick);
    fireEvent.change(within(rowOf('Blocked 0')).getByRole('combobox', { name: 'Tier of Blocked 0' }), { target: { value: 'realistic' } });
    await flush();
    expect(headings()).toEqual(['Reach (40)', 'Realistic (13)', 'Safety (1)', 'Not eligible (2)']);
    expect(moreIn('Realistic')).toBe('9 more in the full list'); // 13 in all, 4 shown
    expect(moreIn('Not eligible')).toBe('2 more in the full list');
  });

  test('a failed move puts the counts back', async () => {
    const { actions } = setup({ limit: 5, totals }, quick);
    actions.updateProgram.mockRejectedValueOnce(new Error('database is closed'));
    fireEvent.change(within(rowOf('Reach 0')).getByRole('combobox', { name: 'Tier of Reach 0' }), { target: { value: 'realistic' } });
    await flush();
    expect(screen.getByRole('alert').textContent).toContain('database is closed');
    expect(headings()).toEqual(['Reach (40)', 'Realistic (12)', 'Safety (1)', 'Not eligible (3)']);
  });

  test('removing a row takes one from its heading; Undo gives it back', async () => {
    vi.useFakeTimers();
    const { actions } = setup({ limit: 5, totals, undoMs: 8000 }, quick);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Realistic 1' }));
    expect(headings()).toEqual(['Reach (40)', 'Realistic (11)', 'Safety (1)', 'Not eligible (3)']);
    expect(moreIn('Realistic')).toBe('9 more in the full list'); // 11 in all, 2 shown
    fireEvent.click(screen.getByRole('button', { name: 'Undo removing Realistic 1' }));
    expect(headings()).toEqual(['Reach (40)', 'Realistic (12)', 'Safety (1)', 'Not eligible (3)']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Safety 0' }));
    await tick(8000);
    expect(actions.removeProgram).toHaveBeenCalledWith(quick[8]!.program.id);
    expect(headings()).toEqual(['Reach (40)', 'Realistic (12)', 'Safety (0)', 'Not eligible (3)']);
  });

  test('fresh data with fresh totals is taken as it is, not corrected twice', async () => {
    const { props, rerender } = setup({ limit: 5, totals }, quick);
    fireEvent.change(within(rowOf('Reach 4')).getByRole('combobox', { name: 'Tier of Reach 4' }), { target: { value: 'safety' } });
    await flush();
    expect(headings()).toEqual(['Reach (39)', 'Realistic (12)', 'Safety (2)', 'Not eligible (3)']);
    // The background saved it and rebuilt the digest: the popup reads the new quick list.
    const moved = { ...quick[4]!, tier: 'safety' as Tier, program: { ...quick[4]!.program, tierOverride: 'safety' as const } };
    const fresh = [...quick.slice(0, 4), row(105, 'reach', { name: 'Reach 5', updatedAt: at(1) }), ...quick.slice(5), moved];
    rerender(<ProgramList {...props} programs={fresh} totals={{ ...totals, reach: 39, safety: 2 }} />);
    await flush();
    expect(headings()).toEqual(['Reach (39)', 'Realistic (12)', 'Safety (2)', 'Not eligible (3)']);
    expect(namesIn('Safety').sort()).toEqual(['Reach 4', 'Safety 0']);
    expect(namesIn('Reach')).toEqual(['Reach 3', 'Reach 2', 'Reach 1', 'Reach 0', 'Reach 5']);
    expect(moreIn('Reach')).toBe('34 more in the full list');
  });

  test('a tier whose shown rows were all moved away does not say "None yet" while its heading counts more', async () => {
    setup({ limit: 5, totals }, quick);
    // Safety has one row shown of 1; Realistic 3 of 12. Move all three Realistic rows to Reach.
    for (const k of [0, 1, 2]) {
      fireEvent.change(within(rowOf(`Realistic ${k}`)).getByRole('combobox', { name: `Tier of Realistic ${k}` }), { target: { value: 'reach' } });
      await flush();
    }
    expect(headings()).toEqual(['Reach (43)', 'Realistic (9)', 'Safety (1)', 'Not eligible (3)']);
    expect(moreIn('Realistic')).toBe('9 more in the full list');
    expect(within(section('Realistic')).queryByText('None yet')).toBeNull();
  });
});
