// npm run bench — prints the figures the issues ask for. Numbers only; no pass/fail thresholds here
// (goals are listed beside each figure for the reader; tests never assert timings).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { extractSignals } from '../lib/core/signals/index';
import { precheck } from '../lib/core/signals/detect';
import { readPageText, readPrecheckInput } from '../lib/platform/page-text';
import { FIELDS, loadCorpus, scoreCorpus } from './lib/corpus';
import { parseHtml } from './lib/html';
import { extremePages } from './lib/extreme-pages';
import { fit } from '../lib/core/fit/fit';
import type { Profile } from '../lib/core/schema/profile';
import type { Signals } from '../lib/core/schema/signals';

const ROOT = resolve(import.meta.dirname, '..');
const DEV = resolve(ROOT, '../shared/corpus/dev');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => `${x.toFixed(3)} ms`;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const line = (label: string, value: string, goal = '') => console.log(`${label.padEnd(48)} ${value.padStart(14)}${goal ? `   (goal ${goal})` : ''}`);

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

/** The floor: one TreeWalker pass that only collects the page's text nodes. */
function collectTextNodes(doc: Document): number {
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
  const out: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push((n as Text).data);
  return out.length;
}

function accuracy() {
  console.log('\n## Accuracy on ../shared/corpus/dev');
  if (!existsSync(DEV)) return console.log('corpus not found at', DEV);
  const s = scoreCorpus(DEV);
  line('pages', String(s.pages));
  line('detection correct', `${s.detectionCorrect}/${s.pages}`, 'exact');
  line('field F1 (precision / recall)', `${s.f1.toFixed(3)} (${s.precision.toFixed(3)} / ${s.recall.toFixed(3)})`, '≥ 0.95');
  console.log(`${'field'.padEnd(18)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}   tp fn fp`);
  for (const f of FIELDS) {
    const p = s.perField[f];
    console.log(`${f.padEnd(18)} ${p.precision.toFixed(3).padStart(6)} ${p.recall.toFixed(3).padStart(6)} ${p.f1.toFixed(3).padStart(6)}   ${p.tp} ${p.fn} ${p.fp}`);
  }
  for (const m of s.misses) console.log('  miss', m);

  // Pages we wrote and first read before any rule saw them (tests/fixtures/written-set/README.md has
  // each set's first-read F1, the honest estimate for unseen pages); these are the figures now.
  const WRITTEN = join(ROOT, 'tests/fixtures/written-set');
  if (!existsSync(WRITTEN)) return;
  console.log('\n## Accuracy on the written sets (tests/fixtures/written-set; first reads in its README)');
  for (const set of readdirSync(WRITTEN).filter((x) => existsSync(join(WRITTEN, x, 'labels.json'))).sort()) {
    const w = scoreCorpus(join(WRITTEN, set));
    line(`set ${set}: field F1, detection`, `${w.f1.toFixed(3)}, ${w.detectionCorrect}/${w.pages}`);
  }
}

function readSpeed() {
  console.log('\n## Whole read (DOM → PageText → signals) vs the text-collecting floor, same documents, same run');
  if (!existsSync(DEV)) return;
  const entries = loadCorpus(DEV);
  const docs = entries.map((e) => ({ e, ...parseHtml(readFileSync(join(DEV, e.file), 'utf8'), e.url) }));
  const ROUNDS = 15;
  const ratios: number[] = [];
  const reads: number[] = [];
  const floors: number[] = [];
  // Warm up the JIT on every page once.
  for (const d of docs) {
    collectTextNodes(d.document);
    extractSignals(readPageText(d.document, d.e.url));
  }
  // Where the time goes: the DOM → blocks step alone, and the rules alone on an already-read page.
  const textOnly: number[] = [];
  const rulesOnly: number[] = [];
  for (const d of docs) {
    const f: number[] = [];
    const r: number[] = [];
    const t: number[] = [];
    const s: number[] = [];
    const read = readPageText(d.document, d.e.url);
    for (let i = 0; i < ROUNDS; i++) {
      // Interleave so drift affects both equally.
      f.push(time(() => collectTextNodes(d.document))[1]);
      r.push(time(() => extractSignals(readPageText(d.document, d.e.url)))[1]);
    }
    for (let i = 0; i < ROUNDS; i++) {
      t.push(time(() => readPageText(d.document, d.e.url))[1]);
      s.push(time(() => extractSignals(read))[1]);
    }
    floors.push(median(f));
    reads.push(median(r));
    ratios.push(median(r) / median(f));
    textOnly.push(median(t) / median(f));
    rulesOnly.push(median(s) / median(f));
  }
  line('floor: TreeWalker text collection (median/page)', ms(median(floors)));
  line('whole read (median/page)', ms(median(reads)));
  line('ratio whole read / floor (median over pages)', `${median(ratios).toFixed(2)}×`, '≤ 3×');
  line('ratio, worst page', `${Math.max(...ratios).toFixed(2)}×`);
  line('  of which DOM → blocks alone / floor', `${median(textOnly).toFixed(2)}×`);
  line('  of which rules alone (read page) / floor', `${median(rulesOnly).toFixed(2)}×`);
  for (const d of docs) d.close();
}

function precheckCost() {
  console.log('\n## Pre-check on a generated 1 MB non-program page');
  const para = 'Our store ships kitchen tables, chairs and lamps across the country with free returns. ';
  let body = '';
  let i = 0;
  while (body.length < 1024 * 1024) body += `<div class="row"><h3>Product ${i}</h3><p>${para.repeat(4)}</p><ul><li>Item ${i++}</li></ul></div>`;
  const html = `<!doctype html><html><head><title>Home furniture sale | Example Store</title></head><body><h1>Spring sale</h1>${body}</body></html>`;
  const url = 'https://www.example-store.com/sale/spring';
  // First call on a freshly parsed document (happy-dom builds its element index lazily, a browser
  // has it natively), then repeated calls on the same document.
  const first: number[] = [];
  let result = true;
  for (let k = 0; k < 5; k++) {
    const { document, close } = parseHtml(html, url);
    first.push(time(() => (result = precheck(readPrecheckInput(document, url))))[1]);
    close();
  }
  const { document, close } = parseHtml(html, url);
  const runs: number[] = [];
  for (let k = 0; k < 200; k++) runs.push(time(() => (result = precheck(readPrecheckInput(document, url))))[1]);
  line('page size', kb(html.length));
  line('pre-check result', String(result), 'false');
  line('pre-check time (median of 200, warm)', ms(median(runs)), '≤ 1 ms');
  line('pre-check first call on a fresh document (median of 5)', ms(median(first)));
  close();
}

function extremes() {
  console.log('\n## Extreme pages (no exception; worst time reported, never asserted)');
  let worst = { name: '', t: 0 };
  for (const p of extremePages()) {
    const [{ r, err }, t] = time(() => {
      try {
        const { document, close } = parseHtml(p.html, p.url);
        const sig = extractSignals(readPageText(document, p.url));
        close();
        return { r: sig.isProgramPage, err: '' };
      } catch (e) {
        return { r: null, err: String(e) };
      }
    });
    line(`${p.name} (${kb(p.html.length)})`, err ? `ERROR ${err.slice(0, 40)}` : `${ms(t)} → ${r}`);
    if (t > worst.t) worst = { name: p.name, t };
  }
  line('worst (parse + read)', `${ms(worst.t)} ${worst.name}`);
}

function bundle() {
  console.log('\n## Bundle sizes (production Chrome build)');
  console.log('building: npm run build, npm run build:e2e');
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'ignore' });
  execFileSync('npm', ['run', '-s', 'build:e2e'], { cwd: ROOT, stdio: 'ignore' });
  const dir = join(ROOT, '.output/chrome-mv3');
  const files = [
    ...readdirSync(join(dir, 'content-scripts')).map((f) => `content-scripts/${f}`),
    'background.js',
    ...readdirSync(join(dir, 'chunks')).map((f) => `chunks/${f}`),
  ];
  for (const f of files) {
    const buf = readFileSync(join(dir, f));
    line(f, `${kb(statSync(join(dir, f)).size)} raw, ${kb(gzipSync(buf).length)} gz`, f.startsWith('content-scripts/') ? '≤ 30 KB gz' : '');
  }
}

async function browser() {
  console.log('\n## In Debian Chromium (built extension)');
  const { benchInChromium } = await import('./lib/browser-bench');
  const r = await benchInChromium(20);
  if (typeof r === 'string') return console.log('skipped:', r);
  line(`DOMContentLoaded → ready badge, FREIDA (median of ${r.loads})`, ms(r.dclToBadgeMs), '≤ 150 ms');
  line('content script on a FREIDA non-program page', ms(r.freidaNonProgramMs));
  line(`content script on a ${r.siteLargePageKb.toFixed(0)} KB non-program site page`, ms(r.sitePrecheckMs));
  const { benchSiteReading } = await import('./lib/site-bench');
  const site = await benchSiteReading();
  if (typeof site === 'string') console.log('site reading skipped:', site);
  else {
    line('site reading: pages fetched (first visit / cached visit)', `${site.pagesFetched} / ${site.cachedPagesFetched}`);
    line('site reading: DOMContentLoaded → first badge', ms(site.msToFirstBadge));
    line('site reading: DOMContentLoaded → final badge (first / cached)', `${site.msToFinalBadge.toFixed(0)} / ${site.cachedMsToFinalBadge.toFixed(0)} ms`);
  }
  const { benchReadInChromium } = await import('./lib/read-bench-chromium');
  const read = existsSync(DEV) ? await benchReadInChromium(DEV) : 'corpus not found';
  if (typeof read === 'string') console.log('whole read in Chromium skipped:', read);
  else {
    line(`whole read in the page, ${read.pages} corpus pages: floor (median/page)`, `${read.floorUs.toFixed(1)} µs`);
    line('  readPageText alone / whole read (median/page)', `${read.readUs.toFixed(0)} / ${read.wholeUs.toFixed(0)} µs`);
    line('  ratio whole read / floor in Chromium (median)', `${read.ratio.toFixed(1)}×`, '≤ 3× (Node figure above)');
  }
  const { benchPopup } = await import('./lib/popup-bench');
  const p = await benchPopup(1000);
  if (typeof p === 'string') return console.log('popup skipped:', p);
  line(`popup first render, ${p.programs} saved programs (median)`, ms(p.firstRenderMs), '≤ 100 ms');
  line(`full list page first rows, ${p.programs} saved programs (median)`, ms(p.fullListMs));
  line(`re-score ${p.programs} programs after a profile change (list/get)`, ms(p.rescoreMs));
}

async function fitAndDb() {
  console.log('\n## Fit model and database (Node, fake-indexeddb)');
  const profile: Profile = {
    step1: { result: 'pass', score: null, attempts: 1 }, step2ck: { score: 232, attempts: 1 }, step3: { passed: false },
    graduationYear: 2023, visa: 'j1', usce: { months: 6, handsOn: true }, specialties: ['internal-medicine'], states: [],
    ecfmgCertified: false, usResidencyMonths: 0,
  };
  const signals: Signals[] = existsSync(DEV)
    ? loadCorpus(DEV).map((e) => {
        const { document, close } = parseHtml(readFileSync(join(DEV, e.file), 'utf8'), e.url);
        const s = extractSignals(readPageText(document, e.url));
        close();
        return s;
      })
    : [];
  const now = new Date('2026-11-25T12:00:00Z');
  for (const s of signals) fit(profile, s, now);
  const N = 20_000;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) fit(profile, signals[i % signals.length]!, now);
  line('fit per program (mean over corpus signals)', `${(((performance.now() - t0) / N) * 1000).toFixed(1)} µs`);
  const t1 = performance.now();
  for (let i = 0; i < 1000; i++) fit(profile, signals[i % signals.length]!, now);
  line('re-score 1,000 programs (fit only, Node)', ms(performance.now() - t1));
  const { benchDb } = await import('./lib/db-bench');
  const db = await benchDb();
  line('list read, 1,000 programs (median)', ms(db.list1000Ms), '≤ 50 ms');
  line('save one program (median)', ms(db.saveMs), '≤ 10 ms');
}

accuracy();
readSpeed();
precheckCost();
extremes();
bundle();
await fitAndDb();
await browser();
