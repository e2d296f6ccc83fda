// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Badge, hostData, type BadgeActions, type BadgeProps } from '../../../components/badge/Badge';
import type { Fit } from '../../../lib/core/schema/fit';
import type { Evidence } from '../../../lib/core/schema/signals';

afterEach(cleanup);

const ev = (quote: string, blockIndex = 4): Evidence => ({
  pageUrl: 'https://gme.riverside.org/im',
  quote,
  blockIndex,
  readAt: '2025-09-01T00:00:00.000Z',
});

const VISA_EV = ev('We sponsor J-1 visas through ECFMG.', 12);
const STEP2_EV = ev('A Step 2 CK score of 220 or higher is preferred.', 8);

const realistic: Fit = {
  tier: 'realistic',
  score: 68,
  confidence: 0.8,
  dealbreakers: [],
  reasons: [
    { field: 'step2', text: 'Step 2 CK 214 is below the program’s preferred minimum of 220', weight: -8, evidence: STEP2_EV },
    { field: 'visa', text: 'Sponsors J-1, which you need', weight: 12, evidence: VISA_EV },
    { field: 'usce', text: 'US clinical experience: 3 months hands-on', weight: 4, evidence: null },
    { field: 'specialty', text: 'Read from the address', weight: 1, evidence: ev('/internal-medicine', -1) },
  ],
  verify: [{ field: 'yog', question: 'Is there a limit on years since graduation?' }],
  usedOutcomes: false,
  known: 9,
  total: 12,
};

const lowConfidence: Fit = { ...realistic, tier: 'reach', score: 41, confidence: 0.3, known: 3, total: 12 };

const ineligible: Fit = {
  ...realistic,
  tier: 'ineligible',
  score: 55,
  dealbreakers: [{ field: 'visa', message: 'Needs H-1B; program: J-1 only', evidence: ev('We sponsor J-1 visas only.', 14) }],
};

function fakeActions(): BadgeActions {
  return {
    add: vi.fn(), remove: vi.fn(), setTier: vi.fn(), openList: vi.fn(), openProfile: vi.fn(),
    showEvidence: vi.fn(), clearHighlight: vi.fn(), retry: vi.fn(), dismiss: vi.fn(), moveTo: vi.fn(),
  };
}

function setup(over: Partial<BadgeProps> = {}) {
  const actions = fakeActions();
  const props: BadgeProps = {
    state: 'ready',
    profileSet: true,
    program: { name: 'Riverside Internal Medicine', specialty: 'Internal Medicine', state: 'NY' },
    fit: realistic,
    saved: null,
    corner: 'bottom-right',
    actions,
    ...over,
  };
  const view = render(<Badge {...props} />);
  const rerender = (more: Partial<BadgeProps>) => view.rerender(<Badge {...props} {...more} />);
  return { actions, props, view, rerender };
}

const pill = (name: RegExp = /Realistic/) => screen.getByRole('button', { name });
const open = (name?: RegExp) => {
  fireEvent.click(pill(name));
  return screen.getByRole('dialog');
};

describe('collapsed pill, per state', () => {
  test('ready: tier word and score in the name; root carries the corner', () => {
    const { view } = setup();
    const p = screen.getByRole('button', { name: 'SmartPick: Realistic · 68' });
    expect(p.textContent).toContain('Realistic · 68');
    expect(p.getAttribute('aria-expanded')).toBe('false');
    expect(p.getAttribute('aria-controls')).toBeTruthy();
    expect(view.container.querySelector('.sp-root')?.getAttribute('data-corner')).toBe('bottom-right');
  });

  test('reading: quiet "reading…" text, no expandable pill', () => {
    setup({ state: 'reading', fit: null });
    expect(screen.getByText(/SmartPick · reading…/)).toBeTruthy();
    expect(screen.queryByRole('button', { expanded: false })).toBeNull();
  });

  test('re-reading keeps the fit on screen instead of flickering back to "reading…"', () => {
    setup({ state: 'reading' });
    expect(pill().getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByText(/reading…/)).toBeNull();
  });

  test('no profile: "Set up your profile" opens the profile editor', () => {
    const { actions } = setup({ profileSet: false, fit: null });
    fireEvent.click(screen.getByRole('button', { name: 'SmartPick · Set up your profile' }));
    expect(actions.openProfile).toHaveBeenCalledOnce();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  test('error: grey message with a Retry button', () => {
    const { actions } = setup({ state: 'error', fit: null });
    expect(screen.getByText('SmartPick · couldn’t read this page')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(actions.retry).toHaveBeenCalledOnce();
  });

  test('not eligible: "✕ Not eligible" with the first dealbreaker as the reason line', () => {
    setup({ fit: ineligible });
    const p = pill(/Not eligible/);
    expect(p.textContent).toContain('✕Not eligible · Needs H-1B; program: J-1 only');
    expect(p.closest('.sp-bar')?.getAttribute('data-tier')).toBe('ineligible');
  });

  test('low confidence: tier with "?" and how many facts were found', () => {
    setup({ fit: lowConfidence });
    const p = pill(/Reach\?/);
    expect(p.textContent).toContain('Reach? · 41');
    expect(p.textContent).toContain('3 of 12 facts found');
  });

  test('unknown tier without a score still says how much was found', () => {
    setup({ fit: { ...lowConfidence, tier: 'unknown', score: null } });
    expect(pill(/Unknown/).textContent).toContain('Unknown? · 3 of 12 facts found');
  });

  test('confident fits do not carry the "?"', () => {
    setup();
    expect(pill().textContent).not.toContain('?');
  });

  test('Dismiss SmartPick and Move badge', () => {
    const { actions } = setup({ corner: 'bottom-right' });
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss SmartPick' }));
    expect(actions.dismiss).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Move badge' }));
    expect(actions.moveTo).toHaveBeenCalledWith('bottom-left');
  });

  test('dragging the pill to the top-left quarter moves it there and does not open the panel', () => {
    const { actions } = setup();
    const p = pill();
    fireEvent.pointerDown(p, { button: 0, pointerId: 1, clientX: 1000, clientY: 740 });
    fireEvent.pointerMove(p, { pointerId: 1, clientX: 600, clientY: 400 });
    fireEvent.pointerMove(p, { pointerId: 1, clientX: 40, clientY: 30 });
    fireEvent.pointerUp(p, { pointerId: 1, clientX: 40, clientY: 30 });
    fireEvent.click(p);
    expect(actions.moveTo).toHaveBeenCalledWith('top-left');
    expect(p.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('opening and closing', () => {
  test('Enter opens the dialog; Escape closes it, clears the highlight and returns focus to the pill', () => {
    const { actions } = setup();
    const p = pill();
    p.focus();
    fireEvent.keyDown(p, { key: 'Enter' });
    const dialog = screen.getByRole('dialog', { name: 'SmartPick fit for Riverside Internal Medicine' });
    expect(p.getAttribute('aria-expanded')).toBe('true');
    expect(p.getAttribute('aria-controls')).toBe(dialog.id);
    expect(dialog.contains(document.activeElement)).toBe(true);

    fireEvent.keyDown(within(dialog).getByRole('button', { name: 'Add to list' }), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(p.getAttribute('aria-expanded')).toBe('false');
    expect(actions.clearHighlight).toHaveBeenCalledOnce();
    expect(document.activeElement).toBe(p);
  });

  test('Space opens too; a second click closes', () => {
    setup();
    fireEvent.keyDown(pill(), { key: ' ' });
    expect(screen.getByRole('dialog')).toBeTruthy();
    fireEvent.click(pill());
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  test('the panel\'s close button collapses it and refocuses the pill', () => {
    setup();
    const dialog = open();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close panel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(pill());
  });
});

describe('expanded panel', () => {
  test('header: name, specialty, state, tier, score, facts found and the one-line disclaimer', () => {
    setup({ pagesNote: 'Read 3 pages' });
    const d = within(open());
    expect(d.getByRole('heading', { name: 'Riverside Internal Medicine' })).toBeTruthy();
    expect(d.getByText('Internal Medicine · NY')).toBeTruthy();
    expect(d.getByText('9 of 12 facts found')).toBeTruthy();
    expect(d.getByText('Ranked from what the program states and public outcome data — not a match prediction.')).toBeTruthy();
    expect(d.getByText('Read 3 pages')).toBeTruthy();
  });

  test('reasons split into what fits and what weighs against, each with its weight', () => {
    setup();
    const d = within(open());
    const fits = d.getByRole('region', { name: 'What fits' });
    const against = d.getByRole('region', { name: 'What weighs against' });
    const rows = (el: HTMLElement) => within(el).getAllByRole('listitem').map((li) => li.textContent);
    expect(rows(fits)).toEqual([
      expect.stringMatching(/Sponsors J-1, which you need.*\+12/),
      expect.stringMatching(/US clinical experience: 3 months hands-on.*\+4/),
      expect.stringMatching(/Read from the address.*\+1/),
    ]);
    expect(rows(against)).toEqual([expect.stringMatching(/below the program’s preferred minimum of 220.*\u22128/)]);
  });

  test('"Show on page" sends that reason\'s evidence, and only where the page has the sentence', () => {
    const { actions } = setup();
    const d = within(open());
    const fits = within(d.getByRole('region', { name: 'What fits' }));
    // visa has a page sentence; USCE has none; the specialty came from the URL (blockIndex −1).
    expect(fits.getAllByRole('button', { name: 'Show on page' })).toHaveLength(1);
    fireEvent.click(fits.getByRole('button', { name: 'Show on page' }));
    expect(actions.showEvidence).toHaveBeenCalledWith(VISA_EV);
    const against = within(d.getByRole('region', { name: 'What weighs against' }));
    fireEvent.click(against.getByRole('button', { name: 'Show on page' }));
    expect(actions.showEvidence).toHaveBeenLastCalledWith(STEP2_EV);
  });

  test('a highlight is cleared on the next click on the page', () => {
    const { actions } = setup();
    const d = within(open());
    fireEvent.click(within(d.getByRole('region', { name: 'What fits' })).getByRole('button', { name: 'Show on page' }));
    expect(actions.clearHighlight).not.toHaveBeenCalled();
    fireEvent.pointerDown(document.body);
    expect(actions.clearHighlight).toHaveBeenCalledOnce();
    fireEvent.pointerDown(document.body); // nothing highlighted any more
    expect(actions.clearHighlight).toHaveBeenCalledOnce();
  });

  test('Escape on the page clears a highlight; Escape in the badge clears it once and closes', () => {
    const { actions } = setup();
    const d = within(open());
    const show = within(d.getByRole('region', { name: 'What fits' })).getByRole('button', { name: 'Show on page' });
    fireEvent.click(show);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(actions.clearHighlight).toHaveBeenCalledOnce();
    expect(screen.getByRole('dialog')).toBeTruthy(); // the page's Escape leaves the panel alone
    fireEvent.click(show);
    fireEvent.keyDown(show, { key: 'Escape' });
    expect(actions.clearHighlight).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  test('dealbreakers quote the page and open the panel before the reasons', () => {
    setup({ fit: ineligible });
    const d = within(open(/Not eligible/));
    const deal = d.getByRole('region', { name: 'Dealbreakers' });
    expect(deal.textContent).toContain('Needs H-1B; program: J-1 only');
    expect(deal.textContent).toContain('“We sponsor J-1 visas only.”');
    const headings = d.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['Dealbreakers', 'What fits', 'What weighs against', 'Not stated on this page — verify']);
  });

  test('verify questions and conflicts', () => {
    setup({ conflicts: [{ field: 'H-1B', a: 'FREIDA: no H-1B', b: 'Program FAQ: case by case' }] });
    const d = within(open());
    expect(within(d.getByRole('region', { name: 'Not stated on this page — verify' })).getByText('Is there a limit on years since graduation?')).toBeTruthy();
    const c = d.getByRole('region', { name: 'Conflicts' });
    expect(c.textContent).toContain('FREIDA: no H-1B');
    expect(c.textContent).toContain('Program FAQ: case by case');
  });

  test('no Conflicts section when none are given', () => {
    setup();
    expect(within(open()).queryByRole('region', { name: 'Conflicts' })).toBeNull();
  });

  test('NRMP attribution only when the score used outcome data', () => {
    setup();
    expect(within(open()).queryByText('Source: NRMP Charting Outcomes 2026')).toBeNull();
    cleanup();
    setup({ fit: { ...realistic, usedOutcomes: true } });
    expect(within(open()).getByText('Source: NRMP Charting Outcomes 2026')).toBeTruthy();
  });
});

describe('list button and menu', () => {
  test('"Add to list" adds; once saved the same button reads "In your list · Realistic"', () => {
    const { actions, rerender } = setup();
    const d = within(open());
    const add = d.getByRole('button', { name: 'Add to list' });
    fireEvent.click(add);
    expect(actions.add).toHaveBeenCalledOnce();
    add.focus();
    rerender({ saved: { tier: 'realistic' } });
    const inList = d.getByRole('button', { name: 'In your list · Realistic' });
    expect(inList).toBe(add); // same element: focus stays put
    expect(document.activeElement).toBe(inList);
  });

  test('a re-render that briefly has no fit (a change announced elsewhere, a re-read) does not pull focus into the panel', async () => {
    const { rerender } = setup();
    const d = within(open());
    const add = d.getByRole('button', { name: 'Add to list' });
    add.focus();
    rerender({ fit: null, state: 'reading' });
    rerender({ saved: { tier: 'realistic' } });
    await new Promise((r) => setTimeout(r, 0));
    const inList = screen.getByRole('button', { name: 'In your list · Realistic' });
    expect(document.activeElement === inList || document.activeElement === document.body).toBe(true);
    expect(document.activeElement?.getAttribute('role')).not.toBe('dialog');
  });

  test('busy: the button does nothing while an add is in flight', () => {
    const { actions } = setup({ busy: true });
    const add = within(open()).getByRole('button', { name: 'Add to list' });
    expect(add.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(add);
    expect(actions.add).not.toHaveBeenCalled();
  });

  test('menu: change tier, open list, remove', () => {
    const { actions } = setup({ saved: { tier: 'realistic' } });
    const d = within(open());
    const button = d.getByRole('button', { name: 'In your list · Realistic' });

    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const menu = within(d.getByRole('menu'));
    const current = menu.getByRole('menuitemradio', { name: 'Realistic' });
    expect(current.getAttribute('aria-checked')).toBe('true');
    expect(document.activeElement).toBe(current);
    fireEvent.click(menu.getByRole('menuitemradio', { name: 'Safety' }));
    expect(actions.setTier).toHaveBeenCalledWith('safety');
    expect(d.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);

    fireEvent.click(button);
    fireEvent.click(within(d.getByRole('menu')).getByRole('menuitem', { name: 'Open list' }));
    expect(actions.openList).toHaveBeenCalledOnce();

    fireEvent.click(button);
    fireEvent.click(within(d.getByRole('menu')).getByRole('menuitem', { name: 'Remove from list' }));
    expect(actions.remove).toHaveBeenCalledOnce();
  });

  test('menu keyboard: arrows move, Escape closes only the menu', () => {
    const { actions } = setup({ saved: { tier: 'reach' } });
    const dialog = open();
    const d = within(dialog);
    const button = d.getByRole('button', { name: 'In your list · Reach' });
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    const menu = d.getByRole('menu');
    expect(document.activeElement?.textContent).toContain('Reach');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toContain('Realistic');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement?.textContent).toContain('Remove from list');
    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(d.queryByRole('menu')).toBeNull();
    expect(screen.getByRole('dialog')).toBe(dialog);
    expect(document.activeElement).toBe(button);
    expect(actions.clearHighlight).not.toHaveBeenCalled();
  });
});

describe('hostData (the mount writes it on <smartpick-badge>)', () => {
  test.each([
    [{ state: 'ready', profileSet: true, fit: realistic }, { tier: 'realistic', state: 'ready' }],
    [{ state: 'ready', profileSet: true, fit: ineligible }, { tier: 'ineligible', state: 'ready' }],
    [{ state: 'reading', profileSet: true, fit: null }, { tier: 'unknown', state: 'reading' }],
    [{ state: 'ready', profileSet: false, fit: null }, { tier: 'unknown', state: 'ready' }],
    [{ state: 'error', profileSet: true, fit: null }, { tier: 'unknown', state: 'error' }],
  ] as const)('%o → %o', (input, out) => {
    expect(hostData(input)).toEqual(out);
  });
});
