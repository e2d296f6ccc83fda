import { describe, expect, test } from 'vitest';
import type { Block, PageText } from '../../../lib/core/page-text';
import { signalsSchema } from '../../../lib/core/schema/signals';
import { emptySignals } from '../../../lib/core/signals/empty';
import { extractSignals } from '../../../lib/core/signals/index';
import {
  freidaProgramId,
  isPlaceholder,
  normaliseSetting,
  readFreida,
  specialtyFromName,
  specialtyFromProgramId,
  type FreidaFields,
} from '../../../lib/core/freida';

const URL_IM = 'https://freida.ama-assn.org/program/1403531877';

// --- builders -------------------------------------------------------------------------------

type B = Partial<Block> & { kind: Block['kind']; text: string };
function page(blocks: B[], opts: { url?: string; title?: string; ngState?: string } = {}): PageText {
  return {
    url: opts.url ?? URL_IM,
    title: opts.title ?? '',
    blocks: blocks.map((b, i) => ({ chrome: false, locator: [i], ...b })),
    ...(opts.ngState !== undefined ? { ngState: opts.ngState } : {}),
  };
}
const lv = (prompt: string, text: string, section?: string): B => ({ kind: 'label-value', prompt, text, section });
const para = (text: string): B => ({ kind: 'paragraph', text });
const heading = (text: string, level = 2): B => ({ kind: 'heading', text, level });

/** FREIDA's transfer state: an unrelated entry plus the program document (keys are arbitrary hashes). */
function ngState(id: string, survey: Record<string, unknown>, program: Record<string, unknown> = {}, key = '4081288835'): string {
  return JSON.stringify({
    '3968126905': { b: { baseAdminUrl: 'https://freida-admin.ama-assn.org' }, h: {}, s: 200, st: 'OK', u: '/apiEnv', rt: 'json' },
    [key]: {
      b: {
        data: [{
          type: 'node--program',
          id: `uuid-${id}`,
          attributes: { field_program_id: id, title: 'Hudson Harbor Medical Center Program', ...program },
          relationships: { field_survey: { data: [{ type: 'node--survey_2024', id: `s-${id}` }] } },
        }],
        included: [{ type: 'node--survey_2024', id: `s-${id}`, attributes: survey }],
      },
      h: {}, s: 200, st: 'OK', u: `https://freida-admin.ama-assn.org/api/node/program?filter%5Bfield_program_id%5D=${id}`, rt: 'json',
    },
  });
}

const FULL_SURVEY = {
  field_pct_img: 86,
  field_program_best_described_as: 'Community Based University Affiliated',
  field_visa_status: ['J-1'],
  field_usmle_step_1_minimum_score: '210',
  field_usmle_step_2_minimum_score: 225,
  field_years_since_graduation: 'Within the past 5 year(s)',
};
const ADDRESS = { field_address: { locality: 'Yonkers', administrative_area: 'NY' } };

/** Rendered page as FREIDA shows it (values deliberately differ from FULL_SURVEY so the source is visible). */
const RENDERED: B[] = [
  { kind: 'heading', text: 'Hudson Harbor Medical Center Program', level: 1 },
  heading('Internal Medicine'),
  para('ID: 1403531877'),
  para('Yonkers, NY'),
  para('Sponsor: Hudson Harbor Medical Center'),
  heading('Program Information', 3),
  lv('Program best described as', 'University Based', 'Program Information'),
  heading('Visa Sponsorship', 3),
  lv('J-1 visa sponsorship through ECFMG', 'No', 'Visa Sponsorship'),
  lv('H-1B visa', 'Yes', 'Visa Sponsorship'),
  lv('F-1 visa (OPT 1st year)', 'Yes', 'Visa Sponsorship'),
  heading('Residents / Fellows', 3),
  lv('% International medical graduates (IMG), 3-year average', '40%', 'Residents / Fellows'),
  heading('USMLE Step 1', 4),
  lv('Step 1 required', 'Yes', 'USMLE Step 1'),
  lv('Minimum score', '200', 'USMLE Step 1'),
  heading('USMLE Step 2 CK', 4),
  lv('Step 2 required', 'Yes', 'USMLE Step 2 CK'),
  lv('Minimum score', '220', 'USMLE Step 2 CK'),
  heading('Other Information', 3),
  lv('Graduation from medical school', 'Within the past 3 year(s)', 'Other Information'),
];

const values = (f: FreidaFields) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v?.value]));

// --- URL → id --------------------------------------------------------------------------------

describe('freidaProgramId', () => {
  test.each([
    ['https://freida.ama-assn.org/program/1403531877', '1403531877'],
    ['https://freida.ama-assn.org/program/1403531877/', '1403531877'],
    ['https://freida.ama-assn.org/program/1403531877/overview', '1403531877'],
    ['https://freida.ama-assn.org/program/1403531877/program-work-schedule', '1403531877'],
    ['https://freida.ama-assn.org/program/1403531877/features-benefits', '1403531877'],
    ['https://freida.ama-assn.org/program/0201121610?utm_source=x#top', '0201121610'],
    ['https://FREIDA.ama-assn.org/program/3003821057', '3003821057'],
    ['http://freida.ama-assn.org/program/3003821057', '3003821057'],
  ])('%s → %s', (url, id) => expect(freidaProgramId(url)).toBe(id));

  test.each([
    'https://freida.ama-assn.org/search/list?spec=43236&page=1',
    'https://freida.ama-assn.org/',
    'https://freida.ama-assn.org/program/140353187',
    'https://freida.ama-assn.org/program/14035318770',
    'https://freida.ama-assn.org/program/14035318x7',
    'https://freida.ama-assn.org/programs/1403531877',
    'https://freida.ama-assn.org/search/list/program/1403531877',
    'https://freida.ama-assn.org.evil.example/program/1403531877',
    'https://www.example-hospital.org/program/1403531877',
    'ftp://freida.ama-assn.org/program/1403531877',
    'freida.ama-assn.org/program/1403531877',
    'not a url',
    '',
  ])('%s → null', (url) => expect(freidaProgramId(url)).toBeNull());
});

// --- id → specialty --------------------------------------------------------------------------

describe('specialtyFromProgramId', () => {
  test.each([
    ['1403531877', 'internal-medicine', 'Internal Medicine'],
    ['1202531442', 'family-medicine', 'Family Medicine'],
    ['3003821057', 'pathology', 'Pathology'],
    ['3201121610', 'pediatrics', 'Pediatrics'],
    ['4003521001', 'psychiatry', 'Psychiatry'],
    ['1853512345', 'child-neurology', 'Child Neurology'],
    ['0200512345', 'allergy-and-immunology', 'Allergy and Immunology'],
    ['9990512345', 'transitional-year', 'Transitional Year'],
  ])('%s → %s', (id, slug, name) => expect(specialtyFromProgramId(id)).toEqual({ slug, name }));

  test.each(['7003512345', '1403', '140353187', 'abc3531877', ''])('%s → null', (id) =>
    expect(specialtyFromProgramId(id)).toBeNull());
});

describe('specialtyFromName', () => {
  test.each([
    ['Internal Medicine', 'internal-medicine'],
    ['Pathology-Anatomic and Clinical', 'pathology'],
    ['Obstetrics & Gynecology', 'obstetrics-and-gynecology'],
    ['OB/GYN Residency', 'obstetrics-and-gynecology'],
    ['Interventional Radiology-Integrated', 'interventional-radiology'],
    ['Radiology-Diagnostic', 'diagnostic-radiology'],
    ['Child Neurology', 'child-neurology'],
    ['Family Practice', 'family-medicine'],
  ])('%s → %s', (text, slug) => expect(specialtyFromName(text)?.slug).toBe(slug));

  test.each(['Surgery', 'Internal Medicine-Pediatrics', 'Hudson Harbor Medical Center Program', ''])('%s → null', (text) =>
    expect(specialtyFromName(text)).toBeNull());
});

// --- setting normalisation -------------------------------------------------------------------

describe('normaliseSetting', () => {
  test.each([
    ['University Based', 'university'],
    ['University-based', 'university'],
    ['university based', 'university'],
    ['UNIVERSITY-BASED', 'university'],
    ['Community Based', 'community'],
    ['Community-based', 'community'],
    ['  community   based ', 'community'],
    ['Community Based University Affiliated', 'community-university-affiliated'],
    ['Community-based, university-affiliated', 'community-university-affiliated'],
    ['community-based university affiliated', 'community-university-affiliated'],
    ['Military Based', null],
    ['Other', null],
    ['', null],
    ['Not available', null],
  ])('%j → %j', (text, want) => expect(normaliseSetting(text)).toBe(want));
});

describe('isPlaceholder', () => {
  test.each(['Not available', 'not available', 'Coming in August', 'Coming in August 2025', '–', '—', '-', 'N/A', 'n/a', '', '   '])(
    '%j is a placeholder', (v) => expect(isPlaceholder(v)).toBe(true));
  test.each(['Yes', 'No', '220', '0%', 'Within the past 5 year(s)'])('%j is a value', (v) => expect(isPlaceholder(v)).toBe(false));
});

// --- transfer state --------------------------------------------------------------------------

describe('readFreida: ng-state', () => {
  test('uses the JSON entry whose program id matches the URL, found by content', () => {
    const got = readFreida(page([], { ngState: ngState('1403531877', FULL_SURVEY, ADDRESS, '99') }));
    expect(values(got)).toEqual({
      specialty: 'internal-medicine',
      programType: 'community-university-affiliated',
      state: 'NY',
      visaJ1: 'yes',
      visaH1b: 'no',
      step1MinScore: 210,
      step2MinScore: 225,
      yog: { maxYears: 5 },
      imgPercent: 86,
    });
    expect(got.visaH1b).toEqual({
      value: 'no',
      strength: 'required',
      evidence: { pageUrl: URL_IM, quote: 'FREIDA: H-1B visa — No (visa status: J-1)', blockIndex: -1 },
    });
    expect(got.state?.evidence.quote).toBe('FREIDA: Location — Yonkers, NY');
    expect(got.specialty?.evidence).toEqual({ pageUrl: URL_IM, quote: 'FREIDA program 1403531877 (Internal Medicine)', blockIndex: -1 });
  });

  test('JSON beats the rendered labels field by field', () => {
    const got = readFreida(page(RENDERED, { ngState: ngState('1403531877', FULL_SURVEY, ADDRESS) }));
    expect(got.visaJ1?.value).toBe('yes');
    expect(got.visaH1b?.value).toBe('no');
    expect(got.imgPercent?.value).toBe(86);
    expect(got.step1MinScore?.value).toBe(210);
    expect(got.yog?.value).toEqual({ maxYears: 5 });
    expect(got.programType?.evidence.blockIndex).toBe(-1);
  });

  test('JSON for another program (client-side navigation) is ignored', () => {
    const got = readFreida(page(RENDERED, { ngState: ngState('1202531442', { ...FULL_SURVEY, field_visa_status: ['J-1', 'H-1B'] }, ADDRESS) }));
    expect(values(got)).toEqual({
      specialty: 'internal-medicine',
      programType: 'university',
      state: 'NY',
      visaJ1: 'no',
      visaH1b: 'yes',
      step1MinScore: 200,
      step2MinScore: 220,
      yog: { maxYears: 3 },
      imgPercent: 40,
    });
    expect(got.visaH1b?.evidence).toEqual({ pageUrl: URL_IM, quote: 'H-1B visa: Yes', blockIndex: 9 });
  });

  test('JSON without a matching program ignored even on a sub-tab URL of another id', () => {
    const got = readFreida(page([], { url: 'https://freida.ama-assn.org/program/3003821057/overview', ngState: ngState('1403531877', FULL_SURVEY, ADDRESS) }));
    expect(values(got)).toEqual({ specialty: 'pathology' });
  });

  test('numeric field_program_id with a leading zero still matches', () => {
    const json = ngState('0201121610', { field_pct_img: '12%' }).replace('"field_program_id":"0201121610"', '"field_program_id":201121610');
    const got = readFreida(page([], { url: 'https://freida.ama-assn.org/program/0201121610', ngState: json }));
    expect(got.imgPercent?.value).toBe(12);
  });

  test("Angular < 16 escaped transfer state (&q;) is read", () => {
    const json = ngState('1403531877', FULL_SURVEY, ADDRESS).replace(/"/g, '&q;');
    expect(readFreida(page([], { ngState: json })).visaJ1?.value).toBe('yes');
  });

  test('with several surveys, the newest related one is used', () => {
    const json = JSON.stringify({
      '1': { b: {
        data: [{ type: 'node--program', attributes: { field_program_id: '1403531877' },
          relationships: { field_survey: { data: [{ id: 'a' }, { id: 'b' }] } } }],
        included: [
          { type: 'node--survey_2023', id: 'a', attributes: { field_pct_img: 10 } },
          { type: 'node--survey_2024', id: 'b', attributes: { field_pct_img: 20 } },
          { type: 'node--survey_2025', id: 'other-program', attributes: { field_pct_img: 30 } },
        ] } },
    });
    expect(readFreida(page([], { ngState: json })).imgPercent?.value).toBe(20);
  });

  test.each([
    ['not JSON', '{"3968126905": {"b": '],
    ['empty', ''],
    ['an array', '[1,2,3]'],
    ['null', 'null'],
    ['a string', '"node--program"'],
    ['entries of wrong shapes', JSON.stringify({ a: null, b: 5, c: 'x', d: { b: { data: 'node--program' } }, e: { b: { data: [null, 1, { type: 'node--program' }] } } })],
    ['attributes of wrong types', ngState('1403531877', { field_visa_status: 7, field_pct_img: 'lots', field_program_best_described_as: ['University Based'], field_usmle_step_2_minimum_score: { v: 1 }, field_years_since_graduation: true }, { field_address: 'NY' })],
    ['a huge string', `{"x":"${'a'.repeat(5_100_000)}"}`],
  ])('%s: ignored, labels used, no throw', (_, json) => {
    const got = readFreida(page(RENDERED, { ngState: json }));
    expect(got.visaJ1?.value).toBe('no');
    expect(got.visaH1b?.value).toBe('yes');
    expect(got.imgPercent?.value).toBe(40);
    expect(got.state?.value).toBe('NY');
  });

  test('fields the JSON lacks come from the rendered labels (typical: minimum scores)', () => {
    const survey = { field_pct_img: 86, field_visa_status: ['J-1', 'H-1B'] };
    const got = readFreida(page(RENDERED, { ngState: ngState('1403531877', survey) }));
    expect(got.imgPercent?.evidence.blockIndex).toBe(-1);
    expect(got.visaH1b?.value).toBe('yes');
    expect(got.visaJ1?.value).toBe('yes');
    expect(got.step1MinScore).toMatchObject({ value: 200, evidence: { quote: 'Minimum score: 200', blockIndex: 15 } });
    expect(got.step2MinScore).toMatchObject({ value: 220, evidence: { quote: 'Minimum score: 220', blockIndex: 18 } });
    expect(got.yog?.value).toEqual({ maxYears: 3 });
    expect(got.programType?.value).toBe('university');
    expect(got.state).toMatchObject({ value: 'NY', evidence: { quote: 'Yonkers, NY', blockIndex: 3 } });
  });

  test('JSON placeholders and "Military Based" fall back to labels', () => {
    const survey = { field_pct_img: 'Not available', field_program_best_described_as: 'Military Based', field_usmle_step_2_minimum_score: '–', field_years_since_graduation: 'No cap on the number of years since graduation' };
    const got = readFreida(page(RENDERED, { ngState: ngState('1403531877', survey) }));
    expect(got.imgPercent?.value).toBe(40);
    expect(got.programType?.value).toBe('university');
    expect(got.step2MinScore?.value).toBe(220);
    expect(got.yog?.value).toEqual({ maxYears: 3 });
  });

  // Visa list semantics: a non-empty list is an answer to "which visas do you sponsor":
  // a listed type is "yes", an unlisted one "no". An empty list cannot be told apart from a blank
  // answer, so it says nothing (the rendered Yes/No rows decide, or the field stays unknown).
  test.each([
    [['J-1'], 'yes', 'no'],
    [['J-1', 'H-1B'], 'yes', 'yes'],
    [['J-1', 'F-1'], 'yes', 'no'],
    [['H-1B'], 'no', 'yes'],
    [['J1', 'H1B'], 'yes', 'yes'],
    [['j-1 (through ECFMG)', 'H-1b'], 'yes', 'yes'],
    [['None'], 'no', 'no'],
    ['J-1, H-1B', 'yes', 'yes'],
  ])('field_visa_status %j → J-1 %s, H-1B %s', (list, j1, h1b) => {
    const got = readFreida(page([], { ngState: ngState('1403531877', { field_visa_status: list }) }));
    expect(got.visaJ1?.value).toBe(j1);
    expect(got.visaH1b?.value).toBe(h1b);
  });

  test.each([[[]], [['Not available']], [null], [[1, 2]]])('field_visa_status %j → no answer from JSON', (list) => {
    const alone = readFreida(page([], { ngState: ngState('1403531877', { field_visa_status: list }) }));
    expect(alone.visaJ1).toBeUndefined();
    expect(alone.visaH1b).toBeUndefined();
    const withLabels = readFreida(page(RENDERED, { ngState: ngState('1403531877', { field_visa_status: list }) }));
    expect(withLabels.visaJ1?.value).toBe('no');
    expect(withLabels.visaH1b?.value).toBe('yes');
  });

  test.each([
    [{ field_pct_img: '42' }, 'imgPercent', 42],
    [{ field_pct_img: '41.6%' }, 'imgPercent', 42],
    [{ field_pct_img: 0 }, 'imgPercent', 0],
    [{ field_pct_img: 140 }, 'imgPercent', undefined],
    [{ field_program_best_described_as: 'Community-based' }, 'programType', 'community'],
    [{ field_program_best_described_as: 'Other' }, 'programType', undefined],
    [{ field_usmle_step_1_minimum_score: 0 }, 'step1MinScore', undefined],
    [{ field_usmle_step_1_minimum_score: 'Not available' }, 'step1MinScore', undefined],
    [{ field_years_since_graduation: 3 }, 'yog', { maxYears: 3 }],
    [{ field_years_since_graduation: 'within the past three years' }, 'yog', { maxYears: 3 }],
  ] as const)('%j → %s = %j', (survey, field, want) => {
    const got = readFreida(page([], { ngState: ngState('1403531877', survey) }));
    expect(got[field]?.value).toEqual(want);
  });

  test.each([
    [{ locality: 'Yonkers', administrative_area: 'NY' }, 'NY'],
    [{ locality: 'Yonkers', administrative_area: 'New York' }, 'NY'],
    [{ administrative_area: 'PR' }, 'PR'],
    [{ administrative_area: 'ZZ' }, undefined],
    [{ locality: 'Toronto', administrative_area: 'Ontario' }, undefined],
  ])('field_address %j → state %s', (address, want) => {
    const got = readFreida(page([], { ngState: ngState('1403531877', {}, { field_address: address }) }));
    expect(got.state?.value).toBe(want);
  });
});

// --- rendered labels -------------------------------------------------------------------------

describe('readFreida: rendered labels', () => {
  test('reads every field from the label/value rows', () => {
    const got = readFreida(page(RENDERED));
    expect(values(got)).toEqual({
      specialty: 'internal-medicine', programType: 'university', state: 'NY', visaJ1: 'no', visaH1b: 'yes',
      step1MinScore: 200, step2MinScore: 220, yog: { maxYears: 3 }, imgPercent: 40,
    });
    expect(got.visaJ1?.evidence).toEqual({ pageUrl: URL_IM, quote: 'J-1 visa sponsorship through ECFMG: No', blockIndex: 8 });
    expect(() => signalsSchema.parse({ ...emptySignals(true), ...got })).not.toThrow();
  });

  test('the older layout: exam named in the label, "Program Setting", "Medical school graduation"', () => {
    const got = readFreida(page([
      lv('Program Setting', 'Community-based', 'Program Information'),
      lv('Minimum Step 1 Score for Interview Consideration', '215', 'USMLE Score Requirements'),
      lv('Passing Step 2 Required for Interview Consideration', 'Yes', 'USMLE Score Requirements'),
      lv('Minimum Step 2 Score for Interview Consideration', '225', 'USMLE Score Requirements'),
      lv('Medical school graduation', 'Within the past 5 year(s)', 'Other Information'),
    ]));
    expect(values(got)).toMatchObject({ programType: 'community', step1MinScore: 215, step2MinScore: 225, yog: { maxYears: 5 } });
  });

  const PLACEHOLDERS = ['Not available', 'Coming in August', '–', '—', '-', 'N/A', ''];
  test.each(PLACEHOLDERS)('placeholder %j leaves every field unknown', (ph) => {
    const got = readFreida(page([
      lv('Program best described as', ph),
      lv('J-1 visa sponsorship through ECFMG', ph, 'Visa Sponsorship'),
      lv('H-1B visa', ph, 'Visa Sponsorship'),
      lv('% International medical graduates (IMG), 3-year average', ph),
      lv('Minimum score', ph, 'USMLE Step 1'),
      lv('Minimum score', ph, 'USMLE Step 2 CK'),
      lv('Graduation from medical school', ph),
    ]));
    expect(values(got)).toEqual({ specialty: 'internal-medicine' });
  });

  test.each([
    ['No cap on the number of years since graduation', undefined],
    ['Within the past 5 year(s)', { maxYears: 5 }],
    ['within the past 1 year(s)', { maxYears: 1 }],
    ['Graduated in 2019 or later', { earliestYear: 2019 }],
    ['Coming in August', undefined],
  ])('graduation %j → %j', (text, want) => {
    expect(readFreida(page([lv('Graduation from medical school', text)])).yog?.value).toEqual(want);
  });

  test.each([
    ['USMLE Step 1', 'step1MinScore'],
    ['USMLE Step 2 CK', 'step2MinScore'],
    ['USMLE Step 2CK', 'step2MinScore'],
  ] as const)('"Minimum score" under %s → %s', (section, field) => {
    const got = readFreida(page([lv('Minimum score', '230', section)]));
    expect(got[field]?.value).toBe(230);
    expect(Object.keys(got).sort()).toEqual([field, 'specialty'].sort());
  });

  test.each(['COMLEX Level 2', 'USMLE Step 3', 'Other Information', undefined])('"Minimum score" under %j is not a Step 1/2 minimum', (section) => {
    const got = readFreida(page([lv('Minimum score', '230', section)]));
    expect(got.step1MinScore).toBeUndefined();
    expect(got.step2MinScore).toBeUndefined();
  });

  test('F-1 row and "% IMG"-like graduate labels are not misread', () => {
    const got = readFreida(page([lv('F-1 visa (OPT 1st year)', 'Yes'), lv('% International medical graduates (IMG), 3-year average', '55%')]));
    expect(got.visaJ1).toBeUndefined();
    expect(got.visaH1b).toBeUndefined();
    expect(got.yog).toBeUndefined();
    expect(got.imgPercent?.value).toBe(55);
  });

  test('non-program URLs give nothing', () => {
    expect(readFreida(page(RENDERED, { url: 'https://freida.ama-assn.org/search/list?spec=140' }))).toEqual({});
    expect(readFreida(page(RENDERED, { url: 'https://www.example-hospital.org/residency' }))).toEqual({});
  });
});

// --- state and specialty ---------------------------------------------------------------------

describe('readFreida: state and specialty', () => {
  // 1403531877 carries state code 35 (NY); the page is in NJ: the id must not decide.
  test('the state comes from the page, never from the id digits', () => {
    const got = readFreida(page([para('ID: 1403531877'), para('Hackensack, NJ')]));
    expect(got.state?.value).toBe('NJ');
  });

  test('no location line and no JSON → no state, even though the id has a state code', () => {
    const got = readFreida(page([para('ID: 1403531877'), lv('H-1B visa', 'No')]));
    expect(got.state).toBeUndefined();
  });

  test.each([
    ['Sponsor: Hudson Harbor Medical Center', undefined],
    ['1 Harbor Plaza, Yonkers, NY 10701', undefined],
    ['Toronto, ON', undefined],
    ['St. Louis, MO', 'MO'],
    ['Winston-Salem, NC', 'NC'],
    ['San Juan, PR', 'PR'],
  ])('location line %j → %s', (text, want) => {
    expect(readFreida(page([para(text)])).state?.value).toBe(want);
  });

  test('content location beats chrome', () => {
    const got = readFreida(page([{ kind: 'paragraph', text: 'Chicago, IL', chrome: true }, para('Tampa, FL')]));
    expect(got.state?.value).toBe('FL');
  });

  test('unknown specialty code → specialty from a heading naming one', () => {
    const url = 'https://freida.ama-assn.org/program/7003512345';
    const got = readFreida(page([heading('Some Program', 1), heading('Pathology-Anatomic and Clinical')], { url }));
    expect(got.specialty).toEqual({ value: 'pathology', strength: 'required', evidence: { pageUrl: url, quote: 'Pathology-Anatomic and Clinical', blockIndex: 1 } });
  });

  test('unknown specialty code and no heading → from the title, else absent', () => {
    const url = 'https://freida.ama-assn.org/program/7003512345';
    expect(readFreida(page([], { url, title: 'X Program | Psychiatry | FREIDA' })).specialty?.value).toBe('psychiatry');
    expect(readFreida(page([heading('Internal Medicine-Pediatrics')], { url, title: 'X | Internal Medicine-Pediatrics | FREIDA' })).specialty).toBeUndefined();
  });

  test('the id prefix wins over headings', () => {
    expect(readFreida(page([heading('Pediatrics')])).specialty?.value).toBe('internal-medicine');
  });
});

describe('survey answers and the program\'s own words', () => {
  const visaOf = (blocks: B[]) => {
    const s = extractSignals(page([heading('Internal Medicine Residency', 1), ...blocks], { ngState: ngState('1403531877', { field_visa_status: ['J-1', 'H-1B'] }, ADDRESS) }));
    return [s.visaJ1?.value ?? null, s.visaH1b?.value ?? null];
  };
  test('a condition in the program\'s text narrows the survey\'s Yes', () => {
    expect(visaOf([para('We accept applications through ERAS only.'), para('H-1B sponsorship requires a passing Step 3 score before the rank list deadline.')])).toEqual(['yes', 'conditional']);
  });
  test('the survey\'s Yes stands against a plain yes or silence, and the survey beats a plain no', () => {
    expect(visaOf([para('We accept applications through ERAS only.')])).toEqual(['yes', 'yes']);
    expect(visaOf([para('We accept applications through ERAS only.'), para('We do not sponsor H-1B visas.')])).toEqual(['yes', 'yes']);
  });
});
