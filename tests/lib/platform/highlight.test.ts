// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { showQuote } from '../../../lib/platform/highlight';
import { readPageText } from '../../../lib/platform/page-text';

// "Show on page" with blocks that share one element: lines of one <p> split at <br> each keep the
// paragraph's locator; the quote is then found inside that element.

describe('showQuote on lines split at <br>', () => {
  test('each line is found in its shared paragraph, the second line too', () => {
    document.body.innerHTML = '<main><p>We sponsor J-1 visas through ECFMG.<br>We do not sponsor H-1B visas.</p></main>';
    const { blocks } = readPageText(document, 'https://www.example-hospital.org/gme/faq');
    expect(blocks.map((b) => b.text)).toEqual(['We sponsor J-1 visas through ECFMG.', 'We do not sponsor H-1B visas.']);
    expect(blocks[0]!.locator).toEqual(blocks[1]!.locator);
    expect(showQuote(document, blocks[1]!.text, blocks[1])).toBe(true);
    expect(document.getSelection()?.toString()).toBe('We do not sponsor H-1B visas.');
  });
});
