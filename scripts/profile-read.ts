// Per-stage profile of the whole read on the dev corpus (µs per page, median). A tool for speed work:
// `npx tsx scripts/profile-read.ts`. Prints numbers only.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readPageText } from '../lib/platform/page-text';
import { toClauses } from '../lib/core/signals/clauses';
import { detectProgramPage, precheck } from '../lib/core/signals/detect';
import { headingsOf, extractSignals } from '../lib/core/signals/index';
import { readFreida } from '../lib/core/freida';
import type { RuleContext } from '../lib/core/signals/rule-kit';
import { readAttempts } from '../lib/core/signals/rules/attempts';
import { readImgShare } from '../lib/core/signals/rules/img-share';
import { readStepMinimums } from '../lib/core/signals/rules/scores';
import { readSetting } from '../lib/core/signals/rules/setting';
import { readSpecialty } from '../lib/core/signals/rules/specialty';
import { readState } from '../lib/core/signals/rules/state';
import { readUsce } from '../lib/core/signals/rules/usce';
import { readVisa } from '../lib/core/signals/rules/visa';
import { readYog } from '../lib/core/signals/rules/yog';
import { loadCorpus } from './lib/corpus';
import { parseHtml } from './lib/html';

const DEV = resolve(import.meta.dirname, '../../shared/corpus/dev');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const docs = loadCorpus(DEV).map((e) => ({ e, ...parseHtml(readFileSync(join(DEV, e.file), 'utf8'), e.url) }));
const stages: Record<string, number[]> = {};
const R = 30;
function t(name: string, fn: () => unknown) {
  const t0 = performance.now();
  for (let i = 0; i < R; i++) fn();
  (stages[name] ??= []).push(((performance.now() - t0) / R) * 1000);
}
for (let pass = 0; pass < 2; pass++) {
  for (const k of Object.keys(stages)) delete stages[k];
  for (const d of docs) {
    const url = d.e.url;
    t('floor', () => {
      const w = d.document.createTreeWalker(d.document.body ?? d.document.documentElement, 4);
      const out: string[] = [];
      for (let n = w.nextNode(); n; n = w.nextNode()) out.push((n as Text).data);
    });
    t('whole', () => extractSignals(readPageText(d.document, url)));
    t('readPageText', () => readPageText(d.document, url));
    const page = readPageText(d.document, url);
    t('precheck', () => precheck({ url: page.url, title: page.title, headings: headingsOf(page) }));
    t('detect', () => detectProgramPage(page));
    t('clauses', () => toClauses(page));
    t('freida', () => readFreida(page));
    const rules: [string, (c: RuleContext) => unknown][] = [
      ['specialty', readSpecialty], ['visa', readVisa], ['scores', readStepMinimums], ['setting', readSetting],
      ['state', readState], ['attempts', readAttempts], ['yog', readYog], ['usce', readUsce], ['img', readImgShare],
    ];
    for (const [name, fn] of rules) {
      t(name, () => { const ctx: RuleContext = { page, clauses: toClauses(page), specialty: 'internal-medicine' }; fn(ctx); });
    }
  }
}
const clausesMed = median(stages.clauses!);
for (const [k, v] of Object.entries(stages)) {
  const m = median(v);
  const own = ['specialty', 'visa', 'scores', 'setting', 'state', 'attempts', 'yog', 'usce', 'img'].includes(k) ? m - clausesMed : m;
  console.log(k.padEnd(14), own.toFixed(1).padStart(8), 'µs');
}
