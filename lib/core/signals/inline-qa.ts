import type { Block, PageText } from '../page-text';

// "Q: Does your program sponsor H1B visas? A: No." written in one paragraph (the question and the
// answer split only by a <br>): the reader sees one paragraph, but the bare "No" answers the question
// before it. Such blocks become question→answer pairs here, in place (block indices, and so the
// evidence's way back to the page, stay the same).

const INLINE_QA = /^(?:Q|Question)\s*\d{0,3}\s*[.:)]\s*([^?]{3,300}\?)["'”’)\]]*\s*(?:A|Ans|Answer)\s*[.:)]\s*(\S[\s\S]*)$/;

function split(b: Block): Block {
  if ((b.kind !== 'paragraph' && b.kind !== 'list-item') || b.text.charCodeAt(0) !== 81 /* Q */) return b;
  const m = INLINE_QA.exec(b.text);
  return m ? { ...b, kind: 'qa', prompt: m[1]!.trim(), text: m[2]!.trim() } : b;
}

export function splitInlineAnswers(page: PageText): PageText {
  let changed = false;
  const blocks = page.blocks.map((b) => {
    const s = split(b);
    if (s !== b) changed = true;
    return s;
  });
  return changed ? { ...page, blocks } : page;
}

// "<div class=field><div class=field__label>Clinical experience in the U.S.</div><div
// class=field__item>Recommended…</div></div>" (a common CMS layout): the reader sees two paragraphs,
// one short, alone together in their wrapper. They are a label and its value.
const MAX_LABEL_CHARS = 50;
const MAX_LABEL_WORDS = 7;

const sameParent = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.length > 0 && a.every((x, i) => i === a.length - 1 || x === b[i]);

function isLabel(b: Block): boolean {
  if (b.kind !== 'paragraph' || b.chrome || b.text.length > MAX_LABEL_CHARS || /[?!:]$|: /.test(b.text)) return false;
  return b.text.split(/\s+/).length <= MAX_LABEL_WORDS;
}

export function pairLabelItems(page: PageText): PageText {
  const blocks = page.blocks;
  let out: Block[] | null = null;
  for (let i = 0; i + 1 < blocks.length; i++) {
    const a = blocks[i]!;
    const b = blocks[i + 1]!;
    if (!isLabel(a) || b.kind !== 'paragraph' || b.chrome) continue;
    if (a.locator[a.locator.length - 1] !== 0 || b.locator[b.locator.length - 1] !== 1 || !sameParent(a.locator, b.locator)) continue;
    const c = blocks[i + 2];
    if (c && c.locator.length >= a.locator.length && sameParent(a.locator, c.locator.slice(0, a.locator.length))) continue;
    out ??= [...blocks];
    // The value takes the label as its prompt; the label block stays (indices do not move).
    out[i + 1] = { ...b, kind: 'label-value', prompt: a.text };
  }
  return out ? { ...page, blocks: out } : page;
}
