import { describe, expect, test } from 'vitest';
import { pageTextFromLines } from '../../../../lib/core/page-text';
import { extractSignals } from '../../../../lib/core/signals';
import { criteriaColumns, pairLabelItems, splitInlineAnswers } from '../../../../lib/core/signals/inline-qa';
import { toLabels } from '../../../../lib/core/signals/labels';

// "Q: … ? A: …" in one paragraph (split only by a <br>) answers its question like a FAQ pair.

const URL = 'https://www.example-hospital.org/gme/family-medicine/faq';
const TITLE = 'FAQ | Family Medicine Residency | Example Hospital';
const page = (lines: string[]) => pageTextFromLines(['# Frequently Asked Questions', 'We accept applications through ERAS only.', ...lines], URL, TITLE);

describe('splitInlineAnswers', () => {
  test('a paragraph "Q: …? A: …" becomes a question→answer pair in place', () => {
    const p = page(['Q: Does your program sponsor H1B visas? A: No.', 'Other text.']);
    const out = splitInlineAnswers(p);
    expect(out.blocks).toHaveLength(p.blocks.length);
    expect(out.blocks[2]).toMatchObject({ kind: 'qa', prompt: 'Does your program sponsor H1B visas?', text: 'No.', locator: p.blocks[2]!.locator });
    expect(out.blocks[3]).toBe(p.blocks[3]);
  });

  test('numbered and spelled-out forms; anything else is left alone (same object)', () => {
    expect(splitInlineAnswers(page(['Question 3: Is USCE required? Answer: Yes, two months.'])).blocks[2]).toMatchObject({ kind: 'qa', text: 'Yes, two months.' });
    const p = page(['Quality is our focus. Are you ready? Apply now.', 'Q: Who do I contact?']);
    expect(splitInlineAnswers(p)).toBe(p);
  });

  test('the bare answer is read with its question', () => {
    const l = toLabels(extractSignals(page(['Q: Does your program sponsor H1B visas? A: No.', 'Q: Do you sponsor J-1 visas? A: Yes, through ECFMG.'])));
    expect(l.visa).toEqual({ j1: 'yes', h1b: 'no' });
  });
});

describe('pairLabelItems', () => {
  const block = (text: string, locator: number[], kind: 'paragraph' | 'heading' = 'paragraph') => ({ kind, text, locator, chrome: false });
  const pageOf = (blocks: ReturnType<typeof block>[]) => ({ url: URL, title: TITLE, blocks });

  test('a short paragraph and the next one, alone together in their wrapper: a label and its value', () => {
    const p = pageOf([block('Selection criteria', [1, 2, 0], 'heading'), block('Clinical experience in the U.S.', [1, 3, 0]), block('Recommended, particularly in neurology.', [1, 3, 1]), block('Visa sponsorship', [1, 4, 0]), block('J-1 through ECFMG.', [1, 4, 1])]);
    const out = pairLabelItems(p).blocks;
    expect(out[2]).toMatchObject({ kind: 'label-value', prompt: 'Clinical experience in the U.S.', text: 'Recommended, particularly in neurology.', locator: [1, 3, 1] });
    expect(out[4]).toMatchObject({ kind: 'label-value', prompt: 'Visa sponsorship' });
    expect(out[1]).toBe(p.blocks[1]); // the label block stays where it was
    const l = toLabels(extractSignals(pairLabelItems({ ...p, blocks: [block('Internal Medicine Residency', [1, 0, 0], 'heading'), ...p.blocks] })));
    expect(l.usce).toBe('preferred');
  });

  test('not paired: a third sibling, a long first paragraph, a question, or different parents', () => {
    const three = pageOf([block('Our team', [2, 0]), block('Jane Doe, program director.', [2, 1]), block('John Roe, coordinator.', [2, 2])]);
    expect(pairLabelItems(three)).toBe(three);
    const long = pageOf([block('We are a community-based program in the heart of the city with many rotations.', [3, 0]), block('More text.', [3, 1])]);
    expect(pairLabelItems(long)).toBe(long);
    const asks = pageOf([block('Do you sponsor visas?', [4, 0]), block('Yes.', [4, 1])]);
    expect(pairLabelItems(asks)).toBe(asks);
    const apart = pageOf([block('Visa sponsorship', [5, 0]), block('J-1 only.', [6, 1])]);
    expect(pairLabelItems(apart)).toBe(apart);
  });
});

describe('criteriaColumns', () => {
  const row = (text: string, i: number) => ({ kind: 'table-row' as const, text, locator: [3, i], chrome: false });
  const table = (rows: string[]) => ({ url: URL, title: TITLE, blocks: [{ kind: 'heading' as const, text: 'Neurology Residency', level: 1, locator: [0], chrome: false }, ...rows.map(row)] });

  test('a Minimum | Preferred table: the label, the required cell, then the wish as its own clause', () => {
    const p = table(['Criterion | Minimum | Preferred', 'Exam attempts | No more than one failed attempt on any Step | All Steps passed on the first attempt', 'USMLE Step 2 CK | 210 | 230 or higher', 'US clinical experience | Not required | 3 months of hands-on US clinical experience', 'Letters | — | One from a neurologist']);
    const out = criteriaColumns(p).blocks;
    expect(out[1]).toBe(p.blocks[1]); // the header stays
    expect(out[2]).toMatchObject({ kind: 'label-value', prompt: 'Exam attempts', text: 'No more than one failed attempt on any Step; Preferred: All Steps passed on the first attempt', locator: [3, 1] });
    expect(out[5]).toMatchObject({ kind: 'label-value', prompt: 'Letters', text: 'Preferred: One from a neurologist' });
    expect(out).toHaveLength(p.blocks.length);
    const l = toLabels(extractSignals(p));
    expect([l.firstAttemptOnly, l.step2MinScore, l.usce, l.usceMinMonths]).toEqual([false, 210, 'preferred', 3]);
  });

  test('left alone: two columns, no Preferred column, or rows of another width', () => {
    const two = table(['Criterion | Minimum', 'USMLE Step 2 CK | 220']);
    expect(criteriaColumns(two)).toBe(two);
    const tracks = table(['Requirement | Categorical | Preliminary', 'USMLE Step 2 CK | 225 | 225']);
    expect(criteriaColumns(tracks)).toBe(tracks);
    const ragged = table(['Criterion | Minimum | Preferred', 'Step 2 CK | 220']);
    expect(criteriaColumns(ragged)).toBe(ragged);
  });
});

describe('criteriaColumns with a statistics column', () => {
  test('"Examination | Minimum required for interview | Mean of current PGY-1 class": the minimum only', () => {
    const row = (text: string, i: number) => ({ kind: 'table-row' as const, text, locator: [3, i], chrome: false });
    const p = { url: URL, title: TITLE, blocks: [row('Examination | Minimum required for interview | Mean of current PGY-1 class', 0), row('USMLE Step 1 | Pass (205 if a numeric score was reported) | Pass', 1), row('USMLE Step 2 CK | 220 | 243', 2)] };
    const out = criteriaColumns(p).blocks;
    expect(out[2]).toMatchObject({ kind: 'label-value', prompt: 'USMLE Step 2 CK', text: '220' });
    const l = toLabels(extractSignals({ ...p, blocks: [{ kind: 'heading' as const, text: 'Pediatrics Residency', level: 1, locator: [0], chrome: false }, ...p.blocks] }));
    expect([l.step1MinScore, l.step2MinScore]).toEqual([205, 220]);
  });
});
