import { describe, expect, test } from 'vitest';
import { pageTextFromLines } from '../../../../../lib/core/page-text';
import { extractSignals } from '../../../../../lib/core/signals/index';
import { toLabels } from '../../../../../lib/core/signals/labels';

// Setting only from explicit words about the program or its hospital (corpus/README.md), never from
// an institution's name or from rotations described as community-based. Phrasings written for these tests.

const URL = 'https://www.example-hospital.org/gme/internal-medicine/overview';
const TITLE = 'Overview | Internal Medicine Residency | Example Hospital';

function read(lines: string[]) {
  const page = pageTextFromLines(['# Program Overview', 'We accept applications through ERAS only.', ...lines], URL, TITLE);
  return toLabels(extractSignals(page));
}

type T = 'community' | 'community-university-affiliated' | 'university' | null;

describe('setting words', () => {
  test.each<[string, T]>([
    ['Our program is a community-based internal medicine residency.', 'community'],
    ['We are a 300-bed community teaching hospital in a growing suburb.', 'community'],
    ['Example Hospital is an independent, non-profit community hospital.', 'community'],
    ['Our residency is community-based.', 'community'],
    ['Training takes place at an academic community hospital.', 'community'],
    ['We are a community based program with a strong commitment to teaching.', 'community'],
    ['This is a community-based, university-affiliated program.', 'community-university-affiliated'],
    ['We are a university-affiliated community hospital.', 'community-university-affiliated'],
    ['Our community hospital is affiliated with the State University School of Medicine.', 'community-university-affiliated'],
    ['The residency is a community based university affiliated program.', 'community-university-affiliated'],
    ['We are a university-based program at a 600-bed academic medical center.', 'university'],
    ['Our residency is university-based.', 'university'],
    ['Residents train at a tertiary-care university hospital.', 'university'],
    ['We are an academic, university-based residency program.', 'university'],
    ['Ours is a university program with a large research enterprise.', 'university'],
    ['Community-Based Internal Medicine Residency', 'community'],
    ['# A Community Hospital Program in the Heart of the City', 'community'],
    ['Saint Example Community Hospital is a community-based teaching hospital.', 'community'],
  ])('%s → %s', (line, want) => {
    expect(read([line]).programType).toBe(want);
  });
});

describe('setting labels', () => {
  test.each<[string, T]>([
    ['Program setting :: Community-based', 'community'],
    ['Program type :: University Based', 'university'],
    ['Program best described as :: Community Based University Affiliated', 'community-university-affiliated'],
    ['Setting :: Community', 'community'],
    ['Hospital type :: Military Based', null],
    ['Program setting :: Not available', null],
  ])('%s → %s', (line, want) => {
    expect(read([line]).programType).toBe(want);
  });
});

describe('not a setting', () => {
  test.each<[string]>([
    ['Shore Point University Medical Center is located on the Jersey shore.'],
    ['Residents rotate at Example University Hospital for cardiology.'],
    ['Residents complete community-based rotations in outpatient clinics.'],
    ['Residents gain experience in community-based psychiatry clinics.'],
    ['Our residents provide community health outreach every month.'],
    ['We serve a diverse community of 200,000 people.'],
    ['The program is part of the University of Example Department of Medicine.'],
    ['We are proud to serve our community.'],
    ['Many applicants ask whether a community or university program is a better fit.'],
    ['Residents spend one month at a rural community hospital.'],
    ['Our graduates practise in community and academic settings alike.'],
    ['Residents enjoy working at our Valley Community Hospital campus.'],
    ['Welcome to a Mercy University Hospital program tradition of excellence.'],
    ['This program is not university-based.'],
    ['Our program has affiliations with both community and university hospitals.'],
  ])('%s → null', (line) => {
    expect(read([line]).programType).toBeNull();
  });
});

test('evidence quotes the setting sentence', () => {
  const out = read(['Residents rotate at Example University Hospital.', 'We are a community-based program.']);
  expect(out.programType).toBe('community');
  expect(out.evidence.programType).toBe('We are a community-based program.');
});

// Phrasings met writing a held-out set of pages (session 2), in our own words.
describe('more setting phrasings', () => {
  test.each<[string, T]>([
    ['The Riverbend Family Medicine Residency is a community-based, unopposed program.', 'community'],
    ['We are a community-based, three-year internal medicine residency.', 'community'],
    ['Our program is community based and affiliated with the Lakeview University College of Medicine.', 'community-university-affiliated'],
    ['Program type: Community-based', 'community'],
    ['Setting: University-based', 'university'],
    ['Program type: Categorical', null],
  ])('%s', (line, want) => {
    expect(read([line]).programType).toBe(want);
  });
});

describe('an affiliation named after the setting', () => {
  test.each<[string, T]>([
    ['Riverside is a community hospital with a university affiliation and a long teaching tradition.', 'community-university-affiliated'],
  ])('%s', (line, want) => {
    expect(read([line]).programType).toBe(want);
  });
});

describe('FREIDA wording with a place word', () => {
  test.each<[string, T]>([
    ['Program best described as: Community-based university affiliated hospital', 'community-university-affiliated'],
  ])('%s', (line, want) => {
    expect(read([line]).programType).toBe(want);
  });
});

describe('the program described before its rotation sites', () => {
  test.each<[string, T]>([
    ['We are a university hospital program with residents rotating through the VA and two affiliated community hospitals.', 'university'],
    ['Ours is a community-based program whose residents rotate at the university hospital for two months.', 'community'],
    ['Residents rotate through a university hospital for cardiology.', null],
    ['Our residents spend two months at a community hospital in the valley.', null],
  ])('%s', (line, want) => {
    expect(read([line]).programType).toBe(want);
  });
});

describe('an affiliation after "community-based program", a name before "is", a yes to the question', () => {
  test.each<[string[], T]>([
    [['We are a community-based program affiliated with the Illinois Prairie University College of Medicine.'], 'community-university-affiliated'],
    [['The Neurology Residency at Loyalsock Creek Medical Center is a community hospital program affiliated with the Blue Mountain University School of Medicine, where residents complete two rotations.'], 'community-university-affiliated'],
    [['Is the residency university-based? || Yes.'], 'university'],
    [['Is this a community hospital? || Yes, a 300-bed one.'], 'community'],
    [['Is the residency university-based? || No.'], null],
    [['Is the program community or university based? || Yes.'], null],
  ])('%s', (lines, want) => {
    expect(read(lines).programType).toBe(want);
  });
});

describe('a setting label with the hospital named in brackets', () => {
  test('"Program setting :: Community-Based (Example Regional Hospital, 188 beds)"', () => {
    expect(read(['Program setting :: Community-Based (Example Regional Hospital, 188 beds, and its health center)']).programType).toBe('community');
  });
});

describe('a rotation site described under its section', () => {
  test.each<[string[], T]>([
    [['# Community Rotation Sites', 'Verde Mesa Regional Hospital is a 140-bed community hospital with a busy emergency department.'], null],
    [['# Training Sites', 'Our program is a community-based residency; residents also rotate at the county hospital.'], 'community'],
  ])('%s', (lines, want) => {
    expect(read(lines).programType).toBe(want);
  });
});

describe('round 8: "a community-based teaching hospital with a university affiliation"', () => {
  test('reads as community, university-affiliated', () => {
    expect(read(['Bluegrass Ridge is a community-based teaching hospital with a university affiliation: our residents rotate at the university for subspecialty blocks.']).programType).toBe('community-university-affiliated');
  });
});

describe('round 9: "based at our university hospital"', () => {
  test.each<[string[], T]>([
    [['The four-year residency is based at our university hospital in Gainesville.'], 'university'],
    [['Residents rotate at our university hospital for two months of cardiology.'], null],
  ])('%s', (lines, want) => {
    expect(read(lines).programType).toBe(want);
  });
});
