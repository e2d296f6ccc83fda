import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { CSV_COLUMNS, csvCells, listToCsv, neutralise, parseCsv, restore, type CsvItem } from '../../../../lib/core/list/csv';
import type { Tier } from '../../../../lib/core/schema/fit';
import type { Program } from '../../../../lib/core/schema/program';
import { makeProgram } from '../../../fixtures/programs';

// The list as CSV and an applicant's spreadsheet back in: columns, formula injection, quoting.

const item = (i: number, tier: Tier = 'realistic', over: Partial<Program> = {}, score: number | null = 60): CsvItem => ({
  program: makeProgram(i, over),
  fit: { score },
  tier,
});

/** The CSV's cells as a spreadsheet would hold them (papaparse's own reading, no SmartPick logic). */
const cellsOf = (csv: string) => Papa.parse<string[]>(csv, { header: false }).data;

describe('export', () => {
  test('the columns, in order', () => {
    const csv = listToCsv([item(1)]);
    expect(cellsOf(csv)[0]).toEqual([
      'Name', 'URL', 'Specialty', 'State', 'Tier', 'Score', 'Visa J-1', 'Visa H-1B', 'Step 2 CK minimum', 'Status', 'Notes', 'Added', 'Updated',
    ]);
    expect(CSV_COLUMNS).toHaveLength(13);
  });

  test('one program as a person reads it', () => {
    const p = item(1, 'realistic', {}, 64.4);
    expect(csvCells(p)).toEqual([
      p.program.name,
      p.program.urls[0],
      'Family Medicine',
      'NJ',
      'Realistic',
      '64',
      'Yes',
      'Not stated',
      '215',
      'Applying',
      '',
      '2025-09-01',
      '2025-09-01',
    ]);
  });

  test.each([
    [0, 'No', 'Not stated'], // i % 5 === 0: "We do not sponsor visas."; i % 3 === 0: no Step 2 minimum
    [2, 'Yes', '220 (preferred)'], // even i: the fixture's minimum is preferred
  ])('program %i: visa J-1 %s, Step 2 CK minimum %s', (i, visa, min) => {
    const cells = csvCells(item(i));
    expect(cells[6]).toBe(visa);
    expect(cells[8]).toBe(min);
  });

  test('tiers as listed, in list order, best score first; an unscored program has an empty score', () => {
    const csv = listToCsv([item(1, 'safety', {}, 80), item(2, 'reach', {}, 30), item(3, 'unknown', {}, null), item(4, 'reach', {}, 45), item(5, 'ineligible', {}, 10)]);
    expect(cellsOf(csv).slice(1).map((r) => [r[4], r[5]])).toEqual([
      ['Reach', '45'],
      ['Reach', '30'],
      ['Safety', '80'],
      ['Not eligible', '10'],
      ['Not scored yet', ''],
    ]);
  });

  test('CRLF line ends (RFC 4180, what Excel writes)', () => {
    expect(listToCsv([item(1)]).split('\r\n')).toHaveLength(2);
  });
});

describe('formula injection', () => {
  test.each([
    ['=HYPERLINK("http://evil.example","click")'],
    ['+1+cmd|" /C calc"!A0'],
    ['-2+3'],
    ['@SUM(1+1)*cmd|" /C calc"!A0'],
    ['\t=1+1'],
    ['\r=1+1'],
  ])('%j is written with a leading apostrophe, in every column', (evil) => {
    const csv = listToCsv([item(1, 'realistic', { name: evil, notes: evil })]);
    const row = cellsOf(csv)[1]!;
    expect(row[0]).toBe(`'${evil}`);
    expect(row[10]).toBe(`'${evil}`);
    // No cell of the file starts a formula.
    for (const cell of cellsOf(csv).flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  test.each(['Mercy General', 'Notes: 3 = three', '(555) 010-2000', '', "'quoted"])('%j is left alone', (safe) => {
    expect(neutralise(safe)).toBe(safe);
  });

  test('restore undoes neutralise exactly, even for text that already looks neutralised', () => {
    for (const s of ['=1', "'=1", "''=1", '@x', 'plain', "'plain", '-', '']) expect(restore(neutralise(s))).toBe(s);
  });
});

describe('round trip: export → import', () => {
  test('every program comes back with its name, URL, specialty, tier, status and notes', () => {
    const items = [
      item(1, 'reach', { notes: 'Called, "call back Monday", ok' }),
      item(2, 'realistic', { notes: 'Line one\nLine two\r\nLine three, with a comma' }),
      item(3, 'safety', { name: 'St. Jude, "The Best" Hospital', notes: '=cmd|calc' }),
      item(4, 'ineligible', { notes: "'=already quoted" }),
      item(5, 'unknown', { name: 'Hôpital Sainte-Anne — Médecine interne', notes: '  spaced  ' }),
    ];
    const { rows, errors } = parseCsv(`\uFEFF${listToCsv(items)}`);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(5);
    const byName = new Map(rows.map((r) => [r.name, r]));
    for (const { program, tier } of items) {
      const r = byName.get(program.name)!;
      expect(r).toBeDefined();
      expect(r.url).toBe(program.urls[0]);
      expect(r.status?.toLowerCase()).toBe(program.status);
      expect(r.notes ?? '').toBe(program.notes);
      expect(r.tier?.toLowerCase()).toBe({ reach: 'reach', realistic: 'realistic', safety: 'safety', ineligible: 'not eligible', unknown: 'not scored yet' }[tier]);
      expect(r.specialty).toBeTruthy();
    }
  });

  test('rows are numbered as a spreadsheet numbers them, counting rows a multi-line note spans once', () => {
    const { rows } = parseCsv(listToCsv([item(1, 'reach', { notes: 'a\nb\nc' }), item(2)]));
    expect(rows.map((r) => r.row)).toEqual([2, 3]);
  });
});

describe('reading an applicant’s own spreadsheet', () => {
  test('only name and URL, in any order and spelling of the column names', () => {
    const { rows, errors } = parseCsv('Website,Program Name\nhttps://a.example.org/im,Alpha IM\nb.example.org,Beta FM\n');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { row: 2, name: 'Alpha IM', url: 'https://a.example.org/im' },
      { row: 3, name: 'Beta FM', url: 'b.example.org' },
    ]);
  });

  test('semicolons (European Excel), extra columns ignored, blank rows skipped but counted', () => {
    const { rows, errors } = parseCsv('Name;URL;Tier;Status;Notes;Interview date\nAlpha;https://a.org;Reach;Applied;"x; y";2026-01-10\n;;;;;\nBeta;https://b.org;;;;\n');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { row: 2, name: 'Alpha', url: 'https://a.org', tier: 'Reach', status: 'Applied', notes: 'x; y' },
      { row: 4, name: 'Beta', url: 'https://b.org' },
    ]);
  });

  test('tab-separated', () => {
    expect(parseCsv('Name\tURL\nAlpha\thttps://a.org\n').rows).toEqual([{ row: 2, name: 'Alpha', url: 'https://a.org' }]);
  });

  test.each([
    ['an empty file', '', 'file: file: the file is empty'],
    ['blank lines only', '\n\n  \n', 'file: file: the file is empty'],
    ['no URL column', 'Name,Tier\nAlpha,Reach\n', 'row 1: url: no web address column'],
    ['no name column', 'URL\nhttps://a.org\n', 'row 1: name: no program name column'],
    ['column names but no programs', 'Name,URL\n', 'file: file: the file names its columns but lists no programs'],
    ['a quote never closed', 'Name,URL,Notes\nAlpha,https://a.org,"open\n', 'row 2: quotes: a quoted cell is never closed'],
  ])('%s is named', (_why, text, expected) => {
    const { errors } = parseCsv(text);
    const lines = errors.map((e) => `${e.row !== undefined ? `row ${e.row}` : e.entry}: ${e.field}: ${e.message}`);
    expect(lines.some((l) => l.startsWith(expected))).toBe(true);
  });
});
