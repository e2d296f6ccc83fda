import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { pageTextFromLines } from '../../../../lib/core/page-text';
import { extractSignals } from '../../../../lib/core/signals';
import { toClauses } from '../../../../lib/core/signals/clauses';
import { contentClauses, contentHits, type RuleContext } from '../../../../lib/core/signals/rule-kit';
import { ATTEMPT_TOPIC_SCAN } from '../../../../lib/core/signals/rules/attempts';
import { IMG_SCAN } from '../../../../lib/core/signals/rules/img-share';
import { SCORE_WORDS_SCAN } from '../../../../lib/core/signals/rules/scores';
import { USCE_OR_OBSERVER_SCAN } from '../../../../lib/core/signals/rules/usce';
import { VISA_WORDS_SCAN } from '../../../../lib/core/signals/rules/visa';
import { TOPIC_SCAN as YOG_TOPIC_SCAN } from '../../../../lib/core/signals/rules/yog';
import { toLabels } from '../../../../lib/core/signals/labels';
import { readPageText } from '../../../../lib/platform/page-text';
import { allHtmlPages } from '../../../fixtures/html-pages';
import { parseHtml } from '../../../../scripts/lib/html';

// contentHits finds the clauses a gate matches in one scan of the page instead of one test per
// clause. A speed-up only: every clause the gate matches on its own must be marked. Checked on every
// page we have, with the rules' gates and patterns of each kind a gate may use.

const files = allHtmlPages();

function contextOf(file: string): RuleContext {
  // (A window of its own, with stylesheets off: the test environment's would log every <link>.)
  const { document, close } = parseHtml(readFileSync(file, 'utf8'), 'https://www.example-hospital.org/gme/internal-medicine/faq');
  const page = readPageText(document, 'https://www.example-hospital.org/gme/internal-medicine/faq');
  close();
  return { page, clauses: toClauses(page), specialty: null };
}

// The rules' gates, and two of the kinds of pattern a gate may use.
const GATES: RegExp[] = [
  VISA_WORDS_SCAN,
  SCORE_WORDS_SCAN,
  YOG_TOPIC_SCAN,
  USCE_OR_OBSERVER_SCAN,
  IMG_SCAN, // "[^)]*" could run on into the next clause: that only marks more
  ATTEMPT_TOPIC_SCAN,
  /\bno\b|\d+(?=%)/g, // word boundaries at a clause's edges, and a lookahead
];
// A pattern's source without its character classes ("[^)]" holds a caret that anchors nothing).
const outsideClasses = (source: string) => source.replace(/\[(?:\\.|[^\]\\])*\]/g, '[]');

describe('contentHits', () => {
  test('there are pages to check on', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  test('gates follow the rule: no anchor, lookbehind or negative lookahead', () => {
    for (const g of GATES) {
      expect(g.global).toBe(true);
      expect(outsideClasses(g.source)).not.toMatch(/(?<!\\)[$^]|\(\?<[=!]|\(\?!/);
    }
  });

  test.each(GATES.map((g) => [g.source.slice(0, 50), g] as const))('marks every clause %s matches', (_name, gate) => {
    const alone = new RegExp(gate.source, gate.flags.replace('g', ''));
    const missed: string[] = [];
    for (const file of files) {
      const ctx = contextOf(file);
      const clauses = contentClauses(ctx);
      const hits = contentHits(ctx, gate);
      expect(hits.length).toBe(clauses.length);
      clauses.forEach((c, i) => {
        if (alone.test(c.norm) && hits[i] !== 1) missed.push(`${file}: ${c.norm}`);
      });
    }
    expect(missed).toEqual([]);
  });

  test('no content clauses: no hits', () => {
    const ctx: RuleContext = { page: { url: '', title: '', blocks: [] }, clauses: [], specialty: null };
    expect(contentHits(ctx, /x?/g)).toEqual(new Uint8Array(0));
  });
});

// The rules' word gates: phrasings that speak only through the less obvious gate words.
describe('rule gates keep their statements', () => {
  const URL = 'https://www.example-hospital.org/gme/internal-medicine/faq';
  const TITLE = 'FAQ | Internal Medicine Residency | Example Hospital';
  const labels = (lines: string[]) =>
    toLabels(extractSignals(pageTextFromLines(['We accept applications through ERAS only.', ...lines], URL, TITLE)));

  test.each([
    ['Permanent residents only.'],
    ['Green card holders only may apply.'],
  ])('visa: %s', (line) => {
    expect(labels([line]).visa).toEqual({ j1: 'no', h1b: 'no' });
  });

  test('visa: "J 1" is read through canon()', () => {
    expect(labels(['We sponsor the J 1, H 1 B is not offered.']).visa?.j1).toBe('yes');
  });

  test('scores: "no score requirement" stops the figures of its block', () => {
    expect(labels(['There is no score requirement. Scores of 230 are competitive.']).step1MinScore).toBeNull();
  });
});
