// Phrase tables compiled into patterns (HOUSE_STYLE habit 3). No other imports: the content
// script's pre-check uses this, and must not pull in the clause layer.

/** A graduate medical education office named (a page title, a URL's words): "… | Graduate Medical Education | …", "GME". */
export const GME_OFFICE = /\bgraduate medical education\b|\bgme\b/i;

/** Builds one case-insensitive alternation from a phrase table, longest first ("h1b" before "h1"). */
export function alternation(phrases: readonly string[]): string {
  return [...new Set(phrases)]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]+'))
    .join('|');
}
