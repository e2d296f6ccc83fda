// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { LinkControl, linkCandidates } from '../../../components/popup/LinkControl';
import { row } from './fake-actions';

// "Same program as…": closed it is one button per row (a long list of one specialty would
// otherwise draw every other program as an option under every row); opened, the candidates.

afterEach(cleanup);

const me = row(1, 'realistic', { name: 'Riverside Internal Medicine', state: 'NJ' });
const twinNJ = row(2, 'realistic', { name: 'Riverside Medical Center IM', state: 'NJ' });
const otherNY = row(3, 'reach', { name: 'Albany Internal Medicine', state: 'NY' });
const otherFL = row(4, 'safety', { name: 'Coastal Internal Medicine', state: 'FL' });

describe('LinkControl', () => {
  test('nothing to link with (only itself): nothing is drawn', () => {
    const { container } = render(<LinkControl item={me} others={[me]} onLink={vi.fn()} />);
    expect(container.innerHTML).toBe('');
  });

  test('closed, a row carries one button and no options, however long the list', () => {
    const many = Array.from({ length: 500 }, (_, i) => row(100 + i, 'reach', { name: `Program ${i}` }));
    const { container } = render(<LinkControl item={me} others={[me, ...many]} onLink={vi.fn()} />);
    expect(container.querySelectorAll('option')).toHaveLength(0);
    const button = screen.getByRole('button', { name: /same program as another saved entry/i });
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  test('opened: the candidates without itself, same state first then by name; the choice links the other entry into this one', async () => {
    const onLink = vi.fn(async () => {});
    render(<LinkControl item={me} others={[otherFL, me, otherNY, twinNJ]} onLink={onLink} />);
    fireEvent.click(screen.getByRole('button', { name: /same program as/i }));
    const select = screen.getByLabelText('Same program as') as HTMLSelectElement;
    await waitFor(() => expect(document.activeElement).toBe(select));
    expect([...select.options].map((o) => o.textContent)).toEqual([
      '— choose a saved program —',
      'Riverside Medical Center IM (NJ)',
      'Albany Internal Medicine (NY)',
      'Coastal Internal Medicine (FL)',
    ]);
    fireEvent.change(select, { target: { value: otherNY.program.id } });
    expect(onLink).toHaveBeenCalledWith(otherNY.program.id, me.program.id);
    // Closed again, focus back on its button.
    await waitFor(() => expect(screen.queryByLabelText('Same program as')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: /same program as/i })));
  });

  test('Cancel and Escape close it without linking', async () => {
    const onLink = vi.fn(async () => {});
    render(<LinkControl item={me} others={[twinNJ]} onLink={onLink} />);
    fireEvent.click(screen.getByRole('button', { name: /same program as/i }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByLabelText('Same program as')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /same program as/i }));
    fireEvent.keyDown(screen.getByLabelText('Same program as'), { key: 'Escape' });
    expect(screen.queryByLabelText('Same program as')).toBeNull();
    expect(onLink).not.toHaveBeenCalled();
  });

  test('a link that fails says why', async () => {
    render(<LinkControl item={me} others={[twinNJ]} onLink={() => Promise.reject(new Error('the two entries are different specialties'))} />);
    fireEvent.click(screen.getByRole('button', { name: /same program as/i }));
    fireEvent.change(screen.getByLabelText('Same program as'), { target: { value: twinNJ.program.id } });
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', ' Couldn’t link: the two entries are different specialties');
  });

  test('linkCandidates: same state first, then alphabetical; never the item itself', () => {
    expect(linkCandidates(me, [otherFL, otherNY, me, twinNJ]).map((o) => o.program.id)).toEqual([twinNJ, otherNY, otherFL].map((o) => o.program.id));
  });
});
