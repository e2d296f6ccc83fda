// npm run -s extract -- FILE [--url URL]
// Prints the corpus label schema's fields plus `evidence` for one saved page, as one JSON object.
import { extractSignals } from '../lib/core/signals/index';
import { toLabels } from '../lib/core/signals/labels';
import { readPageText } from '../lib/platform/page-text';
import { InputError, parseHtml, readHtmlFile } from './lib/html';

function fail(message: string): never {
  process.stderr.write(`extract: ${message}\n`);
  process.exit(2);
}

function main(argv: string[]) {
  let file: string | undefined;
  let url = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--url') {
      url = argv[++i] ?? fail('--url needs a value');
    } else if (a.startsWith('--url=')) url = a.slice(6);
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run -s extract -- FILE [--url URL]\n');
      return;
    } else if (a.startsWith('--')) fail(`unknown option ${a}`);
    else if (file === undefined) file = a;
    else fail(`unexpected argument ${a}`);
  }
  if (!file) fail('usage: npm run -s extract -- FILE [--url URL]');
  if (url) {
    try {
      new URL(url);
    } catch {
      fail(`--url is not a URL: ${url}`);
    }
  }
  try {
    const html = readHtmlFile(file);
    const { document, close } = parseHtml(html, url);
    const page = readPageText(document, url);
    const labels = toLabels(extractSignals(page));
    close();
    process.stdout.write(JSON.stringify(labels) + '\n');
  } catch (e) {
    fail(e instanceof InputError ? e.message : `could not read ${file}: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
  }
}

main(process.argv.slice(2));
