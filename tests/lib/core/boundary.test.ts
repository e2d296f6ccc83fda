import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

// lib/core is pure: no browser API, no DOM, no storage, no clock, and it never imports the edge
// (lib/platform, entrypoints, components). This test fails when a change breaks that.

const ROOT = resolve(__dirname, '../../..');
const CORE = join(ROOT, 'lib/core');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

const stripComments = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');

const FORBIDDEN: [string, RegExp][] = [
  ['imports wxt', /from\s+['"]wxt/],
  ['imports webextension-polyfill', /from\s+['"]webextension-polyfill/],
  ['imports idb', /from\s+['"]idb['"]/],
  ['imports lib/platform', /from\s+['"][^'"]*platform\//],
  ['imports entrypoints or components', /from\s+['"][^'"]*(?:entrypoints|components)\//],
  ['uses document', /\bdocument\s*\./],
  ['uses window', /\bwindow\s*\./],
  ['uses chrome/browser APIs', /\b(?:chrome|browser)\.(?:runtime|tabs|storage|scripting|permissions)\b/],
  ['uses storage', /\b(?:indexedDB|localStorage|sessionStorage)\b/],
  ['reads the clock', /\bDate\.now\(|new Date\(\s*\)/],
];

describe('lib/core stays pure', () => {
  const list = files(CORE);
  test('there is core code to check', () => expect(list.length).toBeGreaterThan(5));
  test.each(list.map((f) => [relative(ROOT, f), f]))('%s', (_name, file) => {
    const src = stripComments(readFileSync(file, 'utf8'));
    const broken = FORBIDDEN.filter(([, re]) => re.test(src)).map(([why]) => why);
    expect(broken).toEqual([]);
  });
});
