import { describe, expect, test } from 'vitest';
import { conflictRecords, mergeSignals } from '../../../../lib/core/list/merge';
import type { Signals } from '../../../../lib/core/schema/signals';
import { emptySignals } from '../../../../lib/core/signals/empty';
import { mergePages, siteView } from '../../../../lib/core/site/pages';

// Several pages of one program, merged field by field: a stated value beats silence, a rule is not
// replaced by a preference, and disagreements are kept side by side with the page each came from.

const HOME = 'https://www.valley-general.org/gme/internal-medicine/';
const FAQ = 'https://www.valley-general.org/gme/internal-medicine/faq';
const IMG = 'https://www.valley-general.org/gme/internal-medicine/img';

type Strength = 'required' | 'preferred';
const said = <T,>(value: T, pageUrl: string, strength: Strength = 'required', hedged = false) => ({
  value,
  strength,
  ...(hedged ? { hedged: true } : {}),
  evidence: { pageUrl, quote: `${String(value)} on ${pageUrl}`, blockIndex: 1 },
});
const page = (url: string, fields: Partial<Signals>): Signals => ({ ...emptySignals(true), ...fields });

describe('mergeSignals', () => {
  test('a stated value beats silence, whichever page states it', () => {
    const a = page(HOME, { visaJ1: said('yes', HOME) });
    const b = page(FAQ, { step2MinScore: said(220, FAQ) });
    for (const prefer of ['incoming', 'existing'] as const) {
      const m = mergeSignals(a, b, { prefer });
      expect(m.signals.visaJ1?.value).toBe('yes');
      expect(m.signals.step2MinScore?.value).toBe(220);
      expect(m.conflicts).toEqual([]);
      // Silence on the incoming side never erases a statement.
      expect(mergeSignals(b, emptySignals(true), { prefer }).signals.step2MinScore?.value).toBe(220);
    }
  });

  test('the same value from two pages is no conflict', () => {
    expect(mergeSignals(page(HOME, { visaJ1: said('yes', HOME) }), page(FAQ, { visaJ1: said('yes', FAQ) })).conflicts).toEqual([]);
  });

  test('two pages that disagree are kept side by side: the newer read by default, the earlier for site reading', () => {
    const a = page(FAQ, { visaH1b: said('no', FAQ) });
    const b = page(IMG, { visaH1b: said('conditional', IMG) });
    const newer = mergeSignals(a, b);
    expect(newer.signals.visaH1b?.value).toBe('conditional');
    expect(newer.conflicts).toEqual([{ field: 'visaH1b', kept: { value: 'conditional', pageUrl: IMG }, other: { value: 'no', pageUrl: FAQ } }]);
    const earlier = mergeSignals(a, b, { prefer: 'existing' });
    expect(earlier.signals.visaH1b?.value).toBe('no');
    expect(earlier.conflicts).toEqual([{ field: 'visaH1b', kept: { value: 'no', pageUrl: FAQ }, other: { value: 'conditional', pageUrl: IMG } }]);
    expect(conflictRecords(earlier.conflicts)).toEqual([
      { field: 'H-1B visa', values: [{ text: 'no', pageUrl: FAQ }, { text: 'conditional', pageUrl: IMG }] },
    ]);
  });

  test('a required value is not replaced by a preference about the same field', () => {
    const rule = page(FAQ, { step2MinScore: said(225, FAQ, 'required') });
    const wish = page(IMG, { step2MinScore: said(215, IMG, 'preferred') });
    for (const prefer of ['incoming', 'existing'] as const) {
      const m = mergeSignals(rule, wish, { prefer });
      expect(m.signals.step2MinScore).toMatchObject({ value: 225, strength: 'required' });
      expect(m.conflicts).toEqual([]);
    }
  });

  test('site reading: a later page\'s rule wins over an earlier page\'s preference, and the two are reported', () => {
    const wish = page(HOME, { step2MinScore: said(215, HOME, 'preferred') });
    const rule = page(FAQ, { step2MinScore: said(225, FAQ, 'required') });
    const m = mergeSignals(wish, rule, { prefer: 'existing' });
    expect(m.signals.step2MinScore).toMatchObject({ value: 225, strength: 'required' });
    expect(m.conflicts).toHaveLength(1);
  });

  test('the same page read twice is an update, not a conflict', () => {
    expect(mergeSignals(page(FAQ, { visaJ1: said('no', FAQ) }), page(FAQ, { visaJ1: said('yes', FAQ) })).conflicts).toEqual([]);
  });
});

describe('mergePages / siteView (one program read from several pages)', () => {
  const open = { url: HOME, title: 'Internal Medicine Residency | Valley General', signals: page(HOME, { specialty: said('internal-medicine', HOME) }) };
  const faq = { url: FAQ, title: 'FAQ | Internal Medicine Residency | Valley General', signals: page(FAQ, { visaJ1: said('yes', FAQ), visaH1b: said('no', FAQ) }) };
  const img = { url: IMG, title: 'Internal Medicine Residency – International Medical Graduates', signals: page(IMG, { step2MinScore: said(220, IMG), visaH1b: said('conditional', IMG) }) };

  test('facts from every page, the open page\'s first; conflicts named by page', () => {
    const view = siteView(open, [faq, img]);
    expect(view.signals.specialty?.value).toBe('internal-medicine');
    expect(view.signals.visaJ1?.evidence.pageUrl).toBe(FAQ);
    expect(view.signals.step2MinScore?.evidence.pageUrl).toBe(IMG);
    // The FAQ was read first (ranked first): its statement is used, the IMG page's shown beside it.
    expect(view.signals.visaH1b?.value).toBe('no');
    expect(view.conflicts).toEqual([{ field: 'H-1B visa', a: 'FAQ: no', b: 'International Medical Graduates: conditional' }]);
    expect(view.pages).toEqual([
      { url: FAQ, label: 'FAQ' },
      { url: IMG, label: 'International Medical Graduates' },
    ]);
  });

  test('a linked page of another specialty is another program: left out', () => {
    const surgery = { url: 'https://www.valley-general.org/gme/surgery/faq', title: 'Surgery FAQ', signals: page(FAQ, { specialty: said('general-surgery', FAQ), visaJ1: said('no', FAQ) }) };
    const m = mergePages(open, [surgery, faq]);
    expect(m.used.map((p) => p.url)).toEqual([HOME, FAQ]);
    expect(m.signals.visaJ1?.value).toBe('yes');
    expect(m.conflicts).toEqual([]);
  });

  test('the open page\'s statement beats a linked page\'s, and the disagreement is shown', () => {
    const home = { ...open, signals: page(HOME, { visaJ1: said('no', HOME) }) };
    const view = siteView(home, [faq]);
    expect(view.signals.visaJ1?.value).toBe('no');
    expect(view.conflicts).toEqual([{ field: 'J-1 visa', a: 'This page: no', b: 'FAQ: yes' }]);
  });
});
