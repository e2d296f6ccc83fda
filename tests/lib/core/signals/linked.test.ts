import { describe, expect, test } from 'vitest';
import { pageTextFromLines } from '../../../../lib/core/page-text';
import { extractSignals } from '../../../../lib/core/signals/index';

// A page reached from a program page's own links (site reading) is read as one of that program's
// pages: the pre-check and the detector, which guard the open page, are not asked again — a short
// eligibility page often names neither residency nor a specialty in its URL, title or headings.

const page = pageTextFromLines(
  ['# Eligibility', 'Applicants must have a USMLE Step 2 CK score of 225 or higher.', 'We sponsor J-1 visas.'],
  'https://www.valley-general.org/apply/eligibility',
  'Eligibility | Valley General',
);

describe('extractSignals({ linked })', () => {
  test('on its own the page is not taken for a program page', () => {
    expect(extractSignals(page).isProgramPage).toBe(false);
    expect(extractSignals(page).step2MinScore).toBeNull();
  });

  test('linked from a program page, its rules are read', () => {
    const s = extractSignals(page, '2026-11-25T10:00:00.000Z', { linked: true });
    expect(s.step2MinScore).toMatchObject({ value: 225, evidence: { pageUrl: page.url, readAt: '2026-11-25T10:00:00.000Z' } });
    expect(s.visaJ1?.value).toBe('yes');
  });
});
