import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { GENRE_CUES, cueWordsIn } from '../../../../lib/core/signals/detect';
import { allHtmlPages } from '../../../fixtures/html-pages';

// detect.ts tests a genre cue only when the page holds one of its `needs` words. That is a speed-up
// and must never change a verdict: wherever a cue's pattern matches, one of its words must be in the
// match, where the word says (at a word start, at a line start for "^…", anywhere for a symbol
// word), and cueWordsIn must find every word that is there. Checked on every page we have (the dev
// corpus and the detection fixtures, both ways) and on made-up text.

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A needs word as its definition says, the plain way: one search per word. */
const wordRe = (w: string) =>
  new RegExp(w[0] === '^' ? `^${escape(w.slice(1))}` : /^\w/.test(w) ? `\\b${escape(w)}` : escape(w), 'gim');

const pages = allHtmlPages();

describe('genre cues: `needs` words are sound', () => {
  const withNeeds = GENRE_CUES.filter((c) => c.needs && c.needs.length > 0);
  test('there are cues with word lists and pages to check them on', () => {
    expect(withNeeds.length).toBeGreaterThan(10);
    expect(pages.length).toBeGreaterThan(40);
  });

  test.each(withNeeds.map((c) => [c.re.source.slice(0, 60), c] as const))('%s', (_name, cue) => {
    const global = new RegExp(cue.re.source, cue.re.flags.replace('g', '') + 'g');
    const unsound: string[] = [];
    for (const file of pages) {
      const text = readFileSync(file, 'utf8').replace(/<[^>]+>/g, ' ');
      for (const m of text.matchAll(global)) {
        const inMatch = (w: string) => {
          const re = wordRe(w);
          re.lastIndex = m.index;
          const hit = re.exec(text);
          return !!hit && hit.index < m.index + m[0].length;
        };
        if (!cue.needs!.some(inMatch)) unsound.push(`${file}: ${JSON.stringify(m[0])}`);
      }
    }
    expect(unsound).toEqual([]);
  });
});

describe('cueWordsIn finds every needs word a page holds', () => {
  const words = [...new Set(GENRE_CUES.flatMap((c) => c.needs ?? []))];
  const check = (text: string) => {
    const found = cueWordsIn(text);
    return words.filter((w) => wordRe(w).test(text) && !found.has(w));
  };

  test('words are lower-case ASCII', () => {
    for (const w of words) expect(w).toMatch(/^[\x20-\x40\x5b-\x7e·•]+$/);
  });

  test('on every page', () => {
    const missed: string[] = [];
    for (const file of pages) {
      const text = readFileSync(file, 'utf8').replace(/<[^>]+>/g, ' ');
      for (const w of check(text)) missed.push(`${file}: ${w}`);
    }
    expect(missed).toEqual([]);
  });

  test('in any case, overlapping, at line starts, after symbols', () => {
    const made = [
      'By Jane Doe\nREQUISITION # 5 · OP | Seeking board-certified IDEAL CANDIDATE',
      'posted by u/someone; students who need a visa\rAbout Metro: $200,000',
      'x7-off 7 OFF Reqid req#1 req. req number reference # 5 job id',
      'the program lists\u2028re: thread; Mock interviews; qbank q-bank question bank',
      'writtenby Written by  x·op•op| op studentsx most students',
      words.join(' '),
      words.map((w) => w.toUpperCase()).join('\n'),
      words.join(''),
    ];
    for (const text of made) expect(check(text)).toEqual([]);
  });
});
