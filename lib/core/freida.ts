// AMA FREIDA program pages: the program id in the URL, the survey answers in Angular's transfer state
// (<script id="ng-state">) and the rendered label/value rows. Pure: no DOM, no browser API.
// See /work/shared/FACTS.md "AMA FREIDA program pages" and "Program identifiers".

import { blockText, type Block, type PageText } from './page-text';
import type { Evidence, ProgramType, Signals, YogValue } from './schema/signals';
import specialtiesData from '../../data/specialties.json';
import statesData from '../../data/states.json';

export type FreidaField =
  | 'specialty' | 'programType' | 'state' | 'visaJ1' | 'visaH1b'
  | 'step1MinScore' | 'step2MinScore' | 'yog' | 'imgPercent';

/** What a FREIDA program page says; a field is absent when neither the JSON nor the rendered page states it. */
export type FreidaFields = Partial<Pick<Signals, FreidaField>>;

type Sig<K extends FreidaField> = NonNullable<Signals[K]>;
type Found = { [K in FreidaField]?: Sig<K> };

import { FREIDA_HOST, freidaProgramId } from './freida-url';

export { FREIDA_HOST, freidaProgramId };

// ---------------------------------------------------------------------------------------------
// Ids and tables

interface SpecialtyRow { code: string; slug: string; name: string; aliases: string[] }
interface StateRow { abbr: string; name: string; acgmeCode: string | null }

const SPECIALTIES: SpecialtyRow[] = specialtiesData.specialties;
const STATES: StateRow[] = statesData.states;
const SPECIALTY_BY_CODE = new Map(SPECIALTIES.map((s) => [s.code, s]));
const STATE_BY_ABBR = new Map(STATES.map((s) => [s.abbr, s]));
const STATE_BY_NAME = new Map(STATES.map((s) => [s.name.toLowerCase(), s]));

/** Specialty named by the first 3 digits of a 10-digit ACGME program id, or null when the code is unknown. */
export function specialtyFromProgramId(id: string): { slug: string; name: string } | null {
  if (typeof id !== 'string' || !/^\d{10}$/.test(id)) return null;
  const row = SPECIALTY_BY_CODE.get(id.slice(0, 3));
  return row ? { slug: row.slug, name: row.name } : null;
}

/** Lower-case, with every run of characters other than letters, digits and "&" turned into one space. */
function normaliseName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9&]+/g, ' ').trim();
}

const ALIASES: { norm: string; row: SpecialtyRow }[] = SPECIALTIES.flatMap((row) =>
  [row.name, ...row.aliases].map((a) => ({ norm: normaliseName(a), row })),
);
const ALIAS_BY_NORM = new Map(ALIASES.map((a) => [a.norm, a.row]));
// The leading space is matched, not looked behind: the same matches (the trailing space is only
// looked ahead at, so it is there to open the next one), and the scan can jump from space to space.
const ALIAS_RE = new RegExp(
  ` (${[...ALIAS_BY_NORM.keys()].sort((a, b) => b.length - a.length).map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?= )`,
  'g',
);

/**
 * The specialty a short text (a heading, a page-title segment) names, by word-boundary alias match;
 * a shorter alias inside a longer matched one is dropped ("radiology" in "interventional radiology").
 * `exact`: the whole text must be an alias. Null when none or several specialties match.
 */
export function specialtyFromName(text: string, exact = false): { slug: string; name: string } | null {
  if (typeof text !== 'string' || text.length > 300) return null;
  const t = normaliseName(text);
  if (!t) return null;
  let slugs: Set<string>;
  let row: SpecialtyRow | undefined;
  if (exact) {
    const hit = ALIAS_BY_NORM.get(t);
    if (!hit) return null;
    slugs = new Set([hit.slug]);
    row = hit;
  } else {
    // One scan with every alias, longest first at each position: a shorter alias inside a longer
    // match ("radiology" in "interventional radiology") is never seen on its own.
    slugs = new Set();
    // exec, not matchAll: matchAll copies the (large) pattern on every call.
    const padded = ` ${t} `;
    ALIAS_RE.lastIndex = 0;
    for (let m = ALIAS_RE.exec(padded); m; m = ALIAS_RE.exec(padded)) {
      const hit = ALIAS_BY_NORM.get(m[1]!)!;
      slugs.add(hit.slug);
      row = hit;
    }
  }
  if (slugs.size !== 1 || !row) return null;
  return { slug: row.slug, name: row.name };
}

function stateAbbr(text: unknown): string | null {
  if (typeof text !== 'string' || text.length > 60) return null;
  const t = text.trim();
  if (/^[A-Za-z]{2}$/.test(t)) return STATE_BY_ABBR.has(t.toUpperCase()) ? t.toUpperCase() : null;
  return STATE_BY_NAME.get(t.toLowerCase().replace(/\s+/g, ' '))?.abbr ?? null;
}

// ---------------------------------------------------------------------------------------------
// Value parsers (shared by the JSON and the rendered labels)

const SETTINGS: Record<string, ProgramType> = {
  universitybased: 'university',
  university: 'university',
  communitybased: 'community',
  community: 'community',
  communitybaseduniversityaffiliated: 'community-university-affiliated',
  communityuniversityaffiliated: 'community-university-affiliated',
  universityaffiliatedcommunitybased: 'community-university-affiliated',
};

/**
 * FREIDA's "Program best described as" / "Program Setting" answer → ProgramType; case, spaces and
 * hyphens do not matter ("Community Based", "Community-based", "community based university-affiliated").
 * "Military Based", "Other" and anything else → null.
 */
export function normaliseSetting(text: string): ProgramType | null {
  if (typeof text !== 'string' || text.length > 200) return null;
  // ("Community-based university affiliated hospital": the trailing place word adds nothing.)
  // ("Community-Based (Brazos Prairie Regional Hospital, 188 beds)": the bracket names the place.)
  return SETTINGS[text.toLowerCase().replace(/\([^)]*\)/g, '').replace(/[^a-z]/g, '').replace(/(?:hospital|program|institution)$/, '')] ?? null;
}

const PLACEHOLDER =
  /^(?:|[-–—‒―]+|n\/?a|na|none reported|not available|not applicable|not reported|no response|no data|unknown|tbd|to be determined|coming soon|coming in [a-z]+(?: \d{4})?)$/;

/** FREIDA's stand-ins for "no answer": "Not available", "Coming in August", "–", "N/A", empty. */
export function isPlaceholder(value: string): boolean {
  const t = value.toLowerCase().replace(/\s+/g, ' ').trim().replace(/[.*]+$/, '').trim();
  return PLACEHOLDER.test(t);
}

function cleanValue(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 500) return null;
  const t = value.replace(/\s+/g, ' ').trim();
  return isPlaceholder(t) ? null : t;
}

function yesNo(value: string): 'yes' | 'no' | null {
  const t = value.toLowerCase().replace(/[.*!]+$/, '').trim();
  return t === 'yes' ? 'yes' : t === 'no' ? 'no' : null;
}

function parsePercent(value: unknown): number | null {
  let n: number;
  if (typeof value === 'number') n = value;
  else {
    const t = cleanValue(value);
    const m = t?.match(/^(\d{1,3}(?:\.\d+)?)\s*%?$/);
    if (!m) return null;
    n = Number(m[1]);
  }
  return Number.isFinite(n) && n >= 0 && n <= 100 ? Math.round(n) : null;
}

function parseScore(value: unknown): number | null {
  let n: number;
  if (typeof value === 'number') n = value;
  else {
    const t = cleanValue(value);
    const m = t?.match(/^(?:≥|>=|>)?\s*(\d{1,3})\s*\+?$/);
    if (!m) return null;
    n = Number(m[1]);
  }
  return Number.isFinite(n) && Number.isInteger(n) && n >= 1 && n <= 300 ? n : null;
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

/** "Within the past 5 year(s)" → { maxYears: 5 }; "No cap on the number of years…" and placeholders → null. */
function parseYog(value: unknown): YogValue | null {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 1 && value <= 60 ? { maxYears: value } : null;
  }
  const t = cleanValue(value)?.toLowerCase();
  if (!t || /\bno (?:cap|limit|limitation|restriction|cut-?off)\b/.test(t)) return null;
  const m =
    t.match(/\bwithin (?:the )?(?:past |last |previous )?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten) ?(?:year|yr)/) ??
    t.match(/^(\d{1,2}) ?(?:year|yr)s?\b/);
  if (m) {
    const n = WORD_NUMBERS[m[1]!] ?? Number(m[1]);
    return n >= 1 && n <= 60 ? { maxYears: n } : null;
  }
  const y = t.match(/\b((?:19|20)\d{2})\b/);
  if (y && /\b(?:after|since|or later|and later|or after)\b/.test(t)) return { earliestYear: Number(y[1]) };
  return null;
}

type Exam = 1 | 2 | 3 | 'other';

/** Which exam a label or heading names: "Step 1", "USMLE Step 2 CK", "COMLEX Level 2" → 'other'. */
function examOf(text: string | undefined): Exam | null {
  if (!text) return null;
  const t = text.toLowerCase();
  if (/\bcomlex\b|\blevel\s*[123]\b/.test(t)) return 'other';
  if (/\bstep\s*(?:3|three|iii)(?![a-z0-9])/.test(t)) return 3;
  if (/\bstep\s*(?:2|two|ii)(?:\s*c[ks])?(?![a-z0-9])/.test(t)) return 2;
  if (/\bstep\s*(?:1|one|i)(?![a-z0-9])/.test(t)) return 1;
  return null;
}

const visaKey = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

// ---------------------------------------------------------------------------------------------
// Transfer state (ng-state)

const MAX_NG_STATE = 5_000_000;
const MAX_ENTRIES = 2000;
const MAX_NODES = 500;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Parses the transfer state; also undoes the HTML escaping of Angular < 16 ("&q;" for a quote). */
function parseTransferState(raw: string): unknown {
  const parsed = tryJson(raw);
  if (parsed !== undefined || !raw.includes('&q;')) return parsed;
  const unescaped = raw
    .replace(/&q;/g, '"').replace(/&s;/g, "'").replace(/&l;/g, '<').replace(/&g;/g, '>').replace(/&a;/g, '&');
  return tryJson(unescaped);
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v.slice(0, MAX_NODES) : isObj(v) ? [v] : [];
}

function programIdOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return String(v).padStart(10, '0');
  return null;
}

interface NgProgram { program: Obj; survey: Obj | null }

/** The program node whose field_program_id is `id`, and its newest survey node; found by content, never by key. */
function findProgram(raw: string | undefined, id: string): NgProgram | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_NG_STATE) return null;
  const root = parseTransferState(raw.trim());
  if (!isObj(root)) return null;
  const found: NgProgram[] = [];
  for (const entry of Object.values(root).slice(0, MAX_ENTRIES)) {
    if (!isObj(entry)) continue;
    let body: unknown = entry.b;
    if (typeof body === 'string' && body.length <= MAX_NG_STATE && body.trimStart().startsWith('{')) body = tryJson(body);
    for (const doc of [body, entry]) {
      if (!isObj(doc)) continue;
      const programs = asList(doc.data).filter(
        (n): n is Obj => isObj(n) && n.type === 'node--program' && isObj(n.attributes),
      );
      const match = programs.find((n) => programIdOf((n.attributes as Obj).field_program_id) === id);
      if (!match) continue;
      found.push({ program: match.attributes as Obj, survey: surveyFor(match, doc, programs.length) });
      break;
    }
  }
  return found.find((f) => f.survey) ?? found[0] ?? null;
}

function surveyFor(program: Obj, doc: Obj, programCount: number): Obj | null {
  const surveys = asList(doc.included).filter(
    (n): n is Obj => isObj(n) && typeof n.type === 'string' && n.type.startsWith('node--survey_') && isObj(n.attributes),
  );
  const rel = isObj(program.relationships) && isObj(program.relationships.field_survey)
    ? asList(program.relationships.field_survey.data)
    : [];
  const relIds = new Set(rel.filter(isObj).map((r) => r.id).filter((x): x is string => typeof x === 'string'));
  // With relationships, only the program's own surveys; without, only when the document is about one program.
  const own = relIds.size > 0 ? surveys.filter((s) => typeof s.id === 'string' && relIds.has(s.id)) : programCount === 1 ? surveys : [];
  const year = (s: Obj) => Number((s.type as string).match(/(\d{4})/)?.[1] ?? 0);
  const newest = [...own].sort((a, b) => year(b) - year(a))[0];
  return newest ? (newest.attributes as Obj) : null;
}

function readNgState(page: PageText, id: string): Found {
  const out: Found = {};
  const ng = findProgram(page.ngState, id);
  if (!ng) return out;
  const ev = (quote: string): Evidence => ({ pageUrl: page.url, quote, blockIndex: -1 });
  const get = (name: string): unknown => {
    const s = ng.survey?.[name];
    return s !== undefined && s !== null ? s : ng.program[name];
  };

  // Visa: a non-empty list is an answer (listed → yes, unlisted → no); an empty or missing list is no answer.
  let visas = get('field_visa_status');
  if (typeof visas === 'string') visas = visas.split(/[,;]/);
  if (Array.isArray(visas) && visas.length <= 20 && visas.every((v) => typeof v === 'string' && v.length <= 100)) {
    const items = (visas as string[]).map((v) => v.trim()).filter((v) => v && !isPlaceholder(v));
    if (items.length > 0) {
      const listed = items.join(', ');
      const j1 = items.some((v) => visaKey(v).startsWith('j1'));
      const h1b = items.some((v) => visaKey(v).startsWith('h1'));
      out.visaJ1 = { value: j1 ? 'yes' : 'no', strength: 'required', evidence: ev(`FREIDA: J-1 visa — ${j1 ? 'Yes' : 'No'} (visa status: ${listed})`) };
      out.visaH1b = { value: h1b ? 'yes' : 'no', strength: 'required', evidence: ev(`FREIDA: H-1B visa — ${h1b ? 'Yes' : 'No'} (visa status: ${listed})`) };
    }
  }

  const img = parsePercent(get('field_pct_img'));
  if (img !== null) out.imgPercent = { value: img, strength: 'required', evidence: ev(`FREIDA: % IMG (3-year average) — ${img}%`) };

  const settingRaw = get('field_program_best_described_as');
  const setting = typeof settingRaw === 'string' ? normaliseSetting(settingRaw) : null;
  if (setting) {
    out.programType = { value: setting, strength: 'required', evidence: ev(`FREIDA: Program best described as — ${(settingRaw as string).trim()}`) };
  }

  const s1 = parseScore(get('field_usmle_step_1_minimum_score'));
  if (s1 !== null) out.step1MinScore = { value: s1, strength: 'required', evidence: ev(`FREIDA: USMLE Step 1 minimum score — ${s1}`) };
  const s2 = parseScore(get('field_usmle_step_2_minimum_score'));
  if (s2 !== null) out.step2MinScore = { value: s2, strength: 'required', evidence: ev(`FREIDA: USMLE Step 2 CK minimum score — ${s2}`) };

  const yogRaw = get('field_years_since_graduation');
  const yog = parseYog(yogRaw);
  if (yog) {
    const said = typeof yogRaw === 'number' ? `within the past ${yogRaw} year(s)` : String(yogRaw).trim();
    out.yog = { value: yog, strength: 'required', evidence: ev(`FREIDA: Graduation from medical school — ${said}`) };
  }

  const address = get('field_address');
  if (isObj(address)) {
    const st = stateAbbr(address.administrative_area);
    if (st) {
      const city = typeof address.locality === 'string' && address.locality.length <= 80 ? `${address.locality.trim()}, ` : '';
      out.state = { value: st, strength: 'required', evidence: ev(`FREIDA: Location — ${city}${st}`) };
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rendered page

const normLabel = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').replace(/[\s:*]+$/, '').trim();
const LOCATION = /^[A-Za-z][A-Za-z .'’-]{0,40},\s*([A-Z]{2})$/;

function readRendered(page: PageText): Found {
  const out: Found = {};
  const blocks: Block[] = Array.isArray(page.blocks) ? page.blocks : [];
  const ev = (b: Block, i: number): Evidence => ({ pageUrl: page.url, quote: blockText(b), blockIndex: i });

  blocks.forEach((b, i) => {
    if (!b || b.kind !== 'label-value' || typeof b.prompt !== 'string' || b.prompt.length > 300) return;
    const label = normLabel(b.prompt);
    const value = cleanValue(b.text);
    if (value === null) return;
    const j1 = /\bj-?1\b/.test(label);
    const h1b = /\bh-?1-?b?\b/.test(label);
    const visaLabel = /\bvisa|\bsponsor/.test(label);

    if (visaLabel && j1 && !h1b) {
      const v = yesNo(value);
      if (v && !out.visaJ1) out.visaJ1 = { value: v, strength: 'required', evidence: ev(b, i) };
    } else if (visaLabel && h1b && !j1) {
      const v = yesNo(value);
      if (v && !out.visaH1b) out.visaH1b = { value: v, strength: 'required', evidence: ev(b, i) };
    } else if (/best described as|\bprogram setting\b|^setting$|^program type$/.test(label)) {
      const v = normaliseSetting(value);
      if (v && !out.programType) out.programType = { value: v, strength: 'required', evidence: ev(b, i) };
    } else if (/international medical graduate|\bimgs?\b/.test(label) && /%|percent/.test(label)) {
      const v = parsePercent(value);
      if (v !== null && out.imgPercent === undefined) out.imgPercent = { value: v, strength: 'required', evidence: ev(b, i) };
    } else if (/\bminimum\b/.test(label) && (/\bscore\b/.test(label) || label === 'minimum')) {
      const exam = examOf(label) ?? examOf(b.section);
      const v = parseScore(value);
      if (v === null) return;
      if (exam === 1 && !out.step1MinScore) out.step1MinScore = { value: v, strength: 'required', evidence: ev(b, i) };
      if (exam === 2 && !out.step2MinScore) out.step2MinScore = { value: v, strength: 'required', evidence: ev(b, i) };
    } else if (/\bgraduation\b|\byog\b/.test(label)) {
      const v = parseYog(value);
      if (v && !out.yog) out.yog = { value: v, strength: 'required', evidence: ev(b, i) };
    }
  });

  // Location line of the program header ("Yonkers, NY"); content blocks before site chrome.
  const order = [...blocks.keys()].sort((a, b) => Number(!!blocks[a]!.chrome) - Number(!!blocks[b]!.chrome));
  for (const i of order) {
    const b = blocks[i]!;
    if ((b.kind !== 'paragraph' && b.kind !== 'heading') || typeof b.text !== 'string' || b.text.length > 60) continue;
    const m = b.text.trim().match(LOCATION);
    if (m && STATE_BY_ABBR.has(m[1]!)) {
      out.state = { value: m[1]!, strength: 'required', evidence: ev(b, i) };
      break;
    }
  }
  return out;
}

function readSpecialty(page: PageText, id: string): Sig<'specialty'> | null {
  const fromId = specialtyFromProgramId(id);
  if (fromId) {
    return {
      value: fromId.slug,
      strength: 'required',
      evidence: { pageUrl: page.url, quote: `FREIDA program ${id} (${fromId.name})`, blockIndex: -1 },
    };
  }
  const blocks: Block[] = Array.isArray(page.blocks) ? page.blocks : [];
  const headings = [...blocks.entries()].filter(([, b]) => b && b.kind === 'heading' && !b.chrome && typeof b.text === 'string');
  for (const exact of [true, false]) {
    for (const [i, b] of headings) {
      const s = specialtyFromName(b.text, exact);
      if (s) return { value: s.slug, strength: 'required', evidence: { pageUrl: page.url, quote: b.text, blockIndex: i } };
    }
  }
  // FREIDA titles read "<program> | <specialty> | FREIDA".
  for (const part of typeof page.title === 'string' ? page.title.split('|') : []) {
    const s = specialtyFromName(part, true);
    if (s) return { value: s.slug, strength: 'required', evidence: { pageUrl: page.url, quote: page.title, blockIndex: -1 } };
  }
  return null;
}

/**
 * Reads a FREIDA program page. Per field: the transfer-state JSON (only when its program id matches
 * the URL's), else the rendered label/value rows (and the header's "City, ST" line for the state).
 * The state is never derived from the id. Returns {} for any URL that is not a FREIDA program page.
 * Never throws.
 */
export function readFreida(page: PageText): FreidaFields {
  const out: FreidaFields = {};
  try {
    const id = freidaProgramId(page?.url);
    if (!id) return out;
    let ng: Found = {};
    try {
      ng = readNgState(page, id);
    } catch {
      ng = {};
    }
    let dom: Found = {};
    try {
      dom = readRendered(page);
    } catch {
      dom = {};
    }
    const specialty = readSpecialty(page, id);
    if (specialty) out.specialty = specialty;
    const merge = <K extends Exclude<FreidaField, 'specialty'>>(k: K) => {
      const v = ng[k] ?? dom[k];
      if (v) out[k] = v as FreidaFields[K];
    };
    merge('programType');
    merge('state');
    merge('visaJ1');
    merge('visaH1b');
    merge('step1MinScore');
    merge('step2MinScore');
    merge('yog');
    merge('imgPercent');
  } catch {
    return out;
  }
  return out;
}
