import Papa from 'papaparse';
import specialtiesData from '../../../data/specialties.json';
import type { Tier } from '../schema/fit';
import { MAX_IMPORT_ROWS, type ImportRow } from '../schema/import-row';
import type { Program, ProgramStatus } from '../schema/program';
import type { Signals, VisaValue } from '../schema/signals';
import type { ImportError } from './import-plan';

// The list as a spreadsheet, and an applicant's own spreadsheet back in. Quoting, embedded commas,
// quotes and line breaks, delimiters (Excel in much of Europe saves with ";") are papaparse's job.
// A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, which some
// programs skip before looking) as a formula, and a program page's name or the applicant's notes
// are text from elsewhere: every such cell is written with a leading apostrophe, which spreadsheets
// show as text and hide (OWASP "CSV injection"). Reading strips that apostrophe again, so an
// exported list imports back unchanged.

/** The exported columns, in order; the import reads Name, URL, Specialty, Tier, Status and Notes. */
export const CSV_COLUMNS = [
  'Name', 'URL', 'Specialty', 'State', 'Tier', 'Score', 'Visa J-1', 'Visa H-1B', 'Step 2 CK minimum',
  'Status', 'Notes', 'Added', 'Updated',
] as const;

/** One row of the list as the popup shows it: the program, its score and the tier it is listed under. */
export interface CsvItem {
  program: Program;
  fit: { score: number | null };
  tier: Tier;
}

export const TIER_WORD: Record<Tier, string> = {
  reach: 'Reach', realistic: 'Realistic', safety: 'Safety', ineligible: 'Not eligible', unknown: 'Not scored yet',
};
const TIER_ORDER: readonly Tier[] = ['reach', 'realistic', 'safety', 'ineligible', 'unknown'];
const VISA_WORD: Record<VisaValue, string> = { yes: 'Yes', no: 'No', conditional: 'Case by case' };
const NOT_STATED = 'Not stated';
const SPECIALTY_NAME = new Map(specialtiesData.specialties.map((s) => [s.slug, s.name]));

const FORMULA_START = /^[=+\-@\t\r]/;
/** Apostrophes before a formula start: what neutralise writes (one more than the text had). */
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/**
 * A cell a spreadsheet would run as a formula, made text: "=HYPERLINK(…)" → "'=HYPERLINK(…)". A cell
 * that already looks neutralised gets one more apostrophe, so restore gives back exactly what it was.
 */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) || NEUTRALISED.test(cell) ? `'${cell}` : cell;
}

/** The reverse of neutralise, for cells read back in. */
export function restore(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const day = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().slice(0, 10);
};

function minimum(s: Signals): string {
  const sig = s.step2MinScore;
  if (!sig) return NOT_STATED;
  return sig.strength === 'required' && !sig.hedged ? String(sig.value) : `${sig.value} (preferred)`;
}

/** The cells of one program, in CSV_COLUMNS order, before neutralising. */
export function csvCells({ program: p, fit, tier }: CsvItem): string[] {
  const s = p.signals;
  return [
    p.name,
    p.urls[0] ?? '',
    p.specialty ? (SPECIALTY_NAME.get(p.specialty) ?? p.specialty) : '',
    p.state ?? '',
    TIER_WORD[tier],
    fit.score === null ? '' : String(Math.round(fit.score)),
    s.visaJ1 ? VISA_WORD[s.visaJ1.value] : NOT_STATED,
    s.visaH1b ? VISA_WORD[s.visaH1b.value] : NOT_STATED,
    minimum(s),
    capital(p.status satisfies ProgramStatus),
    p.notes,
    day(p.addedAt),
    day(p.updatedAt),
  ];
}

/** The list as CSV text (RFC 4180, CRLF), grouped by tier as the popup lists it, best score first. */
export function listToCsv(items: readonly CsvItem[]): string {
  const sorted = [...items].sort(
    (a, b) =>
      TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier) ||
      (b.fit.score ?? -1) - (a.fit.score ?? -1) ||
      a.program.name.localeCompare(b.program.name),
  );
  const rows = sorted.map((item) => csvCells(item).map(neutralise));
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n', escapeFormulae: false });
}

// ---- reading an applicant's spreadsheet ----

type Column = 'name' | 'url' | 'specialty' | 'tier' | 'status' | 'notes';

/** Column names people give these columns, compared without case, spaces or punctuation. */
const HEADERS: Record<Column, readonly string[]> = {
  name: ['name', 'programname', 'program', 'programtitle', 'residencyprogram', 'residency'],
  url: ['url', 'programurl', 'website', 'programwebsite', 'webaddress', 'link', 'weblink', 'web', 'site', 'homepage'],
  specialty: ['specialty', 'speciality'],
  tier: ['tier', 'category', 'list'],
  status: ['status', 'applicationstatus'],
  notes: ['notes', 'note', 'comments', 'comment'],
};
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter the column names are separated by. papaparse's own guess needs several rows of equal
 * width and gives up on a short file; the header line alone says it (its names hold no delimiters).
 */
function guessDelimiter(text: string): string {
  const header = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  let best: string = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = header.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

export interface CsvRead {
  rows: ImportRow[];
  /** Problems with the file as a whole or with a row's quoting; the rows' values are checked by the plan. */
  errors: ImportError[];
}

/**
 * CSV text → rows, numbered as a spreadsheet numbers them (the column names are row 1). The first
 * row must name the columns; Name and URL are required, Specialty, Tier, Status and Notes optional,
 * any other column (the export's Score, Added, …) is ignored. Blank rows are skipped.
 */
export function parseCsv(text: string): CsvRead {
  const clean = text.replace(/^\uFEFF/, ''); // Excel's UTF-8 byte-order mark
  if (!clean.trim()) return { rows: [], errors: [{ entry: 'file', field: 'file', message: 'the file is empty' }] };
  const parsed = Papa.parse<string[]>(clean, { header: false, skipEmptyLines: false, delimiter: guessDelimiter(clean) });
  const errors: ImportError[] = parsed.errors
    // A one-column file has no delimiter to detect; the missing Name or URL column is reported below.
    .filter((e) => e.type === 'Quotes')
    .map((e) => ({
      row: (e.row ?? 0) + 1,
      field: 'quotes',
      message: e.code === 'MissingQuotes' ? 'a quoted cell is never closed (a " is missing)' : 'a quote mark is out of place',
    }));

  const records = parsed.data;
  const headerIndex = records.findIndex((r) => r.some((c) => c.trim() !== ''));
  const header = (records[headerIndex] ?? []).map((c) => squash(restore(c.trim())));
  const col = {} as Record<Column, number>;
  for (const key of Object.keys(HEADERS) as Column[]) col[key] = header.findIndex((h) => HEADERS[key].includes(h));
  for (const key of ['name', 'url'] as const) {
    if (col[key] < 0)
      errors.push({
        row: headerIndex + 1,
        field: key,
        message: `no ${key === 'name' ? 'program name' : 'web address'} column: the first row should name the columns, e.g. “Name” and “URL”`,
      });
  }
  if (col.name < 0 || col.url < 0) return { rows: [], errors };

  const rows: ImportRow[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i]!;
    if (cells.every((c) => c.trim() === '')) continue;
    const raw = (k: Column) => (col[k] < 0 ? '' : restore(cells[col[k]] ?? ''));
    const cell = (k: Column) => raw(k).trim();
    const row: ImportRow = { row: i + 1, name: cell('name'), url: cell('url') };
    for (const k of ['specialty', 'tier', 'status'] as const) {
      const v = cell(k);
      if (v) row[k] = v;
    }
    // Notes keep their own spacing and line breaks.
    if (cell('notes')) row.notes = raw('notes');
    rows.push(row);
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ entry: 'file', field: 'file', message: 'the file names its columns but lists no programs' });
  if (rows.length > MAX_IMPORT_ROWS)
    errors.push({ entry: 'file', field: 'file', message: `the file lists ${rows.length} programs; one import takes at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')}` });
  return { rows, errors };
}
