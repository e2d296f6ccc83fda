import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';

// The command-line contracts (DESIGN.md): stdout carries only the JSON; bad input is one line on
// stderr and exit code 2.
const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'scripts/cli.mjs');
const PAGE = resolve(ROOT, '../shared/corpus/dev/im-community-az-faq-80pct.html');
const URL = 'https://www.clareregionalaz.org/graduate-medical-education/page/residency-faqs';

async function cli(args: string[]) {
  try {
    const { stdout, stderr } = await run('node', [CLI, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

let dir: string;
const profile = {
  step1: { result: 'pass', score: null, attempts: 1 },
  step2ck: { score: 214, attempts: 1 },
  step3: { passed: false },
  graduationYear: 2021,
  visa: 'j1',
  usce: { months: 3, handsOn: true },
  specialties: ['internal-medicine'],
  states: [],
};
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'smartpick-cli-'));
  writeFileSync(join(dir, 'profile.json'), JSON.stringify(profile));
  writeFileSync(join(dir, 'bad-profile.json'), JSON.stringify({ ...profile, step2ck: { score: 400, attempts: 1 } }));
  writeFileSync(join(dir, 'binary.html'), Buffer.from([0, 1, 2, 3, 255, 0, 7]));
  writeFileSync(join(dir, 'plain.txt'), 'just words, no markup at all');
});

describe('extract', () => {
  test('prints one JSON object with the label fields and evidence', async () => {
    const r = await cli(['extract', PAGE, '--url', URL]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ isProgramPage: true, specialty: 'internal-medicine', state: 'AZ', visa: { j1: 'yes', h1b: 'no' }, step2MinScore: 220, imgPercent: 80 });
    expect(out.evidence.step2MinScore).toContain('220+');
  }, 30_000);

  test.each([
    ['a missing file', ['extract', '/nonexistent/page.html'], /no such file/],
    ['binary input', ['extract', 'BINARY'], /not an HTML file/],
    ['text without markup', ['extract', 'PLAIN'], /not an HTML file/],
    ['no file argument', ['extract'], /usage/],
    ['a bad --url', ['extract', PAGE, '--url', 'nope'], /not a URL/],
  ])('%s → one line on stderr, exit 2', async (_n, args, message) => {
    const r = await cli(args.map((a) => (a === 'BINARY' ? join(dir, 'binary.html') : a === 'PLAIN' ? join(dir, 'plain.txt') : a)));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  }, 30_000);
});

describe('score', () => {
  test('prints tier, score, confidence, dealbreakers, verify, reasons and signals', async () => {
    const r = await cli(['score', '--profile', join(dir, 'profile.json'), PAGE, '--url', URL, '--now', '2026-11-25']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.tier).toBe('ineligible');
    expect(out.dealbreakers.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['step2', 'yog']));
    expect(out.confidence).toBeGreaterThan(0);
    expect(out.signals.step2MinScore).toBe(220);
  }, 30_000);

  test('an invalid profile names the field, exit 2', async () => {
    const r = await cli(['score', '--profile', join(dir, 'bad-profile.json'), PAGE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/step2ck\.score: Step 2 CK scores run from 1 to 300/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  }, 30_000);

  test('a bad --now is refused', async () => {
    const r = await cli(['score', '--profile', join(dir, 'profile.json'), PAGE, '--now', '25/11/2026']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--now must be a date/);
  }, 30_000);
});
