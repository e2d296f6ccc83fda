// npm run -s score -- --profile PROFILE.json FILE [--url URL] [--now YYYY-MM-DD]
// Reads one saved page and prints how it fits the profile (DESIGN.md contract), as one JSON object.
import { readFileSync } from 'node:fs';
import { fit } from '../lib/core/fit/fit';
import { evaluate } from '../lib/core/list/evaluate';
import { describeIssues, profileSchema } from '../lib/core/schema/profile';
import { extractSignals } from '../lib/core/signals/index';
import { toLabels } from '../lib/core/signals/labels';
import { readPageText } from '../lib/platform/page-text';
import { InputError, parseHtml, readHtmlFile } from './lib/html';

function fail(message: string): never {
  process.stderr.write(`score: ${message}\n`);
  process.exit(2);
}

const USAGE = 'usage: npm run -s score -- --profile PROFILE.json FILE [--url URL] [--now YYYY-MM-DD]';

function main(argv: string[]) {
  let file: string | undefined;
  let profileFile: string | undefined;
  let url = '';
  let nowText: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => argv[++i] ?? fail(`${a} needs a value`);
    if (a === '--profile') profileFile = value();
    else if (a === '--url') url = value();
    else if (a === '--now') nowText = value();
    else if (a === '--help' || a === '-h') return void process.stdout.write(USAGE + '\n');
    else if (a.startsWith('--')) fail(`unknown option ${a}`);
    else if (file === undefined) file = a;
    else fail(`unexpected argument ${a}`);
  }
  if (!profileFile || !file) fail(USAGE);
  if (url) {
    try {
      new URL(url);
    } catch {
      fail(`--url is not a URL: ${url}`);
    }
  }
  let now = new Date();
  if (nowText !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(nowText) || Number.isNaN(Date.parse(`${nowText}T12:00:00Z`))) fail(`--now must be a date YYYY-MM-DD, got ${nowText}`);
    now = new Date(`${nowText}T12:00:00Z`);
  }

  let profileJson: unknown;
  try {
    profileJson = JSON.parse(readFileSync(profileFile, 'utf8'));
  } catch (e) {
    fail(`cannot read profile ${profileFile}: ${(e as Error).message.split('\n')[0]}`);
  }
  const parsed = profileSchema.safeParse(profileJson);
  if (!parsed.success) fail(`invalid profile: ${describeIssues(parsed.error)}`);

  try {
    const { document, close } = parseHtml(readHtmlFile(file), url);
    const signals = extractSignals(readPageText(document, url));
    close();
    const result = signals.isProgramPage ? evaluate(fit, parsed.data, signals, now) : null;
    const out = {
      tier: result?.tier ?? 'unknown',
      score: result?.score ?? null,
      confidence: result?.confidence ?? 0,
      dealbreakers: (result?.dealbreakers ?? []).map((d) => ({ field: d.field, message: d.message, quote: d.evidence?.quote ?? null })),
      verify: result?.verify ?? [],
      reasons: (result?.reasons ?? []).map((r) => ({ field: r.field, text: r.text, weight: r.weight, quote: r.evidence?.quote ?? null })),
      known: result?.known ?? 0,
      total: result?.total ?? 0,
      usedOutcomes: result?.usedOutcomes ?? false,
      signals: toLabels(signals),
    };
    process.stdout.write(JSON.stringify(out) + '\n');
  } catch (e) {
    fail(e instanceof InputError ? e.message : `could not read ${file}: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
  }
}

main(process.argv.slice(2));
