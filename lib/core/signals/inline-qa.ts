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
