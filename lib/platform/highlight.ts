import type { Block } from '@/lib/core/page-text';
import { resolveLocator } from './page-text';

// "Show on page": find the quoted sentence on the live page, scroll to it and highlight it with the
// CSS Custom Highlight API, which paints a Range without changing the page's DOM. The highlight's
// style goes in an adopted stylesheet (no <style> element is added either).

const NAME = 'smartpick-evidence';
let sheetAdded = false;

function ensureStyle(doc: Document) {
  if (sheetAdded) return;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`::highlight(${NAME}) { background-color: #ffd54a; color: #111; }`);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    sheetAdded = true;
  } catch {
    /* very old engines: the selection fallback below still shows the sentence */
  }
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A Range over `quote` inside `root` (whitespace-insensitive), or null. */
export function findQuote(root: Node, quote: string): Range | null {
  const want = squash(quote).slice(0, 200);
  if (!want) return null;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    starts.push(text.length);
    nodes.push(t);
    text += t.data;
  }
  // Map squashed offsets back to raw offsets.
  const raw: number[] = [];
  let sq = '';
  for (let i = 0; i < text.length; i++) {
    const ch = /\s/.test(text[i]!) ? ' ' : text[i]!;
    if (ch === ' ' && (sq.length === 0 || sq.endsWith(' '))) continue;
    sq += ch;
    raw.push(i);
  }
  const at = sq.indexOf(want);
  if (at < 0) return null;
  const from = raw[at]!;
  const to = raw[at + want.length - 1]! + 1;
  const locate = (offset: number) => {
    let k = starts.length - 1;
    while (k > 0 && starts[k]! > offset) k--;
    return { node: nodes[k]!, offset: offset - starts[k]! };
  };
  const a = locate(from);
  const b = locate(to - 1);
  const range = doc.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset + 1);
  return range;
}

/** The whole of an element's text, for quotes the page splits across cells ("Minimum score" | "220"). */
function wholeElement(el: Element): Range {
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  return range;
}

/**
 * Collapsed FAQ answers: open them the way the user would — <details>, or the page's own toggle for
 * a hidden panel (a control whose aria-controls / data-target / href names it).
 */
function reveal(doc: Document, target: Element | null): void {
  for (let p: Element | null = target; p; p = p.parentElement) {
    if (p instanceof HTMLDetailsElement) {
      p.open = true;
      continue;
    }
    const hidden = p.hasAttribute('hidden') || (p as HTMLElement).style?.display === 'none';
    if (!hidden) continue;
    const id = p.id;
    const toggle = id
      ? doc.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(id)}"], [data-target="#${CSS.escape(id)}"], [data-bs-target="#${CSS.escape(id)}"], a[href="#${CSS.escape(id)}"]`)
      : null;
    if (toggle && toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
    // No toggle, or a toggle that did not open it: show the panel directly.
    if (p.hasAttribute('hidden')) p.removeAttribute('hidden');
    if ((p as HTMLElement).style?.display === 'none') (p as HTMLElement).style.display = '';
  }
}

export function showQuote(doc: Document, quote: string, block: Block | undefined): boolean {
  const el = block ? resolveLocator(doc, block.locator) : null;
  const range = (el && findQuote(el, quote)) || findQuote(doc.body ?? doc.documentElement, quote) || (el ? wholeElement(el) : null);
  if (!range) return false;
  const target = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
  reveal(doc, target);
  target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const highlights = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
  const HighlightCtor = (globalThis as { Highlight?: new (r: Range) => unknown }).Highlight;
  if (highlights && HighlightCtor) {
    ensureStyle(doc);
    highlights.set(NAME, new HighlightCtor(range));
  } else {
    const sel = doc.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  }
  return true;
}

export function clearQuote(): void {
  (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights?.delete(NAME);
}
