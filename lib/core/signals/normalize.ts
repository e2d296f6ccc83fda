// Text normalisation shared by every rule: one canonical spelling per term, so rules match
// "H1-B", "H-1b", "H1 B" and "H1B" with one pattern, and "U.S." / "US" / "United States" as "usa"
// (a lower-cased "us" would otherwise be the pronoun: "contact us", "join us on a J-1").

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, a: 1, an: 1, single: 1,
};

/** "five", "5", "five (5)" → 5; null when not a number word. */
export function wordNumber(s: string): number | null {
  const t = s.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  return WORD_NUMBERS[t] ?? null;
}

/** Number word alternation for patterns ("two|three|…|\d+"). */
export const NUM_WORD = String.raw`(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;

const WORD_THEN_DIGITS = /\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s*\((\d+)\)/gi;

const REPLACEMENTS: [RegExp, string][] = [
  [/[\u2018\u2019\u02bc]/g, "'"],
  [/[\u201c\u201d]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/\u2265|=>/g, '>='],
  [/\u2264|=</g, '<='],
  [/[\u00a0\u2000-\u200b\u202f]/g, ' '],
  // Country before lower-casing: "U.S.", "US", "USA", "United States (of America)".
  [/\bU\.\s?S\.(?:\s?A\.)?|\bU\.S\b|\bUSA\b|\bUS\b|\bUnited States(?: of America)?\b/g, ' usa '],
  // "five (5) years" → "5 years"
  [WORD_THEN_DIGITS, '$2'],
];

/** Canonical lower-case text: visa spellings as "j1" / "h1b", country as "usa", dashes and quotes plain. */
export function normalize(text: string): string {
  let t = text;
  for (const [re, to] of REPLACEMENTS) {
    // The "five (5)" pattern is the costly one and needs a bracket: most texts skip it.
    if (re === WORD_THEN_DIGITS && !t.includes('(')) continue;
    t = t.replace(re, to);
  }
  t = t.toLowerCase();
  // Visa spellings: J1, J-1, J 1; H1, H-1, H1B, H-1B, H1-B, H-1b, H1 B ("H1b" and "H1" mean the same visa here).
  // Not "J-1,000" or "H1.5": a digit (or a thousands comma) after the 1 means a number, not a visa.
  t = t.replace(/\bj[\s-]?1\b(?!\d|,\d)/g, 'j1');
  t = t.replace(/\bh[\s-]?1(?:[\s-]?b\b)?(?!\d|,\d)/g, 'h1b');
  t = t.replace(/\bh1b[\s-]b\b/g, 'h1b');
  // Collapse whitespace runs to one space. Same result as replace(/\s+/g, ' '), but single spaces (most
  // of the text) are not matched and rewritten one by one.
  t = t.replace(/\s\s+|[^\S ]/g, ' ').trim();
  return t;
}
