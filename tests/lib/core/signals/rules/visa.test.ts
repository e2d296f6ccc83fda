import { describe, expect, test } from 'vitest';
import { pageTextFromLines } from '../../../../../lib/core/page-text';
import { extractSignals } from '../../../../../lib/core/signals/index';
import { toLabels } from '../../../../../lib/core/signals/labels';

// Phrasings written for these tests (not corpus sentences), labelled the way ../shared/corpus/README.md
// labels: "yes" only without qualification, any qualifier → "conditional", silence → null.
// "q? || a" is an FAQ question with its answer; "# text" a heading; "label :: value" a label/value row.

const URL = 'https://www.example-hospital.org/gme/internal-medicine/faq';
const TITLE = 'FAQ | Internal Medicine Residency | Example Hospital';

function read(lines: string[]) {
  const page = pageTextFromLines(['# Frequently Asked Questions', 'We accept applications through ERAS only.', ...lines], URL, TITLE);
  return toLabels(extractSignals(page));
}
const visaOf = (lines: string[]) => read(lines).visa;

type V = 'yes' | 'no' | 'conditional' | null;
type Row = [string, string[], V, V];

describe('visa spellings', () => {
  test.each(['J1', 'J-1', 'J 1', 'J‑1'])('"We sponsor %s visas." → J-1 yes', (spelling) => {
    expect(visaOf([`We sponsor ${spelling} visas.`])).toEqual({ j1: 'yes', h1b: null });
  });
  test.each(['H1', 'H1B', 'H-1B', 'H1-B', 'H-1b', 'H1b', 'H1 B', 'H-1'])('"We sponsor %s visas." → H-1B yes', (spelling) => {
    expect(visaOf([`We sponsor ${spelling} visas.`])).toEqual({ j1: null, h1b: 'yes' });
  });
});

describe('visa sponsorship statements', () => {
  test.each<Row>([
    // plain yes
    ['both sponsored', ['Our program sponsors both J1 and H1B visas.'], 'yes', 'yes'],
    ['passive both', ['J-1 and H-1B visas are both sponsored by the program.'], 'yes', 'yes'],
    ['holders welcome', ['We are happy to accept J-1 visa holders.'], 'yes', null],
    ['apply on a J-1', ['International graduates are welcome to apply on a J-1 visa.'], 'yes', null],
    ['H-1B available', ['H-1b sponsorship is available for our residents.'], null, 'yes'],
    ['mostly J-1 (H-1B unknown)', ['We mostly sponsor J-1 visas.'], 'yes', null],
    ['mainly J-1 (H-1B unknown)', ['At this time we mainly take residents on the J-1 visa.'], 'yes', null],
    ['list item per type', ['# Visa Sponsorship', '- J-1 visa: Yes', '- H-1B visa: No'], 'yes', 'no'],
    ['label/value per type', ['J-1 visa sponsorship through ECFMG :: Yes', 'H-1B visa :: No'], 'yes', 'no'],
    ['label/value listing types', ['Visas sponsored :: J-1 and H-1B'], 'yes', 'yes'],
    // negation
    ['we do not sponsor H-1B', ['We do not sponsor H-1B visas.'], null, 'no'],
    ['passive negation', ['H1B visas are not sponsored.'], null, 'no'],
    ['no H-1B sponsorship', ['No H-1B sponsorship.'], null, 'no'],
    ['not available', ['H-1B visa sponsorship is not available.'], null, 'no'],
    ['unable to', ['We are unable to sponsor H1B visas at this time.'], null, 'no'],
    ['no longer', ['We no longer sponsor H-1B visas.'], null, 'no'],
    ["don't offer", ["We don't offer H1b sponsorship."], null, 'no'],
    ['neither … nor', ['Neither J-1 nor H-1B visas are sponsored by our program.'], 'no', 'no'],
    ['do not sponsor J1 or H1', ['We do not sponsor J1 or H1 visas.'], 'no', 'no'],
    ['negation in brackets', ['International graduates are welcome to apply on a J-1 visa (we do not sponsor H1 visas).'], 'yes', 'no'],
    ['accept … but do not sponsor', ['We accept J-1 visas but do not sponsor H-1B visas.'], 'yes', 'no'],
    ['accept … but not', ['We accept J1 but not H1B visas.'], 'yes', 'no'],
    ['while …, unable', ['While we accept J-1 visa holders, we are unable to sponsor H-1B visas.'], 'yes', 'no'],
    ['semicolon', ['The program does not sponsor H-1B visas; J-1 visas through ECFMG are accepted.'], 'yes', 'no'],
    ['two sentences', ['We sponsor J-1 visas. We do not sponsor H-1B visas.'], 'yes', 'no'],
    // only one type
    ['J-1 only', ['J-1 only.'], 'yes', 'no'],
    ['only J-1 visas are accepted', ['Only J-1 visas are accepted.'], 'yes', 'no'],
    ['we only accept', ['We only accept J-1 visas.'], 'yes', 'no'],
    ['exclusively', ['The program sponsors J-1 visas exclusively.'], 'yes', 'no'],
    ['other than', ['We do not sponsor any visas other than the J-1, which is sponsored by ECFMG.'], 'yes', 'no'],
    ['bracketed J-1 only', ['We do not sponsor H-1B visas (J-1 only).'], 'yes', 'no'],
    // a policy tied to a season
    ['only J-1 for a season', ['Only J-1 for 2026-2027.'], 'yes', 'no'],
    ['J-1 only for the year', ['J-1 only for the 2026–2027 academic year.'], 'yes', 'no'],
    ['season then only', ['For the 2026-2027 recruitment season we will only sponsor J-1 visas.'], 'yes', 'no'],
    // conditions
    ['case by case', ['H-1B visas are sponsored on a case-by-case basis.'], null, 'conditional'],
    ['select cases', ['We sponsor H1B visas in select cases.'], null, 'conditional'],
    ['limited basis', ['H-1B sponsorship is offered on a limited basis.'], null, 'conditional'],
    ['transfers only', ['H-1B only for residents transferring from another ACGME program.'], null, 'conditional'],
    ['only available for transfers', ['H-1B sponsorship is only available to residents transferring from an ACGME-accredited program.'], null, 'conditional'],
    ['Step 3 by a date', ['We consider H1-B sponsorship only for applicants who have passed Step 3 by January 31.'], null, 'conditional'],
    ['provided Step 3', ['The program will sponsor H-1B visas provided all USMLE steps, including Step 3, are passed before ranking.'], null, 'conditional'],
    ['requires Step 3 by a date', ['H-1B sponsorship requires a passing Step 3 result by March 1.'], null, 'conditional'],
    ['H-1B if Step 3, otherwise J-1', ['H-1B if Step 3 is passed by April 30, otherwise J-1.'], 'yes', 'conditional'],
    ['condition in the next sentence', ['We sponsor H-1B visas. Applicants must pass Step 3 before the rank list deadline to qualify.'], null, 'conditional'],
    ['already holding', ['Applicants already holding an H-1B visa may continue on it.'], null, 'conditional'],
    ['may consider', ['We may consider H-1B sponsorship for exceptional candidates.'], null, 'conditional'],
    ['J-1 yes, H-1B rare', ['We sponsor J-1 visas. H-1B visas are considered in rare circumstances.'], 'yes', 'conditional'],
    // citizens and permanent residents only
    ['must be citizens', ['Applicants must be U.S. citizens or permanent residents.'], 'no', 'no'],
    ['only consider citizens', ['We only consider US citizens and green card holders.'], 'no', 'no'],
    ['only citizens eligible', ['Only U.S. citizens and lawful permanent residents are eligible to apply.'], 'no', 'no'],
    ['requiring sponsorship not considered', ['Applicants requiring visa sponsorship will not be considered.'], 'no', 'no'],
    ['cannot accept those who need', ['We cannot accept applicants who need visa sponsorship.'], 'no', 'no'],
    // "we do not sponsor visas" can still mean the ECFMG J-1
    ['no visas at all', ['We do not sponsor visas.'], 'no', 'no'],
    ['no visas + ECFMG J-1', ['We do not sponsor visas. We accept J-1 visas sponsored by ECFMG.'], 'yes', 'no'],
    ['no visas; however ECFMG J-1', ['The hospital does not sponsor visas; however, the ECFMG-sponsored J-1 is accepted.'], 'yes', 'no'],
  ])('%s', (_name, lines, j1, h1b) => {
    expect(visaOf(lines)).toEqual({ j1, h1b });
  });
});

describe('bare FAQ answers are read with their question', () => {
  test.each<Row>([
    ['H-1B? No.', ['Do you sponsor H-1B visas? || No.'], null, 'no'],
    ['J-1? Yes.', ['Do you sponsor J-1 visas? || Yes.'], 'yes', null],
    ['both? Yes, both.', ['Do you accept J1 and H1B visas? || Yes, both.'], 'yes', 'yes'],
    ['H-1B? No, J-1 only.', ['Do you sponsor H1B? || No, J-1 only.'], 'yes', 'no'],
    ['H-1B? case by case', ['Do you sponsor H-1B visas? || Only on a case-by-case basis.'], null, 'conditional'],
    ['H-1B? not at this time', ['Is H-1B sponsorship available? || Not at this time.'], null, 'no'],
    ['visas? No.', ['Does the program sponsor visas? || No.'], 'no', 'no'],
    ['visas? No, but ECFMG J-1', ['Does the program sponsor visas? || No, but we accept J-1 visas through ECFMG.'], 'yes', 'no'],
    ['which visas? list', ['Which visa types does the program sponsor? || J-1 and H-1B.'], 'yes', 'yes'],
    ['which visas? J-1 only', ['What visas do you sponsor? || J-1 only.'], 'yes', 'no'],
    ['which visas? both, H-1B with Step 3', ['Which visas do you sponsor? || J-1 and H-1B; H-1B requires Step 3 to be passed by February 15.'], 'yes', 'conditional'],
  ])('%s', (_name, lines, j1, h1b) => {
    expect(visaOf(lines)).toEqual({ j1, h1b });
  });
});

describe('visa talk that is not sponsorship, and silence', () => {
  test.each<Row>([
    ['EAD', ['Residents with an EAD card do not need visa sponsorship.'], null, null],
    ['J-2 dependants', ['Spouses and children may accompany residents on a J-2 visa.'], null, null],
    ['dependants', ['Dependents of J-1 residents can apply for J-2 status.'], null, null],
    ['Step 3 not needed for J-1', ['Step 3 is not needed to apply for a J-1.'], null, null],
    ['processing fees', ['Residents are responsible for their own visa processing fees.'], null, null],
    ['apply early', ['Please apply for your visa early, as processing can take several months.'], null, null],
    ['information available', ['Information about the J-1 visa is available on the ECFMG website.'], null, null],
    ['contact ECFMG', ['For questions about the J-1 visa, contact ECFMG directly.'], null, null],
    ['nothing about visas', ['Our residents come from many countries and backgrounds.'], null, null],
    ['silent on H-1B', ['We sponsor J-1 visas through ECFMG.'], 'yes', null],
    ['silent on J-1', ['H-1B visas are sponsored.'], null, 'yes'],
  ])('%s', (_name, lines, j1, h1b) => {
    expect(visaOf(lines)).toEqual({ j1, h1b });
  });
});

describe('evidence quotes the sentence that says it', () => {
  test('the H-1B negation, not the J-1 sentence', () => {
    const out = read(['We welcome IMGs.', 'We sponsor J-1 visas.', 'H-1B visas are not sponsored.']);
    expect(out.evidence['visa.j1']).toBe('We sponsor J-1 visas.');
    expect(out.evidence['visa.h1b']).toBe('H-1B visas are not sponsored.');
  });
  test('a bare answer carries its question', () => {
    const out = read(['Do you sponsor H-1B visas? || No.']);
    expect(out.evidence['visa.h1b']).toBe('Do you sponsor H-1B visas? — No.');
  });
  test('the condition, not the bare statement', () => {
    const out = read(['We sponsor H-1B visas.', 'H-1B sponsorship is only possible if Step 3 is passed by March 1.']);
    expect(out.evidence['visa.h1b']).toBe('H-1B sponsorship is only possible if Step 3 is passed by March 1.');
  });
});
