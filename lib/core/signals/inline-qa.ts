import { isPlaceholder } from '../freida';
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

// "Criterion | Minimum | Preferred" tables: a row such as "Exam attempts | No more than one failed
// attempt | All Steps passed on the first attempt" states a requirement and a wish, and read as one
// line the wish would count as the rule. Each row becomes its label and the required cell, with the
// wish after a semicolon ("…; Preferred: all Steps passed on the first attempt"), its own clause that
// the clause layer marks as a preference. In place: block indices stay the same.
const REQUIRED_COLUMN = /^(?:minimum|minimums|min\.?|required|requirements?|must have|threshold|cut-?off)\b/i;
const PREFERRED_COLUMN = /^(?:preferred|desired|desirable|ideal|ideally|competitive|recommended|strong(?:er)? (?:applicants?|candidates?))\b/i;
// Columns of what residents had ("Mean of current PGY-1 class", "Average", "Median"): statistics, dropped.
const STATISTIC_COLUMN = /^(?:mean|average|median|typical|range|class (?:mean|average|median)|(?:our |current )?(?:residents|interns|class)|matched)\b/i;
// An empty cell: FREIDA-style placeholders ("–", "N/A", "Not available") or "None".
const emptyCell = (cell: string) => isPlaceholder(cell) || /^none\.?$/i.test(cell);

export function criteriaColumns(page: PageText): PageText {
  const blocks = page.blocks;
  let out: Block[] | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const head = blocks[i]!;
    if (head.kind !== 'table-row' || head.chrome) continue;
    const cols = head.text.split(' | ');
    if (cols.length < 3) continue;
    const req = cols.findIndex((c, k) => k > 0 && REQUIRED_COLUMN.test(c.trim()));
    const pref = cols.findIndex((c, k) => k > 0 && PREFERRED_COLUMN.test(c.trim()));
    // Every other column a wish or a statistic ("Examination | Minimum required | Mean of current class").
    const others = cols.every((c, k) => k === 0 || k === req || k === pref || STATISTIC_COLUMN.test(c.trim()));
    if (req < 0 || (pref < 0 && !others) || !others) continue;
    let j = i + 1;
    for (; j < blocks.length; j++) {
      const row = blocks[j]!;
      if (row.kind !== 'table-row') break;
      const cells = row.text.split(' | ');
      if (cells.length !== cols.length) break;
      const must = cells[req]!.trim();
      const wish = pref < 0 ? '' : cells[pref]!.trim();
      const value = emptyCell(wish) ? must : emptyCell(must) ? `Preferred: ${wish}` : `${must.replace(/[.;]$/, '')}; Preferred: ${wish}`;
      out ??= [...blocks];
      out[j] = { ...row, kind: 'label-value', prompt: cells[0]!.trim(), text: value };
    }
    i = j - 1;
  }
  return out ? { ...page, blocks: out } : page;
}
