// Text normalisation shared by every rule: one canonical spelling per term, so rules match
// "H1-B", "H-1b", "H1 B" and "H1B" with one pattern, and "U.S." / "US" / "United States" as "usa"
// (a lower-cased "us" would otherwise be the pronoun: "contact us", "join us on a J-1").

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, a: 1, an: 1, single: 1,
};

/** "five", "5", "five (5)" → 5; null when not a number word. */
export function wordNumber(s: string): number | null {
  const t = s.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  return WORD_NUMBERS[t] ?? null;
}

/** Number word alternation for patterns ("two|three|…|\d+"). */
export const NUM_WORD = `(?:\\d+(?:\\.\\d+)?|${Object.keys(WORD_NUMBERS).filter((w) => w.length > 2 && w !== 'single').join('|')})`;

const YRS = new RegExp(`\\b(${NUM_WORD})[\\s-]?yrs?\\b`, 'g');
const WORD_THEN_DIGITS = /\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s*\((\d+)\)/gi;

// Typography first, in this order (each pass reads the one before: "=>" then "=<" differ from one
// combined pass on "=><").
const TYPOGRAPHY: [RegExp, string][] = [
  [/[\u2018\u2019\u02bc]/g, "'"],
  [/[\u201c\u201d]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/\u2265|=>/g, '>='],
  [/\u2264|=</g, '<='],
  [/[\u00a0\u2000-\u200b\u202f]/g, ' '],
];
// Anything a TYPOGRAPHY pass would change, or whitespace the final collapse would change (a run of
// two, or any but a plain space). One test: most text has none of it, and then skips the six
// passes and the collapse (unless COUNTRY adds its spaces).
const TYPOGRAPHY_OR_SPACING = /[\u2018\u2019\u02bc\u201c\u201d\u2010-\u2015\u2212\u2265\u2264\u00a0\u2000-\u200b\u202f]|=[<>]|\s\s|[^\S ]/;
// Country before lower-casing: "U.S.", "US", "USA", "United States (of America)".
const COUNTRY = /\bU\.\s?S\.(?:\s?A\.)?|\bU\.S\b|\bUSA\b|\bUS\b|\bUnited States(?: of America)?\b/g;
// Every "five (5)" match holds a bracketed number: a literal-led test that most texts fail, in front
// of the costly case-insensitive alternation.
const BRACKETED_NUMBER = /\(\d+\)/;
// Visa spellings: J1, J-1, J 1; H1, H-1, H1B, H-1B, H1-B, H-1b, H1 B ("H1b" and "H1" mean the same visa here).
// Not "J-1,000" or "H1.5": a digit (or a thousands comma) after the 1 means a number, not a visa.
const J1 = /\bj[\s-]?1\b(?!\d|,\d)/g;
const H1B = /\bh[\s-]?1(?:[\s-]?b\b)?(?!\d|,\d)/g;
const H1B_B = /\bh1b[\s-]b\b/g;
// What each of the three visa patterns needs: a "j" or "h", at most a space or hyphen, then "1".
const VISA_SPELLING = /[jh][\s-]?1/;
// Collapse whitespace runs to one space. Same result as replace(/\s+/g, ' '), but single spaces (most
// of the text) are not matched and rewritten one by one.
const SPACING = /\s\s+|[^\S ]/g;

/** Canonical lower-case text: visa spellings as "j1" / "h1b", country as "usa", dashes and quotes plain. */
export function normalize(text: string): string {
  let t = text;
  const unusual = TYPOGRAPHY_OR_SPACING.test(t);
  if (unusual) for (const [re, to] of TYPOGRAPHY) t = t.replace(re, to);
  const before = t;
  t = t.replace(COUNTRY, ' usa ');
  // (" usa " is the only change from here on that can leave two spaces in a row.)
  const spaced = unusual || t !== before;
  // "five (5) years" → "5 years"
  if (BRACKETED_NUMBER.test(t)) t = t.replace(WORD_THEN_DIGITS, '$2');
  t = t.toLowerCase();
  // "within 3 yrs of graduation"
  if (t.includes('yr')) t = t.replace(YRS, '$1 years');
  // "Step2 CK", "step 2ck" → "step 2 ck"
  if (t.includes('step')) t = t.replace(/\bstep ?([123]) ?ck\b/g, 'step $1 ck').replace(/\bstep([123])\b/g, 'step $1');
  if (VISA_SPELLING.test(t)) t = t.replace(J1, 'j1').replace(H1B, 'h1b').replace(H1B_B, 'h1b');
  if (spaced) t = t.replace(SPACING, ' ');
  return t.trim();
}
