import { QUESTION_END, type Block, type BlockKind, type Locator, type PageText } from '../core/page-text';

// Document → PageText in one iterative TreeWalker pass. Text comes from text nodes' `data`, never
// innerText or computed style: innerText forces layout and skips collapsed accordion answers, which
// FAQ pages hide. Each element is examined once, on entry; a stack of open elements (one reusable
// frame per depth) carries the block context, chrome/drop flags and the locator, so no text node
// climbs its ancestors and nothing recurses (a 10,000-deep page is fine).
//
// Blocks are emitted in document order while walking; a second, cheap pass over the blocks assigns
// sections and pairs free-standing questions (a "…?" heading or paragraph, "Q. …", "4. What …?")
// with the blocks that answer them. Structural pairs (<details>, <dl>, a bold lead question) are
// made during the walk.

const MAX_BLOCKS = 20_000;
const MAX_TEXT = 5_000;
/** Deeper blocks point at their ancestor at this depth, which still contains the text. */
const MAX_LOCATOR_DEPTH = 256;
const MAX_LABEL = 80;
const MAX_QUESTION = 300;
const MAX_PRECHECK_HEADINGS = 20;
const MAX_PRECHECK_HEADING_CHARS = 200;

// NodeFilter constants, inlined so the module never needs a NodeFilter global.
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
/** Children of one parent before it is read by index instead of by walker steps. */
const WIDE = 256;

const enum T {
  Inline,
  Bold, // inline, but a bold lead ("<strong>Do you sponsor visas?</strong> Yes") pairs with the rest
  Small, // inline, except as a direct child of a container (FREIDA's "<small>Yonkers, NY</small>" header)
  Br,
  Drop,
  Container, // div-like: may be a banner (role, or a cookie/consent class or id)
  Block,
  Sectioning, // main/article/section: a header or footer inside is not site chrome
  Chrome, // nav, aside
  Landmark, // header, footer
  Heading,
  Li,
  Table,
  Tr,
  Cell,
  Dl,
  Dt,
  Dd,
  Details,
  Summary,
}

const TAGS = new Map<string, T>();
const tag = (t: T, names: string) => names.split(' ').forEach((n) => TAGS.set(n, t));
tag(T.Bold, 'b strong');
tag(T.Small, 'small');
tag(T.Br, 'br');
// Not page text: code, styles, inert templates, fallback content, and <select> option lists (a list
// of fifty states would read as a mention of each).
tag(T.Drop, 'script style template noscript svg head iframe object embed canvas video audio select datalist textarea');
tag(T.Container, 'body div dialog form menu ol ul search');
tag(T.Block, 'html address blockquote center fieldset figure figcaption hgroup hr legend p pre caption');
tag(T.Sectioning, 'main article section');
tag(T.Chrome, 'nav aside');
tag(T.Landmark, 'header footer');
tag(T.Heading, 'h1 h2 h3 h4 h5 h6');
tag(T.Li, 'li');
tag(T.Table, 'table thead tbody tfoot');
tag(T.Tr, 'tr');
tag(T.Cell, 'td th');
tag(T.Dl, 'dl');
tag(T.Dt, 'dt');
tag(T.Dd, 'dd');
tag(T.Details, 'details');
tag(T.Summary, 'summary');

const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo']);
const CHROME_NAME = /cookie|consent|gdpr/i;
const SKIP_LINK = /^skip to (?:the )?(?:main )?(?:content|navigation|main)\b/i;
const NUMBERING = /^\(?\d{1,3}[.)]\s+/;
const Q_MARK = /^(?:Q|Question)\s*\d{0,3}\s*[.:)]\s*/;
const A_MARK = /^(?:A|Ans|Answer)\s*[.:)]\s*/;
const QA_LETTER = /^[QA]\d*$/i;

/** Anything collapse() would change: a space other than U+0020, two spaces, a space at either end. */
const UNCLEAN = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/;

/**
 * Collapses whitespace runs to one space and trims (JavaScript's \s set). Most page text is already
 * clean and is returned as is after one native scan; the rest is rebuilt by hand, about twice as
 * fast as replace(/\s+/g).
 */
function collapse(s: string): string {
  if (!UNCLEAN.test(s)) return s;
  const n = s.length;
  let i = 0;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  let start = i;
  let out = '';
  while (i < n) {
    const c = s.charCodeAt(i);
    if ((c > 32 && c < 160) || !isSpace(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isSpace(s.charCodeAt(j))) j++;
    if (j === n) return out + s.slice(start, i);
    if (j - i > 1 || c !== 32) {
      out += s.slice(start, i) + ' ';
      start = j;
    }
    i = j;
  }
  return out + s.slice(start);
}

/** Whitespace-only text (the newlines between tags) starts no block. */
function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

/** JavaScript's \s: tab to carriage return, space, nbsp, the Unicode spaces, line separators, BOM. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c >= 160 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

function makeBlock(kind: BlockKind, text: string, prompt: string | undefined, level: number, chrome: boolean, locator: Locator): Block {
  const b: Block = { kind, text, chrome, locator };
  if (prompt !== undefined) b.prompt = prompt;
  if (kind === 'heading') b.level = level;
  return b;
}

/** A structure whose text is also needed whole: a table cell, a <summary> or a <dt>. */
interface Collector {
  parts: string[];
  nested: number;
  len: number;
  /** Holds headings, tables or Q&A: a layout cell, whose blocks stay blocks. */
  structural: boolean;
  parent: Collector | null;
  th: boolean;
  /** Lines of its own text ended at a <br> (see splitsAtBreak). */
  breaks: number;
}

/** <details> or <dl>: blocks inside its answer part become qa with this prompt. */
interface QaHost {
  prompt: string;
  answered: boolean;
}

interface Row {
  slot: number;
  cells: Collector[];
}

class Frame {
  el: Node;
  t: T;
  idx: number;
  kids = 0;
  /** Child nodes seen (text and elements): past WIDE, its children are read by index. */
  seen = 0;
  wide = false;
  depth: number;
  /** Nearest open block context (this frame when it is one). */
  ctx: Frame;
  drop: boolean;
  chrome: boolean;
  sectioning: boolean;
  /** Inside <main>: no banner lives there, so no attribute is read for one. */
  inMain: boolean;
  inPrompt: boolean;
  qa: QaHost | null;
  collect: Collector | null;
  /** Collector around the nearest enclosing table: where a finished row reports its text. */
  tableOuter: Collector | null;
  row: Row | null;
  // Block-context state (used when ctx === this).
  kind: BlockKind = 'paragraph';
  level = 0;
  /** Pending inline text; only block contexts write here (inline frames use their ctx's). */
  text = '';
  hasText = false;
  afterEl = false;
  leadEnd = -1;
  /** Where the line after the last <br> starts in `text` (-1: no <br> yet). */
  lineAt = -1;
  isLead = false;
  own: Collector | null = null;

  constructor(depth: number) {
    this.el = null as unknown as Node;
    this.t = T.Block;
    this.idx = 0;
    this.depth = depth;
    this.ctx = this;
    this.drop = this.chrome = this.sectioning = this.inMain = this.inPrompt = false;
    this.qa = this.collect = this.tableOuter = null;
    this.row = null;
  }

  /** Frames are reused per depth (one allocation per level, not per element). */
  reset(el: Node, t: T, idx: number, parent: Frame): void {
    this.el = el;
    this.t = t;
    this.idx = idx;
    this.kids = 0;
    this.seen = 0;
    this.wide = false;
    this.ctx = parent.ctx;
    this.drop = parent.drop;
    this.chrome = parent.chrome;
    this.sectioning = parent.sectioning;
    this.inMain = parent.inMain;
    this.inPrompt = parent.inPrompt;
    this.qa = parent.qa;
    this.collect = parent.collect;
    this.tableOuter = parent.tableOuter;
    this.row = parent.row;
    this.isLead = false;
  }

  /** Fresh block-context state, for frames that open a block. */
  open(): void {
    this.ctx = this;
    this.text = '';
    this.kind = 'paragraph';
    this.level = 0;
    this.hasText = false;
    this.afterEl = false;
    this.leadEnd = -1;
    this.lineAt = -1;
    this.own = null;
  }
}

const newCollector = (parent: Collector | null, th = false): Collector => ({
  parts: [],
  nested: 0,
  len: 0,
  structural: false,
  parent,
  th,
  breaks: 0,
});

function isChromeElement(el: Element, t: T, f: Frame): boolean {
  if (t === T.Chrome) return true;
  if (t === T.Landmark && !f.sectioning) return true;
  if (f.inMain || !el.hasAttributes()) return false;
  const role = el.getAttribute('role');
  if (role && CHROME_ROLES.has(role.toLowerCase())) return true;
  const id = el.getAttribute('id');
  if (id && CHROME_NAME.test(id)) return true;
  const cls = el.getAttribute('class');
  return !!cls && CHROME_NAME.test(cls);
}

/** Splits collapsed text longer than MAX_TEXT at spaces, so nothing is lost and no block is huge. */
function chunks(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (text.length - start > MAX_TEXT) {
    let cut = text.lastIndexOf(' ', start + MAX_TEXT);
    if (cut <= start + MAX_TEXT / 2) cut = start + MAX_TEXT;
    out.push(text.slice(start, cut));
    start = text.charCodeAt(cut) === 32 ? cut + 1 : cut;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

const BULLET_CHARS = '-–—•·*■□▪▫►▸◆◇●○✓✔';
// A line opening with a bullet, a dash or a number: "- Step 2 CK: 230+", "• YOG 2018+", "3) …".
const BULLET = new RegExp(`^\\s*(?:[${BULLET_CHARS}]|\\d{1,2}[.)])\\s`);
// A table cell holding only a bullet or a number: the row is a list item.
const ROW_BULLET = new RegExp(`^(?:[${BULLET_CHARS}]|\\d{1,2}[.)]?)$`);
// A line ending a sentence (not "?": a question keeps its answer; not ":": a label keeps its value).
const LINE_END = /[.!;]["'”’)\]]*\s*$/;

/** Paragraphs and list items are split into lines at <br> (headings, cells' rows and prompts are not). */
const takesLines = (ctx: Frame) => ctx.kind === 'paragraph' || ctx.kind === 'list-item';

function splitsAtBreak(ctx: Frame): boolean {
  if (!takesLines(ctx)) return false;
  const line = ctx.text.slice(Math.max(ctx.lineAt, 0));
  return LINE_END.test(line) || BULLET.test(line);
}

class Reader {
  /** Blocks in document order; null marks a row slot that ended up empty. */
  readonly blocks: (Block | null)[] = [];
  /** Per block: inside a <summary> or <dt>, so already paired and not a free-standing question. */
  readonly inPrompt: boolean[] = [];
  readonly stack: Frame[] = [];
  readonly prefix: Locator;
  full = false;

  constructor(prefix: Locator) {
    this.prefix = prefix;
  }

  locator(depth: number): Locator {
    const loc = this.prefix.slice();
    const n = Math.min(depth, MAX_LOCATOR_DEPTH);
    for (let i = 1; i <= n; i++) loc.push(this.stack[i]!.idx);
    return loc;
  }

  /** Records a finished block: chrome, structural qa, collectors, size caps. */
  emit(f: Frame, kind: BlockKind, text: string, prompt?: string, slot = -1): void {
    const chrome = f.chrome || (text.length < 40 && (text.charCodeAt(0) | 32) === 115 && SKIP_LINK.test(text));
    if ((kind === 'paragraph' || kind === 'list-item') && !prompt && f.qa && f.qa.prompt && !f.inPrompt) {
      kind = 'qa';
      prompt = f.qa.prompt;
      f.qa.answered = true;
    }
    const structural = kind === 'heading' || kind === 'table-row' || kind === 'label-value' || kind === 'qa';
    for (let c = slot >= 0 ? f.tableOuter : f.collect; c; c = c.parent) {
      c.parts.push(text);
      c.nested++;
      c.len += text.length;
      if (structural) c.structural = true;
    }
    const locator = this.locator(f.depth);
    if (slot >= 0) {
      this.blocks[slot] = makeBlock(kind, text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text, prompt, f.level, chrome, locator);
      this.inPrompt[slot] = f.inPrompt;
      return;
    }
    if (text.length <= MAX_TEXT) {
      this.push(makeBlock(kind, text, prompt, f.level, chrome, locator), f.inPrompt);
      return;
    }
    for (const part of chunks(text)) this.push(makeBlock(kind, part, prompt, f.level, chrome, locator), f.inPrompt);
  }

  push(b: Block, inPrompt: boolean): void {
    if (this.blocks.length >= MAX_BLOCKS) {
      this.full = true;
      return;
    }
    this.blocks.push(b);
    this.inPrompt.push(inPrompt);
  }

  /** Turns a context's pending inline text into a block (also the run before a nested block). */
  flush(f: Frame): void {
    const raw = f.text;
    if (raw === '') return;
    const leadEnd = f.leadEnd;
    const lead = leadEnd > 0 && leadEnd < raw.length ? collapse(raw.slice(0, leadEnd)) : '';
    f.text = '';
    f.hasText = false;
    f.afterEl = false;
    f.leadEnd = -1;
    f.lineAt = -1;
    const text = collapse(raw);
    if (!text) return;
    // A bold lead pairs with the rest of its paragraph or item; not in cells (the row pairs those),
    // prompts, or answers that already carry their question.
    if (lead && (f.kind === 'paragraph' || f.kind === 'list-item') && f.t !== T.Cell && !(f.qa && f.qa.prompt) && !f.inPrompt) {
      const rest = text.slice(lead.length).trim();
      if (rest && text.startsWith(lead)) {
        if (QUESTION_END.test(lead)) return this.emit(f, 'qa', rest, lead);
        const label = lead.endsWith(':') ? lead.slice(0, -1).trim() : '';
        if (label && label.length <= MAX_LABEL && !QA_LETTER.test(label)) return this.emit(f, 'label-value', rest, label);
      }
    }
    this.emit(f, f.kind, text);
  }

  enter(el: Element, parent: Frame): Frame {
    const name = el.localName;
    let t = TAGS.get(name);
    if (t === undefined) t = name.includes('-') ? T.Container : T.Inline; // Angular/web components wrap blocks
    const depth = parent.depth + 1;
    const f = this.stack[depth] ?? (this.stack[depth] = new Frame(depth));
    f.reset(el, t, parent.kids++, parent);
    if (t === T.Drop) {
      f.drop = true;
      return f;
    }
    if (t === T.Small && parent.ctx === parent && (parent.t === T.Container || parent.t === T.Sectioning || parent.t === T.Chrome || parent.t === T.Landmark)) {
      t = T.Block;
    }
    if (t === T.Inline || t === T.Bold || t === T.Small || t === T.Br) {
      const ctx = parent.ctx;
      if (t === T.Br) {
        if (ctx.hasText) {
          // Old sites write whole pages as lines in one paragraph ("- YOG 2018+<br>- Step 2 CK:
          // 230+<br>…"): a line that ends a sentence, or a bulleted line, ends a block of its own
          // (same element, same locator). Other breaks are spaces: a sentence may wrap, and a bold
          // question keeps its answer ("<b>Do you sponsor visas?</b><br>No."). In a data table's cell
          // the lines fold back into the row; a layout table's cell (a page laid out in one) keeps them.
          if (splitsAtBreak(ctx)) {
            if (ctx.own) ctx.own.breaks++;
            this.flush(ctx);
          } else {
            ctx.text += ' ';
            ctx.lineAt = ctx.text.length;
          }
        }
      } else if (ctx.hasText && ctx.afterEl) {
        // Two sibling elements with no text between them (flex rows of spans): keep the words apart.
        ctx.text += ' ';
        ctx.afterEl = false;
      }
      if (t === T.Bold && !ctx.hasText && ctx.leadEnd < 0 && (ctx.kind === 'paragraph' || ctx.kind === 'list-item')) f.isLead = true;
      return f;
    }

    // A block starts: the enclosing context's text so far becomes its own block.
    this.flush(parent.ctx);
    f.open();
    // Banners are containers; paragraphs, rows, cells, items and headings are not worth an attribute read.
    if (!f.chrome && t <= T.Landmark && t !== T.Block) f.chrome = isChromeElement(el, t, f);
    switch (t) {
      case T.Sectioning:
        f.sectioning = true;
        if (name === 'main') f.inMain = true;
        break;
      case T.Heading:
        f.kind = 'heading';
        f.level = name.charCodeAt(1) - 48;
        break;
      case T.Li:
        f.kind = 'list-item';
        break;
      case T.Table:
        if (name === 'table') {
          f.tableOuter = f.collect;
          f.collect = null;
          f.row = null;
        }
        break;
      case T.Tr:
        f.row = { slot: this.blocks.length, cells: [] };
        this.blocks.push(null);
        this.inPrompt.push(false);
        if (this.blocks.length >= MAX_BLOCKS) this.full = true;
        break;
      case T.Cell:
        if (f.row && parent.t === T.Tr) {
          f.own = newCollector(null, name === 'th');
          f.collect = f.own;
          f.row.cells.push(f.own);
        }
        break;
      case T.Details:
      case T.Dl:
        f.qa = { prompt: '', answered: false };
        break;
      case T.Summary:
      case T.Dt:
        f.own = newCollector(f.collect);
        f.collect = f.own;
        f.inPrompt = true;
        if (t === T.Dt && f.qa && f.qa.answered) {
          f.qa.prompt = '';
          f.qa.answered = false;
        }
        break;
      case T.Dd:
        if (f.qa) f.qa.answered = true;
        break;
    }
    return f;
  }

  exit(f: Frame): void {
    if (f.ctx !== f) {
      if (f.drop) return;
      if (f.isLead) f.ctx.leadEnd = f.ctx.text.length;
      f.ctx.afterEl = true;
      return;
    }
    if (f.t === T.Cell && f.own) {
      const c = f.own;
      if (c.nested === 0) {
        const text = collapse(f.text);
        f.text = '';
        if (text) c.parts.push(text);
        return;
      }
    }
    this.flush(f);
    if ((f.t === T.Summary || f.t === T.Dt) && f.own && f.qa) {
      const text = collapse(f.own.parts.join(' '));
      if (text) f.qa.prompt = f.qa.prompt && f.t === T.Dt ? `${f.qa.prompt} / ${text}` : text;
    } else if (f.t === T.Tr && f.row) {
      this.finishRow(f, f.row);
    }
  }

  /** A table row: one block, label-value for a two-cell data row, or a layout row left as blocks. */
  finishRow(f: Frame, row: Row): void {
    const cells = row.cells;
    let layout = false;
    for (const c of cells) if (c.structural || c.nested > 6 || c.len > 1500) layout = true;
    // One cell whose lines were read as blocks: a page laid out in a one-cell table.
    if (cells.length === 1 && cells[0]!.breaks > 0) layout = true;
    const texts: string[] = [];
    if (!layout) {
      // Data row: blocks from inside its cells (<td><p>No</p></td>) fold back into the row.
      this.blocks.length = row.slot + 1;
      this.inPrompt.length = row.slot + 1;
      this.full = false;
      for (const c of cells) texts.push(c.nested ? collapse(c.parts.join(' ')) : (c.parts[0] ?? ''));
      const [a, b] = texts;
      // A list laid out as a table: a bullet or a number in the first cell, the item in the second.
      if (cells.length === 2 && a && b && ROW_BULLET.test(a)) {
        this.emit(f, 'list-item', b, undefined, row.slot);
        return;
      }
      if (cells.length === 2 && a && b && a.length <= MAX_LABEL && !(cells[0]!.th && cells[1]!.th)) {
        this.emit(f, 'label-value', b, a, row.slot);
        return;
      }
    } else {
      // Layout row (a page laid out in a table): cells holding only inline text form the row.
      for (const c of cells) if (c.nested === 0) texts.push(c.parts[0] ?? '');
    }
    const text = texts.filter(Boolean).join(' | ');
    if (text) this.emit(f, 'table-row', text, undefined, row.slot);
  }

  walk(doc: Document, root: Element): void {
    const stack = this.stack;
    const rootFrame = new Frame(0);
    rootFrame.el = root;
    rootFrame.t = T.Container;
    stack[0] = rootFrame;
    let src = new Source(doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT), null, 0);
    const sources: Source[] = [src];
    let top = rootFrame;
    while (!this.full) {
      const walker = src.walker;
      let node: Node | null;
      if (walker === null) node = src.idx < src.list!.length ? src.list![src.idx++]! : null;
      else if (src.skip) {
        src.skip = false;
        node = nextAfterSubtree(walker);
      } else node = walker.nextNode();
      if (node === null) {
        sources.pop();
        if (sources.length === 0) break;
        src = sources[sources.length - 1]!;
        continue;
      }
      const parent = node.parentNode;
      // Close the elements this node is no longer inside (exit runs while the frame is still on the
      // stack: a closing row needs its own locator).
      while (top.el !== parent && top.depth > 0) {
        this.exit(top);
        top = stack[top.depth - 1]!;
      }
      if (++top.seen > WIDE && !top.wide && walker !== null) {
        // Tens of thousands of siblings: a walker steps to a next sibling by searching the parent's
        // child list in some DOMs (happy-dom), which is quadratic. Read this parent's remaining
        // children by index, and resume the walker after its subtree.
        top.wide = true;
        const list = (top.el as Element).childNodes;
        const at = Array.prototype.indexOf.call(list, node);
        if (at >= 0) {
          walker.currentNode = top.el;
          src.skip = true;
          src = new Source(null, list, at + 1);
          sources.push(src);
        }
      }
      const type = node.nodeType;
      if (type === TEXT_NODE) {
        if (!top.drop) {
          const data = (node as Text).data;
          const ctx = top.ctx;
          if (ctx.hasText) {
            // The line after a <br> opens with a bullet: the lines before it were a block.
            if (ctx.lineAt === ctx.text.length && BULLET.test(data) && takesLines(ctx)) {
              if (ctx.own) ctx.own.breaks++;
              this.flush(ctx);
              ctx.hasText = true;
              ctx.text = data;
            } else ctx.text += data;
            ctx.afterEl = false;
          } else if (!isBlank(data)) {
            ctx.hasText = true;
            ctx.afterEl = false;
            ctx.text = data;
          }
        }
        continue;
      }
      if (type !== ELEMENT_NODE) continue; // comments, from a wide parent's child list
      top = this.enter(node as Element, top);
      if (top.drop) {
        // Skip the subtree: script bodies, svg paths and option lists are never read.
        if (src.walker) src.skip = true;
      } else if (src.walker === null && node.firstChild) {
        src = new Source(doc.createTreeWalker(node, SHOW_ELEMENT | SHOW_TEXT), null, 0);
        sources.push(src);
      }
    }
    for (;;) {
      this.exit(top);
      if (top.depth === 0) break;
      top = stack[top.depth - 1]!;
    }
  }
}

/** Where the next node comes from: a TreeWalker over a subtree, or a wide parent's child list. */
class Source {
  skip = false;
  constructor(
    readonly walker: TreeWalker | null,
    readonly list: NodeListOf<ChildNode> | null,
    public idx: number,
  ) {}
}

/** The walker's next node outside the current node's subtree, or null past the walker's root. */
function nextAfterSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const s = walker.nextSibling();
    if (s) return s;
    if (!walker.parentNode()) return null;
  }
}

/** Sections and free-standing question→answer pairs, over the blocks in document order. */
function finish(blocks: readonly (Block | null)[], inPrompt: readonly boolean[]): Block[] {
  const out: Block[] = [];
  let section: string | undefined;
  let q: { prompt: string; chrome: boolean; scope: Locator | null; marked: boolean } | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (!b) continue;
    const kind = b.kind;
    const text = b.text;
    if (kind === 'heading') {
      q = !inPrompt[i] && isQuestion(text) ? { prompt: text.replace(NUMBERING, ''), chrome: b.chrome, scope: null, marked: false } : null;
    } else if (kind === 'paragraph' || kind === 'list-item') {
      const marked = text.charCodeAt(0) === 81 /* Q */ && Q_MARK.test(text);
      if (inPrompt[i]) {
        q = null;
      } else if (marked || isQuestion(text)) {
        // The question stays a block of its own; the blocks after it answer it.
        const p = marked ? text.replace(Q_MARK, '') : text.replace(NUMBERING, '');
        q = p ? { prompt: p, chrome: b.chrome, scope: kind === 'list-item' ? b.locator : null, marked } : null;
      } else if (q && q.chrome === b.chrome && (!q.scope || isWithin(b.locator, q.scope))) {
        const answer = q.marked ? text.replace(A_MARK, '') : text;
        if (answer) {
          b.kind = 'qa';
          b.prompt = q.prompt;
          b.text = answer;
        }
      } else {
        q = null;
      }
    } else if (kind === 'qa') {
      q = null;
    }
    if (section !== undefined) b.section = section;
    if (kind === 'heading') section = text;
    out.push(b);
  }
  return out;
}

function isQuestion(text: string): boolean {
  if (text.length > MAX_QUESTION) return false;
  const last = text.charCodeAt(text.length - 1);
  return last === 63 /* ? */ || (last !== 46 /* . */ && QUESTION_END.test(text));
}

function isWithin(loc: Locator, scope: Locator): boolean {
  if (loc.length <= scope.length) return false;
  for (let i = 0; i < scope.length; i++) if (loc[i] !== scope[i]) return false;
  return true;
}

function docUrl(doc: Document, url: string | undefined): string {
  if (url !== undefined) return url;
  try {
    return doc.location?.href ?? '';
  } catch {
    return '';
  }
}

/**
 * Title and description from <head>'s own children (where parsing always puts them; never an svg
 * <title> from the body). One pass over a handful of elements, no query.
 */
function readHead(doc: Document): { title: string; description?: string } {
  const out: { title: string; description?: string } = { title: '' };
  let titleSeen = false;
  for (let el = doc.head?.firstElementChild ?? null; el; el = el.nextElementSibling) {
    const name = el.localName;
    if (name === 'title' && !titleSeen) {
      titleSeen = true;
      out.title = collapse(el.textContent ?? '');
    } else if (name === 'meta' && out.description === undefined && (el.getAttribute('name') ?? '').toLowerCase() === 'description') {
      const d = collapse(el.getAttribute('content') ?? '');
      if (d) out.description = d;
    }
  }
  return out;
}

/** Runs one part of the read; a part that throws leaves its default and the others still run. */
function guard<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** Index path from <html>; [] when el is <html> itself. */
function locatorOf(el: Element): Locator {
  const path: number[] = [];
  for (let e: Element | null = el; e && e.parentElement; e = e.parentElement) {
    path.push(Array.prototype.indexOf.call(e.parentElement.children, e));
  }
  return path.reverse();
}

/** Reads the whole page into ordered text blocks. Never throws: returns what was read so far. */
export function readPageText(doc: Document, url?: string): PageText {
  const head = guard(() => readHead(doc), { title: '' });
  const page: PageText = { url: guard(() => docUrl(doc, url), url ?? ''), title: head.title, blocks: [] };
  if (head.description) page.description = head.description;
  const ngState = guard(() => {
    const ng = doc.getElementById('ng-state');
    return ng && ng.localName === 'script' ? (ng.textContent ?? undefined) : undefined;
  }, undefined);
  if (ngState) page.ngState = ngState;
  let reader: Reader | null = null;
  try {
    const root = doc.body ?? doc.documentElement;
    if (root) {
      reader = new Reader(root === doc.documentElement ? [] : locatorOf(root));
      reader.walk(doc, root);
    }
  } catch {
    // A hostile or half-built DOM: keep the blocks already read.
  }
  if (reader) {
    const r = reader;
    page.blocks = guard(() => finish(r.blocks, r.inPrompt), []);
  }
  return page;
}

/**
 * The cheap look run on every page: URL, title and the first h1/h2 headings. Touches only those
 * elements (getElementsByTagName), never the body's text.
 */
export function readPrecheckInput(doc: Document, url?: string): { url: string; title: string; headings: string[] } {
  const out = { url: '', title: '', headings: [] as string[] };
  try {
    out.url = docUrl(doc, url);
    out.title = readHead(doc).title;
    for (const name of ['h1', 'h2']) {
      const list = doc.getElementsByTagName(name);
      for (let i = 0; i < list.length && out.headings.length < MAX_PRECHECK_HEADINGS; i++) {
        const raw = list[i]!.textContent ?? '';
        const text = collapse(raw.length > 4 * MAX_PRECHECK_HEADING_CHARS ? raw.slice(0, 4 * MAX_PRECHECK_HEADING_CHARS) : raw);
        if (text) out.headings.push(text.slice(0, MAX_PRECHECK_HEADING_CHARS));
      }
    }
  } catch {
    // Never block the page over a pre-check.
  }
  return out;
}

/** The element a block's locator points at, or null when the page has changed since. */
export function resolveLocator(doc: Document, locator: Locator): Element | null {
  let el: Element | null = doc.documentElement;
  for (const i of locator) {
    if (!el) return null;
    el = el.children[i] ?? null;
  }
  return el;
}
