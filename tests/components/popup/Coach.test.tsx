// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Coach } from '../../../components/popup/Coach';
import { listFigures } from '../../../lib/core/list/coach';
import { FreshnessLine, RecheckAll } from '../../../components/popup/Freshness';
import { Warnings } from '../../../components/popup/Warnings';
import type { ListedProgram } from '../../../components/popup/types';
import type { Dealbreaker, Tier } from '../../../lib/core/schema/fit';
import type { Profile } from '../../../lib/core/schema/profile';
import type { Program } from '../../../lib/core/schema/program';
import { PROFILE, row } from './fake-actions';

afterEach(cleanup);

const J1_YES = { value: 'yes' as const, strength: 'required' as const, evidence: { pageUrl: 'https://x.org', quote: 'We sponsor J-1 visas.', blockIndex: 1 } };

let seq = 1000;
/** A row in `specialty` whose J-1 policy is stated (so only the warnings a test sets up appear). */
function rows(n: number, tier: Tier, over: Partial<Program> = {}, dealbreakers: Dealbreaker[] = []): ListedProgram[] {
  return Array.from({ length: n }, () => {
    const r = row(++seq, tier, { specialty: 'internal-medicine', ...over });
    return {
      ...r,
      program: { ...r.program, signals: { ...r.program.signals, visaJ1: J1_YES, ...over.signals } },
      fit: { ...r.fit, dealbreakers },
    };
  });
}

// PROFILE: IM, Step 2 CK 214, J-1, 3 months hands-on → target 60–80.
const LIST_42 = [...rows(10, 'reach'), ...rows(25, 'realistic'), ...rows(7, 'safety')];

describe('Coach', () => {
  test('shows the count against the target and the ERAS fee estimate', () => {
    render(<Coach items={LIST_42} profile={PROFILE} />);
    expect(screen.getByText('42 of 60–80')).toBeTruthy();
    expect(screen.getByText('≈ $690 for 42 programs, 2026 fees')).toBeTruthy();
    expect(screen.getByText(/Target 60–80: Step 2 CK 214 is below the median of non-US IMGs who matched in Internal Medicine \(251\)\. Source: NRMP Charting Outcomes 2026/)).toBeTruthy();
  });

  test('the bar is one image whose name says the numbers; the same numbers are written out with tier words', () => {
    render(<Coach items={LIST_42} profile={PROFILE} />);
    const bar = screen.getByRole('img');
    expect(bar.getAttribute('aria-label')).toBe(
      'Tier balance: Reach 10 (24%), Realistic 25 (60%), Safety 7 (17%). Aim for Reach 15–25%, Realistic 50–60%, Safety 15–25%.',
    );
    // Segments in order, sized by count; the two target marks under them.
    const segs = [...bar.querySelectorAll('[data-tier]')] as HTMLElement[];
    expect(segs.map((s) => [s.dataset.tier, s.style.flexGrow])).toEqual([['reach', '10'], ['realistic', '25'], ['safety', '7']]);
    const marks = [...bar.children[1]!.children] as HTMLElement[];
    expect(marks.map((m) => [m.style.left, m.style.width])).toEqual([['15%', '10%'], ['75%', '10%']]);
    const region = screen.getByRole('region', { name: 'List balance' });
    for (const t of ['Reach 10 (24%)', 'Realistic 25 (60%)', 'Safety 7 (17%)']) expect(within(region).getByText(t)).toBeTruthy();
    expect(region.textContent).toContain('Aim for Reach 15–25%, Realistic 50–60%, Safety 15–25%');
  });

  test('Not eligible programs are not counted toward the target or the fees', () => {
    const items = [...LIST_42, ...rows(3, 'ineligible', {}, [{ field: 'visa', message: 'Needs J-1; program: no J-1 sponsorship', evidence: null }])];
    render(<Coach items={items} profile={PROFILE} />);
    expect(screen.getByText('42 of 60–80')).toBeTruthy();
    expect(screen.getByText('≈ $690 for 42 programs, 2026 fees')).toBeTruthy();
  });

  test('two specialties: the fee is per specialty, and the split is shown', () => {
    const items = [...LIST_42, ...rows(20, 'realistic', { specialty: 'family-medicine' })];
    render(<Coach items={items} profile={PROFILE} />);
    expect(screen.getByText('≈ $910 for 62 programs, 2026 fees')).toBeTruthy();
    expect(screen.getByText('ERAS charges per specialty: IM 42 → $690 · FM 20 → $220')).toBeTruthy();
  });

  test('60 and 80 programs: $1,230 and $1,830', () => {
    const { rerender } = render(<Coach items={rows(60, 'realistic')} profile={PROFILE} />);
    expect(screen.getByText('≈ $1,230 for 60 programs, 2026 fees')).toBeTruthy();
    rerender(<Coach items={rows(80, 'realistic')} profile={PROFILE} />);
    expect(screen.getByText('≈ $1,830 for 80 programs, 2026 fees')).toBeTruthy();
    expect(screen.getByText('80 of 60–80')).toBeTruthy();
  });

  test('very low score and little USCE: 80–100', () => {
    const p: Profile = { ...PROFILE, usce: { months: 1, handsOn: true } };
    render(<Coach items={LIST_42} profile={p} />);
    expect(screen.getByText('42 of 80–100')).toBeTruthy();
  });

  test('no profile yet: no target, no bar, a plain note', () => {
    render(<Coach items={rows(4, 'unknown')} profile={null} />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText('4')).toBeTruthy();
    expect(screen.getByText('Set up your profile to see how your list is balanced.')).toBeTruthy();
    expect(screen.getByText('≈ $44 for 4 programs, 2026 fees')).toBeTruthy();
  });
});

describe('Coach from figures (the list digest) instead of rows', () => {
  const blocked = () => rows(3, 'ineligible', { specialty: 'pediatrics' }, [{ field: 'visa', message: 'Needs J-1; program: no J-1 sponsorship', evidence: null }]);
  const cases: [string, () => ListedProgram[], Profile | null][] = [
    ['42 in one specialty', () => LIST_42, PROFILE],
    ['two specialties, Not eligible and not scored', () => [...LIST_42, ...rows(20, 'realistic', { specialty: 'family-medicine' }), ...blocked(), ...rows(2, 'unknown', { specialty: 'psychiatry' })], PROFILE],
    ['no profile', () => rows(4, 'unknown'), null],
    ['only Not eligible and not scored', () => [...blocked(), ...rows(1, 'unknown')], PROFILE],
    ['one program', () => rows(1, 'safety'), PROFILE],
  ];

  test.each(cases)('%s: the same words, numbers and bar', (_name, list, profile) => {
    const items = list();
    const { container: fromItems } = render(<Coach items={items} profile={profile} />);
    const { container: fromFigures } = render(<Coach figures={listFigures(items, profile)} profile={profile} />);
    expect(fromFigures.textContent).toBe(fromItems.textContent);
    expect(fromFigures.innerHTML).toBe(fromItems.innerHTML);
    expect(fromFigures.textContent!.length).toBeGreaterThan(20);
  });

  test('figures win over items, and carry counts no row is given for', () => {
    // The digest: 42 programs counted, only a few rows at hand.
    const figures = listFigures(LIST_42, PROFILE);
    render(<Coach items={LIST_42.slice(0, 3)} figures={figures} profile={PROFILE} />);
    expect(screen.getByText('42 of 60–80')).toBeTruthy();
    expect(screen.getByText('≈ $690 for 42 programs, 2026 fees')).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('Reach 10 (24%), Realistic 25 (60%), Safety 7 (17%)');
  });

  test('hand-written figures: counts per tier and specialties drive the numbers', () => {
    render(
      <Coach
        figures={{ counts: { reach: 10, realistic: 30, safety: 10, ineligible: 5, unknown: 2 }, specialties: { 'internal-medicine': 40, 'family-medicine': 12 } }}
        profile={PROFILE}
      />,
    );
    // 52 counted (everything but Not eligible); fees from the specialties given: $630 + $132.
    expect(screen.getByText('52 of 60–80')).toBeTruthy();
    expect(screen.getByText('≈ $762 for 52 programs, 2026 fees')).toBeTruthy();
    expect(screen.getByText('ERAS charges per specialty: IM 40 → $630 · FM 12 → $132')).toBeTruthy();
  });
});

describe('Warnings', () => {
  test('one line each; a line with programs calls onShow with their ids', () => {
    const blocked = rows(4, 'ineligible', {}, [{ field: 'visa', message: 'Needs J-1; program: no J-1 sponsorship', evidence: null }]);
    const silent = rows(2, 'realistic', { signals: { ...LIST_42[0]!.program.signals, visaJ1: null } });
    const reach = rows(16, 'reach');
    const onShow = vi.fn();
    render(<Warnings items={[...blocked, ...silent, ...reach, ...rows(20, 'realistic'), ...rows(4, 'safety')]} profile={PROFILE} onShow={onShow} />);
    const list = screen.getByRole('list', { name: 'Worth a look' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '4 programs block you (visa)',
      '2 programs don’t state J-1 policy',
      'List leans on Reach (38%; aim for 15–25%)',
      'Few Safety programs (10%; aim for 15–25%)',
      '18 programs to go to reach 60–80',
    ]);
    fireEvent.click(screen.getByRole('button', { name: '4 programs block you (visa)' }));
    expect(onShow).toHaveBeenLastCalledWith(blocked.map((r) => r.program.id));
    fireEvent.click(screen.getByRole('button', { name: 'List leans on Reach (38%; aim for 15–25%)' }));
    expect(onShow).toHaveBeenLastCalledWith(reach.map((r) => r.program.id));
    // Nothing to filter to: plain text, not a button.
    expect(screen.queryByRole('button', { name: /to go to reach/ })).toBeNull();
  });

  test('nothing to say: nothing rendered', () => {
    const { container } = render(<Warnings items={[...rows(14, 'reach'), ...rows(40, 'realistic'), ...rows(14, 'safety')]} profile={PROFILE} onShow={() => {}} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('Freshness', () => {
  const NOW = new Date('2026-11-25T02:00:00Z');
  // The fixtures' facts were read from 1 Sep 2025: before the 2026–2027 season.
  const old = rows(1, 'realistic', { name: 'Riverside Internal Medicine' })[0]!;
  const fresh = (() => {
    const r = rows(1, 'realistic', { name: 'Lakeshore Internal Medicine' })[0]!;
    const sig = { ...J1_YES, evidence: { ...J1_YES.evidence, readAt: '2026-09-03T08:00:00Z' } };
    return { ...r, program: { ...r.program, signals: { ...r.program.signals, specialty: null, state: null, imgPercent: null, step2MinScore: null, visaJ1: sig } } };
  })();

  test('a stale row says when it was read and offers Re-check', () => {
    const onRecheck = vi.fn();
    render(<FreshnessLine program={old.program} now={NOW} onRecheck={onRecheck} />);
    expect(screen.getByText(/Read \d+ Sep 2025 · may be out of date/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Re-check Riverside Internal Medicine' }));
    expect(onRecheck).toHaveBeenCalledWith(old.program.id);
  });

  test('a current row: nothing by default, the date with showFresh, never a Re-check', () => {
    const { container, rerender } = render(<FreshnessLine program={fresh.program} now={NOW} onRecheck={() => {}} />);
    expect(container.innerHTML).toBe('');
    rerender(<FreshnessLine program={fresh.program} now={NOW} onRecheck={() => {}} showFresh />);
    expect(container.textContent).toBe('Read 3 Sep 2026');
    expect(screen.queryByRole('button')).toBeNull();
  });

  test('Re-check all (N) when N > 0, with the stale ids', () => {
    const onRecheckAll = vi.fn();
    const stale = rows(3, 'realistic');
    const { container, rerender } = render(<RecheckAll items={[...stale, fresh]} now={NOW} onRecheckAll={onRecheckAll} />);
    expect(container.textContent).toContain('3 programs have facts read before the 2026–2027 season began (1 Jun 2026)');
    fireEvent.click(screen.getByRole('button', { name: 'Re-check all (3)' }));
    expect(onRecheckAll).toHaveBeenCalledWith(stale.map((r) => r.program.id));
    rerender(<RecheckAll items={[fresh]} now={NOW} onRecheckAll={onRecheckAll} />);
    expect(container.innerHTML).toBe('');
  });
});
