// `npm run bench`: the whole read against its floor in Debian Chromium, on the dev corpus. Node's
// figures run on happy-dom, whose JavaScript DOM makes the floor walk slow; a browser's native DOM
// makes it fast while the rules cost about the same, so the ratio differs by environment. Both are
// printed. The pages are served at their own URLs from memory (no network); no extension is loaded.
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from './chromium';
import { loadCorpus } from './corpus';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

export interface ChromiumRead { pages: number; floorUs: number; readUs: number; wholeUs: number; ratio: number }

export async function benchReadInChromium(dev: string): Promise<ChromiumRead | string> {
  if (!existsSync(CHROMIUM_PATH)) return `Chromium not found at ${CHROMIUM_PATH}`;
  const { build } = await import('esbuild');
  const bundle = await build({
    entryPoints: [resolve(import.meta.dirname, 'read-bench-entry.ts')],
    bundle: true, format: 'iife', write: false, minify: true, platform: 'browser', logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const rows: { floorUs: number; readUs: number; wholeUs: number }[] = [];
    for (const e of loadCorpus(dev)) {
      const html = readFileSync(join(dev, e.file), 'utf8');
      // The page at its own address; its scripts, images and styles are not fetched.
      await page.route('**/*', (r) => (r.request().resourceType() === 'document' ? r.fulfill({ body: html, contentType: 'text/html' }) : r.abort()));
      await page.goto(e.url);
      await page.addScriptTag({ content: script });
      rows.push(await page.evaluate(() => (globalThis as unknown as { __smartpickReadBench(n: number): { floorUs: number; readUs: number; wholeUs: number } }).__smartpickReadBench(15)));
      await page.unroute('**/*');
    }
    return {
      pages: rows.length,
      floorUs: median(rows.map((r) => r.floorUs)),
      readUs: median(rows.map((r) => r.readUs)),
      wholeUs: median(rows.map((r) => r.wholeUs)),
      ratio: median(rows.map((r) => r.wholeUs / r.floorUs)),
    };
  } finally {
    await browser.close();
  }
}
