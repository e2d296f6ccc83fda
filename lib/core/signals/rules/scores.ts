import type { Clause } from '../clauses';
import { contentClauses, contentHits, found, inWishSection, type Found, type RuleContext } from '../rule-kit';

// Minimum USMLE Step 1 and Step 2 CK scores. Only stated minimums count: "220 or higher", "≥ 225",
// "at least 210", "a score of 240" in a requirement. Averages of matched residents, "competitive
// applicants have", "no minimum, our average is 215" are statistics, not cutoffs.

export interface StepMinimums {
  step1: Found<number> | null;
  step2: Found<number> | null;
}

const SCORE_RANGE = (n: number, twoDigit: boolean) => (n >= 180 && n <= 300) || (twoDigit && n >= 70 && n <= 99);

// A threshold around a number: before it ("at least", "minimum of", "≥", "score of") or after it ("or higher", "+").
const BEFORE = /(?:>=|>|at least|screen(?:s|ed)? (?:applicants |applications )?at|lowest (?:(?:usmle )?(?:step (?:1|2)(?: ck)? )?scores? )?(?:(?:we|it|they|the (?:program|committee)) (?:can |will |would )?(?:accept|consider|review|interview) )?(?:is|of)|minimum(?: score)?(?: of|:| is| will be)?|(?:minimum|cut-?off)(?: (?:usmle|passing|required))?(?: step (?:1|2)(?: ck)?)? score (?:is|will be|of)|min\.?|no (?:less|lower) than|not (?:less|lower) than|greater than|higher than|above|over|exceed(?:ing)?|scores? of|score:?|cut-?off(?: score)?(?: of| is)?|threshold(?: of| is)?|requirement(?: of| is)?:?|requires?|required:?|least)\s*$/;
const AFTER = /^(?:\+|\s*(?:or|and) (?:higher|above|better|greater|more|over)|\s*(?:points? )?minimum|\s*(?:is|as) (?:the|our) (?:minimum|cut-?off))/;
// A figure attached to its exam: "Step 1: 215, Step 2 CK 225", "220 on Step 1". Only a threshold when the
// clause or its question states a minimum (checked with REQUIREMENT below).
// ("|" is a table cell boundary: "USMLE Step 2 CK | 225" under a "Minimum" column.)
const STEP_BEFORE = /\bstep ?(?:1|2|one|two|i|ii)(?: ck| clinical knowledge)?(?: scores?)?\s?[:|-]?\s*$/;
const STEP_AFTER = /^\s*(?:on|for) (?:the )?(?:usmle )?step\b/;
// "Scores below 220 will not be considered": the floor stated from underneath.
const BELOW = /(?:below|under|less than|lower than|<)\s*$/;
const REJECTS = /\bnot (?:be )?(?:considered|eligible|accepted|reviewed|invited)\b|\b(?:do not|don't|will not|won't|cannot|can't) (?:extend|offer|send|issue|grant) (?:an? )?interview(?: invitations?| invites?|s)?\b|\bunable to (?:consider|accept|review|interview|invite)\b|\bnot (?:be )?(?:offered|granted|given) (?:an? )?interviews?\b|\b(?:do not|does not|don't|cannot|can't|will not|won't) (?:consider|accept|review|interview|invite)\b|\bineligible\b|\bscreened out\b|\bexcluded\b|\bdisqualif/;
const REQUIREMENT = /\b(?:must|required|require|requires|requirement|accept|lowest|minimum|minimums|cut-?off|threshold|only (?:applicants|candidates|consider)|at least|passed|screen|considered|eligible|eligibility|need|needed|ask for)\b|>=|>|\+/;
// "220 or higher" states a floor by itself (corpus README), unless it describes who already scored it.
const FLOOR = /\b\d{2,3} (?:or|and) (?:higher|above|better|greater|more)\b/;
const DESCRIBES = /\b(?:our|the) (?:current |incoming |matched )?(?:residents|interns|class|matched applicants)\b|\blast year\b|\b(?:had|have had)\b|(?<!numerically |when it was |if it was )\bscored\b(?! numerically)/;
// Questions, labels and headings that make a bare figure a minimum ("Minimum Step 2 CK score :: 232").
const MINIMUM_CONTEXT = /minimum|cut-?off|threshold|requirement|require|eligib|criteria|qualif/;
const ASKS_MINIMUM = /minimum|cut-?off|threshold/;
// Wishes the clause layer does not mark: "scores of 240+ are competitive", "to stand out".
const WISH = /\bcompetitive\b|\bstand out\b/;
// "We typically require 220" is a rule with exceptions, not a description of residents.
const RULE_WITH_USUALLY = /\b(?:typically|usually) (?:require|requires|ask for|accept only|only (?:accept|consider|interview)|set a minimum|need)\b/;
const NO_MINIMUM = /\bno (?:specific |absolute |set |strict |hard )?(?:minimum|cut-?off|score requirement|score cut-?off)|\b(?:do|does) not (?:have|keep|use|set) (?:a |any )?(?:minimum|cut-?off)|\bset no minimum|\bnot have (?:a |any )?minimum/;
const STEP1 = /\bstep (?:1|one|i)\b|\bstep1\b/g;
const STEP2 = /\bstep (?:2|two|ii)(?: (?:ck|clinical knowledge))?\b(?! (?:cs|clinical skills))|\bstep2(?:ck)?\b/g;
const OTHER_EXAM = /\bcomlex|\blevel (?:1|2|i|ii)\b|\bstep 3\b|\bstep 2 (?:cs|clinical skills)\b/;
const USMLE = /\busmle\b|\bstep [12]\b|\bboard scores?\b/;

// What a clause needs for readStepMinimums to read it: a digit (every NUMBER has one) or a word every
// NO_MINIMUM match holds. A gate for contentHits (one scan of the page); it only skips clauses.
export const SCORE_WORDS = /\d|minimum|cut-?off|score requirement/;
export const SCORE_WORDS_SCAN = new RegExp(SCORE_WORDS.source, 'g');

interface Mention { step: 1 | 2; index: number }

// The words after a step that say only that it must be passed: "step 1 passed, and", "step 1 must be
// passed and", "step 1: pass." (read from the step's mention up to the next step's).
const PASS_ONLY = /^step \S+(?: \(\w+\))?(?: (?:must|should|has to|needs to) be| is)? ?(?::\s?)?(?:passed|pass)\b(?! with\b)/;

function stepMentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(STEP1)) out.push({ step: 1, index: m.index! });
  for (const m of text.matchAll(STEP2)) out.push({ step: 2, index: m.index! });
  // "Steps 1 and 2", "Step 1 & 2", "steps 1 & 2 ck"
  for (const m of text.matchAll(/\bsteps? (?:1|one)(?: and|,| &|\/) ?(?:step )?(?:2|two)\b/g)) {
    out.push({ step: 1, index: m.index! });
    out.push({ step: 2, index: m.index! + m[0].length - 1 });
  }
  return out.sort((a, b) => a.index - b.index);
}

// "Until the 2024 season we required 220": a rule the program has dropped.
const HISTORY = /\b(?:until|prior to|before) (?:the )?(?:(?:19|20)\d{2}(?:[-–]\d{2,4})?|last|previous) (?:season|cycle|year|match|application cycle|recruitment)\b[^.;]{0,40}\b(?:required|had|used|was|were)\b|\b(?:previously|formerly) (?:required|had|used)\b|\bused to (?:require|have)\b|\bno longer (?:require|have|use)\b/;
// "Applicants scoring under 220 on Step 2 CK will not be offered interviews": a floor from underneath.
const rejectsBelow = (t: string) => REJECTS.test(t) && /\b(?:below|under|less than|lower than)\s\d{2,3}\b|<\s?\d{2,3}\b/.test(t);

const STEP_WORD = String.raw`step (1|2|one|two|i|ii)(?: ck| clinical knowledge)?`;
const TIED_AFTER = new RegExp(String.raw`^\+?\s*(?:or (?:higher|above|more|better|greater) )?on (?:the )?(?:usmle )?${STEP_WORD}\b(?!\s*(?:and|or|&|,|\/))`);
// The words between a step and its figure: "Step 2 CK score must be", "Step 2 CK minimum of".
const STEP_TO_FIGURE = String.raw`(?: scores?)?(?: (?:must|should|needs? to|has to) be| of| is| at least| minimum(?: of)?| of at least)+\s*$`;
const TIED_BEFORE = new RegExp(String.raw`\b${STEP_WORD}${STEP_TO_FIGURE}`);
const SHARED_BEFORE = new RegExp(String.raw`\bstep \S+(?: ck)?\s*(?:and|or|&|,|\/)\s*(?:usmle )?${STEP_WORD}${STEP_TO_FIGURE}`);
const stepNumber = (w: string): 1 | 2 => (/^(?:1|one|i)$/.test(w) ? 1 : 2);

/** The one step a lone figure's own words tie it to, or null. */
function tiedStep(text: string, th: { index: number; value: number }): 1 | 2 | null {
  const raw = String(th.value);
  const after = text.slice(th.index + raw.length, th.index + raw.length + 40);
  const m = TIED_AFTER.exec(after);
  if (m) return stepNumber(m[1]!);
  const before = text.slice(Math.max(0, th.index - 60), th.index);
  const b = TIED_BEFORE.exec(before);
  if (b && !SHARED_BEFORE.test(before)) return stepNumber(b[1]!);
  return null;
}

interface Threshold { value: number; index: number; preferred: boolean }

// "at least 210 on the first attempt, and ideally 230 or more": the preference word sits right before its figure.
const LOCAL_PREFERENCE = /\b(?:prefer\w*|ideally|desired|desirable|competitive|strong|recommended)\W+(?:\w+\W+){0,3}$/;

// A requirement word between two figures: "at least 210 …, and ideally 230" keeps them apart.
const BINDS = /\b(?:must|required?|requires|at least|minimum|no (?:less|lower) than)\b|>=/;

function thresholds(c: Clause, tableHead: string): Threshold[] {
  const out: Threshold[] = [];
  // "Minimum Step 2 CK score :: 232", "Is there a minimum score? || Yes, 230": the label says minimum;
  // "Step 1 :: 210" under a "Minimum scores" heading, or in a two-column table headed "Examination |
  // Minimum": the label names the exam, the heading the minimum.
  const rowOfMinimums = c.kind === 'label-value' && stepMentions(c.prompt).length > 0 && (ASKS_MINIMUM.test(c.section) || ASKS_MINIMUM.test(tableHead));
  const bareCounts = c.order === 0 && (c.kind === 'qa' || c.kind === 'label-value') && (ASKS_MINIMUM.test(c.prompt) || rowOfMinimums);
  const rejects = REJECTS.test(c.norm);
  for (const n of c.numbers) {
    const twoDigit = n.raw.length === 2;
    if (!SCORE_RANGE(n.value, twoDigit) || n.raw.includes('.')) continue;
    const before = c.norm.slice(Math.max(0, n.index - 60), n.index);
    const after = c.norm.slice(n.index + n.raw.length, n.index + n.raw.length + 30);
    // Years, ranges ("mid-220s", "225 to 260", "between 220 and 240"), percentages and counts are not scores.
    if (/^(?:s\b|%| percent|\s?-\s?\d| to \d| applica| residents| positions| programs)/.test(after) || /-$|between\s*$/.test(before)) continue;
    const attached = STEP_BEFORE.test(before) || STEP_AFTER.test(after) || (bareCounts && !twoDigit);
    if (BEFORE.test(before) || AFTER.test(after) || attached || (rejects && BELOW.test(before)))
      out.push({ value: n.value, index: n.index, preferred: LOCAL_PREFERENCE.test(before) });
  }
  // "We prefer a minimum of 200 on Step 1 and 210 on Step 2 CK": a figure listed after a preferred
  // one, with no requirement word of its own in between, is preferred too.
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1]!;
    if (prev.preferred && !out[i]!.preferred && !BINDS.test(c.norm.slice(prev.index, out[i]!.index))) out[i]!.preferred = true;
  }
  return out;
}

/** Step numbers a clause's thresholds belong to; [] when it speaks of another exam only. */
function assign(c: Clause, ths: Threshold[], context: string): { step: 1 | 2; value: number; preferred: boolean }[] {
  const mentions = stepMentions(c.norm);
  if (mentions.length === 0) {
    // "USMLE: scores of 250 or higher", or the question/section names the step.
    const ctxMentions = stepMentions(context);
    const steps = new Set(ctxMentions.map((m) => m.step));
    if (steps.size === 0 && (USMLE.test(c.norm) || USMLE.test(context))) { steps.add(1); steps.add(2); }
    // "USMLE scores must be at least 210 …, and ideally 230 or more": the required figure only.
    const required = ths.filter((t) => !t.preferred);
    const one = ths.length === 1 ? ths[0] : required.length === 1 ? required[0] : undefined;
    if (steps.size === 0 || !one) return [];
    return [...steps].map((step) => ({ step, value: one.value, preferred: one.preferred }));
  }
  if (ths.length === 1) {
    const th = ths[0]!;
    // A figure tied to one step by its words: "at least 215 on Step 2 CK", "your Step 2 CK score
    // must be 225" — unless two steps share it ("on Step 1 and on Step 2 CK", "Step 1 and Step 2 CK:").
    const tied = tiedStep(c.norm, th);
    if (tied) return [{ step: tied, value: th.value, preferred: th.preferred }];
    // Otherwise one figure for every step named: "scores of 205+ on Step 1 and on Step 2 CK" — but not
    // a step said only to be passed, with another step between it and the figure ("Step 1 passed and a
    // Step 2 CK score of at least 225", "Step 1 must be passed, and we require a Step 2 CK score of 220+").
    const scored = mentions.filter((m, k) => {
      const next = mentions[k + 1];
      const figureBeyondNext = next !== undefined && next.step !== m.step && next.index < th.index && m.index < th.index;
      return !(figureBeyondNext && PASS_ONLY.test(c.norm.slice(m.index, next.index)));
    });
    const steps = new Set(scored.map((m) => m.step));
    return [...steps].map((step) => ({ step, value: th.value, preferred: th.preferred }));
  }
  // Several figures: "200 or higher on Step 1 and 210 or higher on Step 2" (figure then step) or
  // "Step 1: 215, Step 2 CK: 220" (step then figure).
  const figureFirst = ths[0]!.index < mentions[0]!.index;
  const out: { step: 1 | 2; value: number; preferred: boolean }[] = [];
  for (const th of ths) {
    const m = figureFirst
      ? mentions.find((x) => x.index > th.index)
      : [...mentions].reverse().find((x) => x.index < th.index);
    if (m) out.push({ step: m.step, value: th.value, preferred: th.preferred });
  }
  return out;
}

/** Tables of minimums per program ("Program | Step 1 | Step 2 CK" then "Internal Medicine | 220 | 220"). */
function fromTables(ctx: RuleContext): StepMinimums {
  const res: StepMinimums = { step1: null, step2: null };
  let header: string[] | null = null;
  const rows: { cells: string[]; clause: Clause }[] = [];
  for (const c of contentClauses(ctx)) {
    if (c.kind !== 'table-row' || c.order !== 0) continue;
    const cells = c.norm.split(' | ');
    if (cells.some((x) => /^step (?:1|2)/.test(x)) && !cells.some((x) => /^\d{3}$/.test(x))) {
      header = /minimum|cut-?off|required|requirement/.test(c.section) || /minimum/.test(c.section + cells.join(' ')) ? cells : null;
      continue;
    }
    if (header) rows.push({ cells, clause: c });
  }
  if (!header || rows.length === 0) return res;
  const h = header;
  const col1 = h.findIndex((x) => /^step (?:1|one)\b/.test(x));
  const col2 = h.findIndex((x) => /^step (?:2|two)\b(?! (?:cs|clinical skills))/.test(x));
  const slugWords = (ctx.specialty ?? '').replace(/-/g, ' ');
  const row =
    rows.length === 1
      ? rows[0]
      : rows.find((r) => slugWords !== '' && r.cells[0]!.replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ').trim() === slugWords);
  if (!row) return res;
  const num = (i: number) => {
    const v = i >= 0 ? Number(row.cells[i]) : NaN;
    return Number.isFinite(v) && SCORE_RANGE(v, false) ? v : null;
  };
  const s1 = num(col1);
  const s2 = num(col2);
  if (s1 !== null) res.step1 = found(ctx, row.clause, s1);
  if (s2 !== null) res.step2 = found(ctx, row.clause, s2);
  return res;
}

export function readStepMinimums(ctx: RuleContext): StepMinimums {
  const res: StepMinimums = { step1: null, step2: null };
  const set = (step: 1 | 2, f: Found<number>) => {
    const key = step === 1 ? 'step1' : 'step2';
    const cur = res[key];
    // A required figure beats a preferred one; otherwise the first stated stands.
    if (!cur || (cur.strength === 'preferred' && !cur.hedged && (f.strength === 'required' || f.hedged))) res[key] = f;
  };
  const clauses = contentClauses(ctx);
  const hits = contentHits(ctx, SCORE_WORDS_SCAN);
  // Blocks that say there is no minimum: "No minimum cut-off. Scores of 230+ are competitive."
  const noMinimum = new Set<number>();
  // A table's first row is its header ("Examination | Minimum"): it says what the rows' figures are.
  // (The reader gives a two-column table's rows as label → value pairs.)
  let tableHead = '';
  clauses.forEach((c, i) => {
    const prev = clauses[i - 1];
    const inTable = prev?.kind === 'table-row' || (prev?.kind === 'label-value' && tableHead !== '');
    if (c.kind === 'table-row' && !inTable) tableHead = c.norm;
    else if (c.kind !== 'table-row' && c.kind !== 'label-value') tableHead = '';
    // Neither a figure nor NO_MINIMUM's words, and not a "No" to a question: nothing below reads it.
    if (hits[i] === 0 && c.answer !== 'no') return;
    // "Step 1: 210; Step 2 CK: 220": a clause after a semicolon continues its lead's topic.
    const lead = prev && prev.blockIndex === c.blockIndex && prev.text.endsWith(';') ? prev.norm : '';
    const context = `${c.prompt} ${c.section} ${lead} ${tableHead !== c.norm ? tableHead : ''}`;
    if ((NO_MINIMUM.test(c.norm) && !c.preference) || (c.answer === 'no' && ASKS_MINIMUM.test(c.prompt))) {
      noMinimum.add(c.blockIndex);
      return;
    }
    if (c.numbers.length === 0 || (c.statistic && !RULE_WITH_USUALLY.test(c.norm))) return;
    // "Until the 2024 season we required 220": a rule the program has dropped.
    if (HISTORY.test(c.norm)) return;
    if (!USMLE.test(c.norm) && !USMLE.test(context) && !/\bscores?\b/.test(c.norm)) return;
    if (noMinimum.has(c.blockIndex) && !/\b(?:must|required|at least|minimum)\b/.test(c.norm)) return;
    // "COMLEX Level 2 passed with a score of 550": other exams' figures are out of range anyway, but a
    // clause about COMLEX only must not lend its numbers to the question's USMLE steps.
    if (OTHER_EXAM.test(c.norm) && stepMentions(c.norm).length === 0 && !/\busmle\b/.test(c.norm)) return;
    const ths = thresholds(c, tableHead);
    // "at least 210 …, and ideally 230 or more": a requirement and a wish; the wish is not a minimum
    // and its preference word does not soften the requirement. (Figures are matched to their steps
    // first, all of them, so the wish's step does not take the requirement's figure.)
    const mixed = ths.some((t) => t.preferred) && ths.some((t) => !t.preferred);
    if (ths.length === 0) return;
    const floor = FLOOR.test(c.norm) && !DESCRIBES.test(c.norm);
    if (!REQUIREMENT.test(c.norm) && !MINIMUM_CONTEXT.test(context) && !floor && !rejectsBelow(c.norm)) return;
    const preferred = ths.every((t) => t.preferred) || ((c.preference || WISH.test(c.norm)) && !mixed) || inWishSection(c);
    // "We generally ask for 200 or higher… exceptions possible": a stated minimum, weighed as a preference.
    const hedged = !preferred && (c.hedged || RULE_WITH_USUALLY.test(c.norm));
    for (const a of assign(c, ths, context)) {
      if (mixed && a.preferred) continue;
      set(a.step, found(ctx, c, a.value, preferred || hedged ? 'preferred' : 'required', hedged));
    }
  });
  const table = fromTables(ctx);
  if (!res.step1 && table.step1) res.step1 = table.step1;
  if (!res.step2 && table.step2) res.step2 = table.step2;
  return res;
}
