// The reader's output: what a page says, as ordered text blocks, with no DOM inside.
// lib/platform/page-text.ts builds it from a live Document; tests and the CLI build it too.

export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'list-item'
  | 'table-row'
  | 'qa' // a question paired with its answer (FAQ pages often answer with a bare "Yes")
  | 'label-value'; // "J-1 visa sponsorship through ECFMG: Yes"

/** Where a block's text lives in the DOM: child-element indices from <html> down. */
export type Locator = number[];

export interface Block {
  kind: BlockKind;
  /** The block's own text, whitespace collapsed. For qa: the answer; for label-value: the value. */
  text: string;
  /** qa: the question; label-value: the label. */
  prompt?: string;
  /** heading level 1–6 (headings only). */
  level?: number;
  /** Nearest heading above this block (its text), for context such as "Visa Sponsorship". */
  section?: string;
  /** True for nav, header, footer, aside and cookie banners: site chrome, not page content. */
  chrome: boolean;
  locator: Locator;
}

export interface PageText {
  url: string;
  title: string;
  /** <meta name="description"> content, when present. */
  description?: string;
  blocks: Block[];
  /** Raw text of <script id="ng-state" type="application/json"> (FREIDA transfer state), if present. */
  ngState?: string;
}

/** Full text of a block as a reader sees it: "question answer" / "label: value". */
/**
 * Text that ends a question: "?" with any closing quotes or brackets, and the chevron or plus an
 * accordion button may end in ("Do you sponsor visas?▾"). The reader pairs such blocks with their
 * answers; the clause layer marks them as questions (they state nothing).
 */
export const QUESTION_END = /\?["'”’)\]]*\s*[\u2190-\u21ff\u25a0-\u25ff\u2303\u2304+›»]?$/;

export function blockText(b: Block): string {
  if (b.kind === 'qa' && b.prompt) return `${b.prompt} ${b.text}`;
  if (b.kind === 'label-value' && b.prompt) return `${b.prompt}: ${b.text}`;
  return b.text;
}

/**
 * Builds a PageText from plain lines, for tests and tools. A line "Q: … A: …" or "question? || answer"
 * becomes a qa block; "# text" a heading; "label :: value" a label-value pair; "- text" a list item.
 */
export function pageTextFromLines(lines: string[], url = 'https://www.example-hospital.org/residency/faq', title = ''): PageText {
  let section: string | undefined;
  const blocks: Block[] = lines.map((raw, i) => {
    const line = raw.trim();
    const base = { chrome: false, locator: [i] as Locator, section };
    let m: RegExpMatchArray | null;
    if ((m = line.match(/^(#{1,6})\s+(.*)$/))) {
      section = m[2]!;
      return { ...base, kind: 'heading', text: m[2]!, level: m[1]!.length };
    }
    if ((m = line.match(/^Q:\s*(.*?)\s*A:\s*(.*)$/i)) || (m = line.match(/^(.*?)\s*\|\|\s*(.*)$/)))
      return { ...base, kind: 'qa', prompt: m[1]!, text: m[2]! };
    if ((m = line.match(/^(.*?)\s*::\s*(.*)$/))) return { ...base, kind: 'label-value', prompt: m[1]!, text: m[2]! };
    if ((m = line.match(/^[-•]\s+(.*)$/))) return { ...base, kind: 'list-item', text: m[1]! };
    return { ...base, kind: 'paragraph', text: line };
  });
  return { url, title, blocks };
}
