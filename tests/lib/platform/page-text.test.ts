// @vitest-environment happy-dom
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Block, PageText } from '../../../lib/core/page-text';
import { readPageText, readPrecheckInput, resolveLocator } from '../../../lib/platform/page-text';

// The reader is the only place that sees the host page's DOM: everything downstream trusts its
// blocks. Fixtures are small hand-written pages in the shapes real program sites use (accordions
// hidden with display:none, <details>, FREIDA's label/value tables, footers holding the address).

const PAGE_URL = 'https://www.example-hospital.org/gme/internal-medicine/faq';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function page(body: string, head = '<title>Residency FAQ</title>'): { doc: Document; text: PageText } {
  const doc = parse(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
  return { doc, text: readPageText(doc, PAGE_URL) };
}

const blocksOf = (body: string): Block[] => page(body).text.blocks;

/** "kind: text", "qa: prompt => answer", "label-value: label => value" — one line per block. */
function lines(blocks: Block[]): string[] {
  return blocks.map((b) => (b.prompt !== undefined ? `${b.kind}: ${b.prompt} => ${b.text}` : `${b.kind}: ${b.text}`));
}

const qaPairs = (blocks: Block[]) => blocks.filter((b) => b.kind === 'qa').map((b) => [b.prompt, b.text]);

describe('question → answer pairing', () => {
  test.each([
    [
      'summary/details',
      '<details><summary>Do you sponsor H-1B visas?</summary><p>No</p></details>',
      [['Do you sponsor H-1B visas?', 'No']],
    ],
    [
      'dt/dd',
      '<dl><dt>Do you accept IMGs?</dt><dd>Yes, with ECFMG certification.</dd><dt>Visa sponsorship</dt><dd>J-1 only</dd></dl>',
      [
        ['Do you accept IMGs?', 'Yes, with ECFMG certification.'],
        ['Visa sponsorship', 'J-1 only'],
      ],
    ],
    [
      'heading question, paragraph answer',
      '<h4>Is U.S. clinical experience required?</h4><p>Yes</p>',
      [['Is U.S. clinical experience required?', 'Yes']],
    ],
    [
      'heading question answered over two paragraphs',
      '<h3>Do you sponsor the H-1 visa?</h3><p>Yes, for transfers.</p><p>J-1 visas are offered too.</p><h3>Next</h3><p>Unrelated.</p>',
      [
        ['Do you sponsor the H-1 visa?', 'Yes, for transfers.'],
        ['Do you sponsor the H-1 visa?', 'J-1 visas are offered too.'],
      ],
    ],
    [
      'accordion header div with a display:none answer',
      '<div class="item"><div class="accordion-header" role="button">Is U.S. clinical experience required?</div>' +
        '<div class="accordion-body" style="display:none"><p>No.</p></div></div>',
      [['Is U.S. clinical experience required?', 'No.']],
    ],
    [
      'toggle button with a hidden panel',
      '<div class="faq-block"><button aria-expanded="false">Does the program sponsor visas?</button>' +
        '<div class="faq-panel" hidden><p>No type of visa is sponsored.</p></div></div>',
      [['Does the program sponsor visas?', 'No type of visa is sponsored.']],
    ],
    [
      'bold question leading its own paragraph',
      '<p><strong>Do you sponsor visas?</strong> Yes, J-1.</p>',
      [['Do you sponsor visas?', 'Yes, J-1.']],
    ],
    [
      'Q. / A. paragraphs',
      '<p class="q"><strong>Q.</strong> Is a research year mandatory?</p><p class="a"><strong>A.</strong> No, but research is expected.</p>',
      [['Is a research year mandatory?', 'No, but research is expected.']],
    ],
    [
      'Q: / A: paragraphs without a question mark',
      '<p>Q: Tell us about the visa policy</p><p>A: We sponsor J-1 visas only.</p>',
      [['Tell us about the visa policy', 'We sponsor J-1 visas only.']],
    ],
    [
      'numbered question heading',
      '<h3>4. What are the minimum USMLE scores you require?</h3><p>220 on Step 2 CK.</p>',
      [['What are the minimum USMLE scores you require?', '220 on Step 2 CK.']],
    ],
    [
      'numbered question paragraph',
      '<p>7. Is there a graduation cutoff?</p><p>Five years.</p>',
      [['Is there a graduation cutoff?', 'Five years.']],
    ],
    [
      'list item question answered inside the item',
      '<ul><li>Do you accept COMLEX?<p>Yes.</p></li><li>Unrelated item</li></ul>',
      [['Do you accept COMLEX?', 'Yes.']],
    ],
  ])('%s', (_name, body, expected) => {
    expect(qaPairs(blocksOf(body))).toEqual(expected);
  });

  test('the question stays a block of its own, right before its answers', () => {
    expect(lines(blocksOf('<h4>Do you sponsor J-1 visas?</h4><p>Yes</p>'))).toEqual([
      'heading: Do you sponsor J-1 visas?',
      'qa: Do you sponsor J-1 visas? => Yes',
    ]);
    expect(lines(blocksOf('<details><summary>Do you sponsor J-1 visas?</summary><p>Yes</p></details>'))).toEqual([
      'paragraph: Do you sponsor J-1 visas?',
      'qa: Do you sponsor J-1 visas? => Yes',
    ]);
  });

  test.each([
    ['question followed by a question', '<h3>Is there a cutoff?</h3><h3>Do you sponsor visas?</h3><p>No.</p>', [['Do you sponsor visas?', 'No.']]],
    ['empty details body', '<details><summary>Is there a cutoff?</summary></details><p>Unrelated paragraph.</p>', []],
    ['empty accordion panel', '<div><div>Is there a cutoff?</div><div style="display:none"></div></div><div><div>Do you sponsor visas?</div><div><p>No.</p></div></div>', [['Do you sponsor visas?', 'No.']]],
  ])('an empty answer makes no pair: %s', (_name, body, expected) => {
    expect(qaPairs(blocksOf(body))).toEqual(expected);
  });

  test.each([
    ['a plain heading', '<h3>Do you sponsor visas?</h3><p>Yes.</p><h3>Contact</h3><p>Call us.</p>'],
    ['site chrome', '<main><h3>Do you sponsor visas?</h3><p>Yes.</p></main><footer><p>1 Main St, Albany, NY</p></footer>'],
    ['a structural pair', '<h3>Do you sponsor visas?</h3><p>Yes.</p><details><summary>Other?</summary><p>No.</p></details><p>After.</p>'],
  ])('an answer ends at %s', (_name, body) => {
    const pairs = qaPairs(blocksOf(body)).filter(([p]) => p === 'Do you sponsor visas?');
    expect(pairs).toEqual([['Do you sponsor visas?', 'Yes.']]);
  });

  test('a bold label leading a paragraph or item becomes a label-value pair', () => {
    expect(lines(blocksOf('<ul><li><strong>Visa sponsorship:</strong> No</li></ul><p><b>Note:</b> see below</p><p><b>Q:</b> Why?</p>'))).toEqual([
      'label-value: Visa sponsorship => No',
      'label-value: Note => see below',
      'paragraph: Q: Why?',
    ]);
  });

  test('"A." starts a lettered item, not an answer, outside a Q./A. pair', () => {
    expect(lines(blocksOf('<h3>What do you require?</h3><p>A. ECFMG certification</p>'))).toEqual([
      'heading: What do you require?',
      'qa: What do you require? => A. ECFMG certification',
    ]);
  });
});

describe('what is read and what is dropped', () => {
  test.each([
    ['display:none', '<div style="display:none"><p>Hidden answer</p></div>'],
    ['the hidden attribute', '<div hidden><p>Hidden answer</p></div>'],
    ['a closed <details>', '<details><summary>Title</summary><p>Hidden answer</p></details>'],
    ['visibility:hidden', '<p style="visibility:hidden">Hidden answer</p>'],
    ['aria-hidden', '<p aria-hidden="true">Hidden answer</p>'],
  ])('hidden content is read: %s', (_name, body) => {
    expect(blocksOf(body).map((b) => b.text)).toContain('Hidden answer');
  });

  test.each([
    ['script', '<script>var visa = "H-1B sponsored";</script>'],
    ['style', '<style>.visa::after { content: "H-1B sponsored" }</style>'],
    ['template', '<template><p>H-1B sponsored</p></template>'],
    ['noscript', '<noscript><p>H-1B sponsored</p></noscript>'],
    ['svg', '<svg><text>H-1B sponsored</text><title>H-1B sponsored</title></svg>'],
    ['select options', '<select><option>H-1B sponsored</option><option>New York</option></select>'],
    ['canvas fallback', '<canvas>H-1B sponsored</canvas>'],
  ])('%s is dropped', (_name, markup) => {
    const blocks = blocksOf(`<p>Before</p>${markup}<p>After</p>`);
    expect(lines(blocks)).toEqual(['paragraph: Before', 'paragraph: After']);
  });

  test('head content never becomes a block', () => {
    const { text } = page('<p>Body text</p>', '<title>T</title><style>p{}</style><script>1</script><meta name="description" content="D">');
    expect(lines(text.blocks)).toEqual(['paragraph: Body text']);
  });

  test('text inside a dropped element between two texts does not glue them', () => {
    expect(blocksOf('<p>We sponsor<script>x</script> J-1 visas.</p>')[0]?.text).toBe('We sponsor J-1 visas.');
  });
});

describe('blocks', () => {
  test('block kinds and heading levels', () => {
    const blocks = blocksOf(
      '<h1>Program</h1><h2>Eligibility</h2><p>Paragraph one.</p><ul><li>Item one</li><li>Item two</li></ul>' +
        '<section><article><blockquote>Quote.</blockquote></article></section><h6>Small heading</h6>',
    );
    expect(lines(blocks)).toEqual([
      'heading: Program',
      'heading: Eligibility',
      'paragraph: Paragraph one.',
      'list-item: Item one',
      'list-item: Item two',
      'paragraph: Quote.',
      'heading: Small heading',
    ]);
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.level)).toEqual([1, 2, 6]);
    expect(blocks.filter((b) => b.kind !== 'heading').every((b) => b.level === undefined)).toBe(true);
  });

  test('inline elements do not start blocks', () => {
    expect(lines(blocksOf('<p>We <a href="#">sponsor</a> <strong>J-1</strong> <em>visas</em> only<sup>1</sup> <small>(ECFMG)</small>.</p>'))).toEqual([
      'paragraph: We sponsor J-1 visas only1 (ECFMG).',
    ]);
  });

  test('text directly inside a div with block children becomes its own paragraphs, in order', () => {
    expect(lines(blocksOf('<div>Intro text <b>bold</b><p>Inner paragraph</p>Trailing text</div>'))).toEqual([
      'paragraph: Intro text bold',
      'paragraph: Inner paragraph',
      'paragraph: Trailing text',
    ]);
  });

  test('a nested list splits its parent item before the sub-items', () => {
    expect(lines(blocksOf('<ol><li>To apply you must submit:<ul><li>MSPE</li><li>Transcript</li></ul></li></ol>'))).toEqual([
      'list-item: To apply you must submit:',
      'list-item: MSPE',
      'list-item: Transcript',
    ]);
  });

  test("FREIDA's <small> header lines each become a paragraph", () => {
    const blocks = blocksOf(
      '<div class="program-header"><h1>Hudson Harbor Program</h1><small>ID: 1403531877</small><small>Yonkers, NY</small><small>Sponsor: Hudson Harbor</small></div>',
    );
    expect(lines(blocks)).toEqual([
      'heading: Hudson Harbor Program',
      'paragraph: ID: 1403531877',
      'paragraph: Yonkers, NY',
      'paragraph: Sponsor: Hudson Harbor',
    ]);
  });

  test('a FREIDA contact <small> with <br> lines stays one block with spaces', () => {
    expect(lines(blocksOf('<section><small>Priya Raman, MD<br>1 Harbor Plaza, Yonkers, NY 10701<br>(914) 555-0141</small></section>'))).toEqual([
      'paragraph: Priya Raman, MD 1 Harbor Plaza, Yonkers, NY 10701 (914) 555-0141',
    ]);
  });

  test('custom elements (Angular components) are block containers', () => {
    expect(lines(blocksOf('<app-field><app-label>Minimum score</app-label><app-value>220</app-value></app-field>'))).toEqual([
      'paragraph: Minimum score',
      'paragraph: 220',
    ]);
  });

  test('ngState, title, description and url', () => {
    const { text } = page(
      '<p>Body</p><script id="ng-state" type="application/json">{"a": {"b": 1}}</script>',
      '<title>\n  Hudson Harbor   Program | FREIDA </title><meta name="Description" content="  A  program ">',
    );
    expect(text.url).toBe(PAGE_URL);
    expect(text.title).toBe('Hudson Harbor Program | FREIDA');
    expect(text.description).toBe('A program');
    expect(text.ngState).toBe('{"a": {"b": 1}}');
    expect(lines(text.blocks)).toEqual(['paragraph: Body']);
  });

  test('url defaults to the document location, description and ngState stay absent when missing', () => {
    const doc = parse('<html><head><title>T</title></head><body><p>x</p></body></html>');
    const text = readPageText(doc);
    expect(text.url).toBe(doc.location?.href ?? '');
    expect(text).not.toHaveProperty('description');
    expect(text).not.toHaveProperty('ngState');
  });
});

describe('tables', () => {
  const freida =
    '<section><h3>Visa Sponsorship</h3><table>' +
    '<tr><td class="label">J-1 visa sponsorship through ECFMG</td><td class="value">Yes</td></tr>' +
    '<tr><td class="label">H-1B visa</td><td class="value">No</td></tr></table></section>';

  test('two-cell rows with a short first cell are label-value pairs (FREIDA)', () => {
    expect(lines(blocksOf(freida))).toEqual([
      'heading: Visa Sponsorship',
      'label-value: J-1 visa sponsorship through ECFMG => Yes',
      'label-value: H-1B visa => No',
    ]);
  });

  test.each([
    ['a header row of th cells', '<tr><th>Eligibility</th><th>Requirement</th></tr>', 'table-row: Eligibility | Requirement'],
    ['th label with td value', '<tr><th scope="row">Visa</th><td>J-1</td></tr>', 'label-value: Visa => J-1'],
    ['three cells', '<tr><td>Internal Medicine</td><td>220</td><td>Pass</td></tr>', 'table-row: Internal Medicine | 220 | Pass'],
    ['a long first cell', `<tr><td>${'Long label '.repeat(10)}</td><td>Yes</td></tr>`, `table-row: ${'Long label '.repeat(10).trim()} | Yes`],
    ['an empty second cell', '<tr><td>Minimum score</td><td> </td></tr>', 'table-row: Minimum score'],
    ['cells holding paragraphs', '<tr><td><p>H-1B visa</p></td><td><p>No.</p><p>Not sponsored.</p></td></tr>', 'label-value: H-1B visa => No. Not sponsored.'],
    ['a bold label inside a cell with a paragraph', '<tr><td><b>Visa:</b> J-1<p>Also H-1B.</p></td></tr>', 'table-row: Visa: J-1 Also H-1B.'],
    ['cells with inline markup and line breaks', '<tr><td><b>Step&nbsp;2</b> CK</td><td>220<br>first attempt</td></tr>', 'label-value: Step 2 CK => 220 first attempt'],
  ])('%s', (_name, row, expected) => {
    expect(lines(blocksOf(`<table>${row}</table>`))).toEqual([expected]);
  });

  test('adjacent cells never glue together', () => {
    const text = blocksOf('<table><tr><th>Eligibility</th><th>Requirement</th><th>Notes</th></tr></table>')[0]?.text;
    expect(text).toBe('Eligibility | Requirement | Notes');
  });

  test('a page laid out in a table keeps its headings, paragraphs and lists as blocks', () => {
    const blocks = blocksOf(
      '<table><tr><td colspan="2"><b>Department of Psychiatry</b></td></tr>' +
        '<tr><td class="nav"><a href="/">Home</a><br><a href="/apply">Apply</a></td>' +
        '<td><h2>Eligibility</h2><p>We accept IMGs.</p><ul><li>ECFMG certificate</li></ul></td></tr>' +
        '<tr><td colspan="2">1276 Fulton Avenue, Bronx, NY 10456</td></tr></table>',
    );
    expect(lines(blocks)).toEqual([
      'table-row: Department of Psychiatry',
      'table-row: Home Apply',
      'heading: Eligibility',
      'paragraph: We accept IMGs.',
      'list-item: ECFMG certificate',
      'table-row: 1276 Fulton Avenue, Bronx, NY 10456',
    ]);
  });

  test('a nested table inside a cell keeps its own rows', () => {
    const blocks = blocksOf('<table><tr><td>Outer</td><td><table><tr><td>H-1B</td><td>No</td></tr></table></td></tr></table>');
    expect(lines(blocks)).toEqual(['table-row: Outer', 'label-value: H-1B => No']);
  });
});

describe('chrome', () => {
  const body =
    '<a class="skip-link" href="#main">Skip to main content</a>' +
    '<header><div class="brand">Example Hospital</div></header>' +
    '<nav><ul><li>Home</li><li>Residency</li></ul></nav>' +
    '<div role="navigation">Breadcrumb trail</div>' +
    '<div role="banner">Banner text</div>' +
    '<main id="main"><article><header><h1>Internal Medicine Residency</h1></header><p>We sponsor J-1 visas.</p><footer>Posted 2024</footer></article></main>' +
    '<aside><h4>News</h4><p>New clinic opens.</p></aside>' +
    '<footer><p>1 Harbor Plaza, Yonkers, NY 10701</p></footer>' +
    '<div role="contentinfo">Contact info</div>' +
    '<div id="cookie-consent"><p>This site uses cookies.</p></div>' +
    '<div class="gdpr-notice"><span>We value your privacy.</span></div>' +
    '<section class="consent-banner"><p>Accept all</p></section>';

  test('site chrome is tagged, not dropped; content is not chrome', () => {
    const blocks = blocksOf(body);
    const chrome = (t: string) => blocks.find((b) => b.text === t)?.chrome;
    for (const t of [
      'Skip to main content',
      'Example Hospital',
      'Home',
      'Residency',
      'Breadcrumb trail',
      'Banner text',
      'News',
      'New clinic opens.',
      '1 Harbor Plaza, Yonkers, NY 10701',
      'Contact info',
      'This site uses cookies.',
      'We value your privacy.',
      'Accept all',
    ]) {
      expect(chrome(t), t).toBe(true);
    }
    for (const t of ['Internal Medicine Residency', 'We sponsor J-1 visas.', 'Posted 2024']) expect(chrome(t), t).toBe(false);
  });

  test('the footer address is still read', () => {
    expect(blocksOf(body).some((b) => b.text.includes('Yonkers, NY'))).toBe(true);
  });
});

describe('sections', () => {
  test('every block carries the nearest heading above it', () => {
    const blocks = blocksOf(
      '<p>Before any heading.</p><h2>Visa Sponsorship</h2><p>We sponsor J-1.</p><table><tr><td>H-1B</td><td>No</td></tr></table>' +
        '<div><div><h3>USMLE</h3></div></div><ul><li>220+</li></ul>',
    );
    expect(blocks.map((b) => [b.text, b.section])).toEqual([
      ['Before any heading.', undefined],
      ['Visa Sponsorship', undefined],
      ['We sponsor J-1.', 'Visa Sponsorship'],
      ['No', 'Visa Sponsorship'],
      ['USMLE', 'Visa Sponsorship'],
      ['220+', 'USMLE'],
    ]);
  });
});

describe('whitespace', () => {
  test.each([
    ['runs collapse and ends trim', '<p>\n   We   sponsor\n\tJ-1\u00a0\u00a0visas.  </p>', 'We sponsor J-1 visas.'],
    ['<br> becomes a space', '<p>1 Main Street<br>Albany, NY 12208</p>', '1 Main Street Albany, NY 12208'],
    ['a word split by inline markup stays whole', '<p>J-<b>1</b> visa</p>', 'J-1 visa'],
    ['adjacent inline elements without whitespace stay apart', '<div><span>Minimum score</span><span>220</span></div>', 'Minimum score 220'],
    ['unicode spaces', '<p>Step\u20022\u3000CK</p>', 'Step 2 CK'],
  ])('%s', (_name, body, expected) => {
    expect(blocksOf(body).map((b) => b.text)).toEqual([expected]);
  });

  test('whitespace-only elements make no block', () => {
    expect(blocksOf('<p>   </p><div>\n\n</div><li>&nbsp;</li><p>Text</p>').map((b) => b.text)).toEqual(['Text']);
  });

  test('block boundaries always separate words', () => {
    const blocks = blocksOf('<div><div>Eligibility</div><div>Requirement</div></div><p>One</p><p>Two</p>');
    expect(blocks.map((b) => b.text)).toEqual(['Eligibility', 'Requirement', 'One', 'Two']);
  });
});

describe('locators', () => {
  test('resolveLocator inverts the locators the reader produces', () => {
    const { doc, text } = page(
      '<header><nav><a>Home</a></nav></header><main><div><h2>FAQ</h2><details><summary>Do you sponsor visas?</summary><p>Yes</p></details>' +
        '<table><tr><td>H-1B</td><td>No</td></tr></table><ul><li>One</li></ul></div></main>',
    );
    const tags = text.blocks.map((b) => resolveLocator(doc, b.locator)?.localName);
    expect(tags).toEqual(['nav', 'h2', 'summary', 'p', 'tr', 'li']);
    for (const b of text.blocks) {
      const el = resolveLocator(doc, b.locator)!;
      expect(el.textContent!.replace(/\s+/g, ' ')).toContain(b.text);
    }
  });

  test('comments and skipped elements still count as siblings where they are elements', () => {
    const { doc, text } = page('<!-- note --><script>x</script><style>y</style><p>First</p><!-- c --><template></template><p>Second</p>');
    expect(text.blocks.map((b) => resolveLocator(doc, b.locator)?.textContent)).toEqual(['First', 'Second']);
  });

  test('[] is <html>; an index past the end resolves to null', () => {
    const doc = parse('<html><body><p>x</p></body></html>');
    expect(resolveLocator(doc, [])).toBe(doc.documentElement);
    expect(resolveLocator(doc, [1, 0])?.localName).toBe('p');
    expect(resolveLocator(doc, [1, 5])).toBeNull();
    expect(resolveLocator(doc, [1, 0, 0, 0])).toBeNull();
  });
});

describe('pre-check input', () => {
  test('title plus h1 and h2 text only', () => {
    const doc = parse(
      '<html><head><title> Internal Medicine | Example </title></head><body><h1>Residency <em>Program</em></h1>' +
        '<h2>FAQ</h2><h3>Not read</h3><p>Body text is not read.</p><h2> </h2></body></html>',
    );
    expect(readPrecheckInput(doc, PAGE_URL)).toEqual({ url: PAGE_URL, title: 'Internal Medicine | Example', headings: ['Residency Program', 'FAQ'] });
  });

  test('at most 20 headings of at most 200 characters', () => {
    const doc = parse(`<html><body>${`<h2>${'Long heading '.repeat(40)}</h2>`.repeat(30)}</body></html>`);
    const { headings } = readPrecheckInput(doc, PAGE_URL);
    expect(headings).toHaveLength(20);
    expect(headings.every((h) => h.length <= 200)).toBe(true);
  });
});

describe('robustness', () => {
  const everyBlockIsSane = (doc: Document, text: PageText) => {
    for (const b of text.blocks) {
      expect(b.text.length).toBeGreaterThan(0);
      expect(b.text.length).toBeLessThanOrEqual(5000);
      expect(b.text).toBe(b.text.trim());
      expect(resolveLocator(doc, b.locator)).toBeInstanceOf(Element);
    }
  };

  test('an empty document', () => {
    const doc = document.implementation.createHTMLDocument('');
    expect(readPageText(doc, PAGE_URL)).toEqual({ url: PAGE_URL, title: '', blocks: [] });
    expect(readPrecheckInput(doc, PAGE_URL)).toEqual({ url: PAGE_URL, title: '', headings: [] });
  });

  test('a document without any element', () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.removeChild(doc.documentElement);
    expect(readPageText(doc, PAGE_URL)).toEqual({ url: PAGE_URL, title: '', blocks: [] });
    expect(readPrecheckInput(doc, PAGE_URL).headings).toEqual([]);
  });

  test('garbage bytes as the body', () => {
    let x = 0x2545f491;
    let s = '';
    for (let i = 0; i < 20_000; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      s += String.fromCharCode(x & 0xff);
    }
    const doc = parse(s);
    const text = readPageText(doc, PAGE_URL);
    expect(text.blocks.length).toBeGreaterThan(0);
    everyBlockIsSane(doc, text);
  });

  test('10,000-deep nesting does not overflow the stack', () => {
    const doc = document.implementation.createHTMLDocument('Deep');
    let el: Element = doc.body;
    for (let i = 0; i < 10_000; i++) {
      const div = doc.createElement('div');
      if (i % 1000 === 0) div.append(`level ${i}`);
      el.append(div);
      el = div;
    }
    const leaf = doc.createTextNode('We sponsor J-1 visas.');
    el.append(leaf);
    const text = readPageText(doc, PAGE_URL);
    expect(text.blocks.map((b) => b.text)).toEqual([...Array.from({ length: 10 }, (_, i) => `level ${i * 1000}`), 'We sponsor J-1 visas.']);
    everyBlockIsSane(doc, text);
    // Deep blocks point at an ancestor that still holds their text (walked up by hand: happy-dom's
    // textContent and contains() recurse).
    const deepest = resolveLocator(doc, text.blocks.at(-1)!.locator)!;
    let up: Node | null = leaf;
    while (up && up !== deepest) up = up.parentNode;
    expect(up).toBe(deepest);
    expect(() => readPrecheckInput(doc, PAGE_URL)).not.toThrow();
  });

  test('100,000 sibling nodes', () => {
    // Mostly text nodes (cheap to build in happy-dom), with an element every 1,000 siblings.
    const doc = document.implementation.createHTMLDocument('Wide');
    for (let i = 0; i < 100_000; i++) {
      doc.body.appendChild(i % 1000 === 999 ? doc.createElement('br') : doc.createTextNode(`item ${i} `));
    }
    const text = readPageText(doc, PAGE_URL);
    everyBlockIsSane(doc, text);
    const joined = text.blocks.map((b) => b.text).join(' ');
    expect(joined.startsWith('item 0 item 1 item 2')).toBe(true);
    expect(joined.endsWith('item 99997 item 99998')).toBe(true);
    expect(joined.split(' ').length).toBe(2 * 99_900);
  }, 20_000);

  test('a ~10 MB text page is read in blocks of at most 5,000 characters, losing nothing', () => {
    const doc = document.implementation.createHTMLDocument('Big');
    const sentence = 'Residents rotate through wards and clinics; we sponsor J-1 visas. ';
    const big = sentence.repeat(Math.ceil((10 * 1024 * 1024) / sentence.length));
    doc.body.appendChild(doc.createTextNode(big));
    const text = readPageText(doc, PAGE_URL);
    expect(text.blocks.length).toBeGreaterThan(2000);
    expect(text.blocks.every((b) => b.text.length > 0 && b.text.length <= 5000)).toBe(true);
    expect(text.blocks.reduce((n, b) => n + b.text.length + 1, 0)).toBe(big.length);
  }, 20_000);

  test('at most 20,000 blocks', () => {
    const doc = document.implementation.createHTMLDocument('Many');
    const frag = doc.createElement('div');
    for (let i = 0; i < 20_050; i++) {
      const p = doc.createElement('p');
      p.textContent = `p${i}`;
      frag.appendChild(p);
    }
    doc.body.appendChild(frag);
    const text = readPageText(doc, PAGE_URL);
    expect(text.blocks).toHaveLength(20_000);
    expect(text.blocks.at(-1)?.text).toBe('p19999');
  }, 20_000);

  test('a DOM that throws mid-read still returns what was read', () => {
    const doc = parse('<html><head><title>T</title></head><body><p>First</p><p>Second</p></body></html>');
    const real = doc.createTreeWalker.bind(doc);
    let calls = 0;
    doc.createTreeWalker = ((root: Node, show?: number) => {
      const walker = real(root, show);
      const next = walker.nextNode.bind(walker);
      walker.nextNode = () => {
        if (++calls > 4) throw new Error('detached');
        return next();
      };
      return walker;
    }) as Document['createTreeWalker'];
    const text = readPageText(doc, PAGE_URL);
    expect(text.title).toBe('T');
    expect(text.blocks.map((b) => b.text)).toEqual(['First']);
  });

  test('random small HTML never throws; every block has text and a locator to an element', () => {
    const tags = ['p', 'div', 'li', 'h2', 'details', 'summary', 'table', 'tr', 'td', 'script', 'b'] as const;
    const words = fc.constantFrom('Yes', 'No', 'Do you sponsor visas?', 'Q. Is it?', 'A. Yes', '4. What?', 'Visa:', ' ', '', '\n', '&nbsp;', '<', '&');
    const text = fc.oneof(words, fc.string({ maxLength: 8 }));
    const { node } = fc.letrec<{ node: string; element: string }>((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('element')),
      element: fc
        .record({ tag: fc.constantFrom(...tags), kids: fc.array(tie('node'), { maxLength: 4 }) })
        .map(({ tag, kids }) => `<${tag}>${kids.join('')}</${tag}>`),
    }));
    fc.assert(
      fc.property(fc.array(node, { maxLength: 6 }), (parts) => {
        const doc = parse(`<html><body>${parts.join('')}</body></html>`);
        const page = readPageText(doc, PAGE_URL);
        for (const b of page.blocks) {
          if (b.text.trim() === '' || b.text !== b.text.trim()) return false;
          if (!(resolveLocator(doc, b.locator) instanceof Element)) return false;
          if ((b.kind === 'qa' || b.kind === 'label-value') && !b.prompt) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

// The labelled dev corpus beside the project (../shared/corpus/dev): real page shapes, read here for
// structure only (accuracy is pinned in tests/corpus.test.ts).
const DEV = resolve(__dirname, '../../../../shared/corpus/dev');

describe.skipIf(!existsSync(DEV))('dev corpus pages', () => {
  const read = (file: string) => {
    // Stylesheet links only make the test DOM try (and loudly fail) to fetch them.
    const doc = parse(readFileSync(join(DEV, file), 'utf8').replace(/<link\b[^>]*>/gi, ''));
    return { doc, text: readPageText(doc, `https://example.org/${file}`) };
  };
  const has = (file: string, line: string) => expect(lines(read(file).text.blocks)).toContain(line);

  test('every page reads into clean blocks whose locators resolve', () => {
    const files = readdirSync(DEV).filter((f) => f.endsWith('.html'));
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const { doc, text } = read(file);
      expect(text.title, file).not.toBe('');
      expect(text.blocks.length, file).toBeGreaterThan(5);
      for (const b of text.blocks) {
        expect(b.text, file).toBe(b.text.replace(/\s+/g, ' ').trim());
        expect(b.text, file).not.toBe('');
        expect(resolveLocator(doc, b.locator), `${file}: ${b.text}`).toBeInstanceOf(Element);
      }
    }
  });

  test.each([
    ['path-ny-prospective-applicants.html', 'qa: Am I required to pass USMLE Steps 1 and 2 on my 1st attempt? => Yes'],
    ['im-community-pa-faq.html', 'qa: Is U.S. clinical experience required? => Yes, U.S. clinical experience is required. Ideally you will have at least eight weeks of it.'],
    ['im-ny-no-visa-faq.html', 'qa: Is the program accredited? => Yes. The ACGME has fully accredited the Internal Medicine Residency without citations, and the hospital is accredited by The Joint Commission.'],
    ['gs-pa-faq.html', 'qa: What type of visa do you sponsor? => Only the J-1 Visa. (H1 Visas are not sponsored.)'],
    ['peds-md-faq.html', 'qa: Which visa does the program accept for International Medical Graduates? => Only J-1 visas are sponsored by the program.'],
    ['im-university-in-faq.html', 'qa: Does the program take international medical graduates? => It does.'],
    ['freida-im-ny-1403531877.html', 'label-value: H-1B visa => No'],
    ['freida-im-ny-1403531877.html', 'paragraph: Yonkers, NY'],
    ['fm-nh-application-process.html', 'table-row: Eligibility | Requirement'],
    ['fm-nh-application-process.html', 'label-value: Date of graduation => For positions starting in the 2025 academic year, applicants must have graduated from medical school on or after June 30, 2023'],
  ])('%s reads %s', (file, line) => has(file, line));

  test('the FREIDA page keeps its transfer state and tags its cookie banner', () => {
    const { text } = read('freida-im-ny-1403531877.html');
    expect(text.ngState).toContain('"field_program_id": "1403531877"');
    expect(text.blocks.find((b) => b.text.startsWith('We use cookies'))?.chrome).toBe(true);
  });
});

describe('lines ended by <br>', () => {
  test.each<[string, string, string[]]>([
    ['a bulleted list written as lines', '<p>What we need:<br>- ERAS application<br>- Three letters</p>', ['paragraph: What we need:', 'paragraph: - ERAS application', 'paragraph: - Three letters']],
    ['sentences on lines of their own', '<p>We sponsor J-1 visas.<br>We do not sponsor H-1B visas.</p>', ['paragraph: We sponsor J-1 visas.', 'paragraph: We do not sponsor H-1B visas.']],
    ['a sentence wrapped at a <br> stays whole', '<p>We sponsor J-1 visas<br>through ECFMG only.</p>', ['paragraph: We sponsor J-1 visas through ECFMG only.']],
    ['a bold question keeps its answer', '<p><b>Do you sponsor H-1B visas?</b><br>No.</p>', ['qa: Do you sponsor H-1B visas? => No.']],
    ['a bold label keeps its value', '<p><b>Visa:</b><br>J-1 only.</p>', ['label-value: Visa => J-1 only.']],
    ['a page laid out in a one-cell table', '<table><tr><td>Intro line.<br>- YOG 2018+<br>- Step 2 CK: 230+</td></tr></table>', ['paragraph: Intro line.', 'paragraph: - YOG 2018+', 'paragraph: - Step 2 CK: 230+']],
    ['a data cell keeps its lines in the row', '<table><tr><td>Visa</td><td>Yes.<br>Through ECFMG.</td></tr></table>', ['label-value: Visa => Yes. Through ECFMG.']],
  ])('%s', (_name, body, want) => {
    expect(lines(blocksOf(body))).toEqual(want);
  });
  test('lines keep their element\'s locator', () => {
    const bs = blocksOf('<p>One.<br>Two.</p>');
    expect(bs.map((b) => b.locator.join('.'))).toEqual([bs[0]!.locator.join('.'), bs[0]!.locator.join('.')]);
  });
});

describe('a list laid out as a table', () => {
  test('a bullet or a number in the first cell: the second cell is a list item', () => {
    expect(lines(blocksOf('<table><tr><td>&#9632;</td><td>USMLE Step 1: 215 or higher</td></tr><tr><td>2.</td><td>Graduated within 3 years</td></tr><tr><td>Visa</td><td>J-1</td></tr></table>'))).toEqual([
      'list-item: USMLE Step 1: 215 or higher',
      'list-item: Graduated within 3 years',
      'label-value: Visa => J-1',
    ]);
  });
});

describe('an accordion button ending in a chevron', () => {
  test('the question still pairs with its hidden panel', () => {
    const body = '<h3><button aria-expanded="false" aria-controls="p1">Will a failed attempt disqualify me?<span aria-hidden="true">&#9662;</span></button></h3><div id="p1" hidden><p>No. One failure is reviewed in context.</p></div>';
    expect(qaPairs(blocksOf(body))).toEqual([['Will a failed attempt disqualify me?▾', 'No. One failure is reviewed in context.']]);
  });
});
