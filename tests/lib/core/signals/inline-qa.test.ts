import { describe, expect, test } from 'vitest';
import { pageTextFromLines } from '../../../../lib/core/page-text';
import { extractSignals } from '../../../../lib/core/signals';
import { splitInlineAnswers } from '../../../../lib/core/signals/inline-qa';
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
