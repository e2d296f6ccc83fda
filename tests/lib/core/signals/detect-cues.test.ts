import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GENRE_CUES } from '../../../../lib/core/signals/detect';

// detect.ts tests a genre cue only when the page holds one of its `needs` words. That is a speed-up
// and must never change a verdict: wherever a cue's pattern matches, one of its words must be in the
// match. Checked on every page we have (the dev corpus and the detection fixtures, both ways).

const ROOT = resolve(__dirname, '../../../..');
const pages: string[] = [];
const walk = (dir: string) => {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.html?$/.test(f)) pages.push(p);
  }
};
walk(join(ROOT, 'tests/fixtures/pages'));
walk(join(ROOT, 'tests/e2e/fixtures'));
try {
  walk(resolve(ROOT, '../shared/corpus/dev'));
} catch {
  /* the corpus sits beside the project in CI; the fixtures alone still check every cue */
}

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
        const low = m[0].toLowerCase();
        if (!cue.needs!.some((w) => low.includes(w))) unsound.push(`${file}: ${JSON.stringify(m[0])}`);
      }
    }
    expect(unsound).toEqual([]);
  });
});
