import { readFileSync, statSync } from 'node:fs';
import { Window } from 'happy-dom';

// Node-side page loading for the CLIs and the benchmark: the same lib/platform reader the extension
// runs, over a happy-dom document. Scripts are never run.

export class InputError extends Error {}

const MAX_BYTES = 50 * 1024 * 1024;

export function readHtmlFile(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new InputError(`cannot read ${file}: no such file`);
  }
  if (size > MAX_BYTES) throw new InputError(`${file} is larger than 50 MB`);
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as Error).message.split('\n')[0]}`);
  }
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) throw new InputError(`${file} is not an HTML file (binary content)`);
  const html = buf.toString('utf8');
  if (!/<[a-zA-Z!?/]/.test(html.slice(0, 65536))) throw new InputError(`${file} is not an HTML file (no markup)`);
  return html;
}

export function parseHtml(html: string, url: string): { document: Document; close: () => void } {
  const window = new Window({
    url: url || 'about:blank',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigator: { userAgent: 'SmartPick CLI' },
    },
  });
  const parser = new window.DOMParser();
  const document = parser.parseFromString(html, 'text/html') as unknown as Document;
  return { document, close: () => void window.happyDOM.abort().catch(() => {}) };
}
