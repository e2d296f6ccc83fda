import { describe, expect, test } from 'vitest';
import { pageTextFromLines } from '../../../../../lib/core/page-text';
import { extractSignals } from '../../../../../lib/core/signals/index';
import { toLabels } from '../../../../../lib/core/signals/labels';
import { VISA_VOCABULARY } from '../../../../../lib/core/signals/rules/visa';

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

describe('vocabulary tables', () => {
  test.each(Object.entries(VISA_VOCABULARY))('%s has no duplicate phrases', (_name, phrases) => {
    expect(new Set(phrases).size).toBe(phrases.length);
  });
});

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
    ['petitions filed', ['Our GME office files H-1B petitions for eligible residents.'], null, 'yes'],
    ['assists with the J-1', ['The program assists matched applicants with the J-1 application through ECFMG.'], 'yes', null],
    ['H-1B available', ['H-1b sponsorship is available for our residents.'], null, 'yes'],
    ['mostly J-1 (H-1B unknown)', ['We mostly sponsor J-1 visas.'], 'yes', null],
    ['IMGs must obtain a J-1', ['All IMGs must obtain a J-1 visa through ECFMG.'], 'yes', null],
    ['dash answers', ['J1 visa sponsorship through ECFMG – Yes; H1B – No'], 'yes', 'no'],
    ['label/value J-1 only', ['Visa Requirements :: J-1 visa only'], 'yes', 'no'],
    ['season, only be sponsoring', ['For the 2026 Match, we will only be sponsoring J-1 visas.'], 'yes', null],
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
    ['elliptical negation', ['H-1B visas are sponsored; J-1 visas are not.'], 'no', 'yes'],
    ['participating program', ['We are an ECFMG J-1 participating program.'], 'yes', null],
    ['label/value with both', ['Visa status :: J-1 accepted, H-1B not sponsored'], 'yes', 'no'],
    ['not sponsoring for the cycle', ['Our program currently accepts J1 visa holders; we are not sponsoring H1B visas for the upcoming cycle.'], 'yes', 'no'],
    ['comma list', ['We sponsor J-1, H-1B, and F-1 visas.'], 'yes', 'yes'],
    ['comma after each spelling', ['We accept J1, but not H1-B, visas.'], 'yes', 'no'],
    ['each visa its own verb', ['We sponsor J-1 visas, and H-1B visas are not sponsored.'], 'yes', 'no'],
    ['negation first, then J-1', ['We do not sponsor H-1B visas, and J-1 visas through ECFMG are accepted.'], 'yes', 'no'],
    ['not currently', ['We do not currently sponsor H-1B visas.'], null, 'no'],
    ['not able to', ['We are not able to sponsor H1B visas.'], null, 'no'],
    ['will not, this season', ['The program will not sponsor H1B visas for the 2026-2027 academic year.'], null, 'no'],
    ['accepts … only, with applicants', ['We accept applicants with J-1 visas only.'], 'yes', 'no'],
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
    ['if you already hold one, we continue it', ['If you already hold an H-1B visa, we can continue to sponsor it.'], null, 'conditional'],
    ['already holding', ['Applicants already holding an H-1B visa may continue on it.'], null, 'conditional'],
    ['may consider', ['We may consider H-1B sponsorship for exceptional candidates.'], null, 'conditional'],
    ['J-1 yes, H-1B rare', ['We sponsor J-1 visas. H-1B visas are considered in rare circumstances.'], 'yes', 'conditional'],
    ['condition bound to the H-1B', ['Our program sponsors the J1 visa, and the H1B visa for candidates who have passed Step 3 before ranking.'], 'yes', 'conditional'],
    ['Step 3 binds the H-1B only', ['J-1 and H-1B visas are sponsored if Step 3 is passed by the rank list deadline.'], 'yes', 'conditional'],
    ['a trailing condition for both', ['International graduates may be eligible for J-1 or H-1B visas depending on their circumstances.'], 'conditional', 'conditional'],
    ['one condition for both', ['J-1 and H-1B visas are sponsored only for applicants transferring from another residency.'], 'conditional', 'conditional'],
    ['all steps before ranking', ['H-1B sponsorship is considered for applicants who have passed all USMLE steps, including Step 3, before the rank order list deadline.'], null, 'conditional'],
    ['already have', ['Applicants who already have an H-1B visa are welcome to apply.'], null, 'conditional'],
    ['may be sponsored', ['H-1B visas may be sponsored for outstanding applicants.'], null, 'conditional'],
    ['refusal with an exception', ['We do not sponsor H-1B visas except for residents transferring from other ACGME programs.'], null, 'conditional'],
    ['refusal unless', ['We do not sponsor H-1B visas unless the applicant already holds one.'], null, 'conditional'],
    ['refusal, no exceptions', ['We do not sponsor H-1B visas - no exceptions.'], null, 'no'],
    ['does not take', ['The program does not take J-1 applicants.'], 'no', null],
    ['list item with condition', ['# Visa Sponsorship', '- J-1: Yes', '- H-1B: case-by-case'], 'yes', 'conditional'],
    ['sponsorship case by case, no type named', ['Visa sponsorship is considered on a case-by-case basis.'], 'conditional', 'conditional'],
    // citizens and permanent residents only
    ['must be citizens', ['Applicants must be U.S. citizens or permanent residents.'], 'no', 'no'],
    ['only consider citizens', ['We only consider US citizens and green card holders.'], 'no', 'no'],
    ['only citizens eligible', ['Only U.S. citizens and lawful permanent residents are eligible to apply.'], 'no', 'no'],
    ['requiring sponsorship not considered', ['Applicants requiring visa sponsorship will not be considered.'], 'no', 'no'],
    ['cannot accept those who need', ['We cannot accept applicants who need visa sponsorship.'], 'no', 'no'],
    // "we do not sponsor visas" can still mean the ECFMG J-1
    ['no visas at all', ['We do not sponsor visas.'], 'no', 'no'],
    ['cannot sponsor visas', ['We cannot sponsor visas. Applicants must have permanent work authorization.'], 'no', 'no'],
    ['sponsorship not available', ['Visa sponsorship is not available.'], 'no', 'no'],
    ['sponsorship of any type', ['The program is unable to offer visa sponsorship of any type.'], 'no', 'no'],
    ['citizens, residents or EAD holders only', ['Only applicants who are U.S. citizens, permanent residents, or hold a valid EAD are eligible.'], 'no', 'no'],
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
    ['H-1B? We do not.', ['Do you sponsor H1B visas? || We do not.'], null, 'no'],
    ['J-1? We do.', ['Do you sponsor J1 visas? || We do.'], 'yes', null],
    ['H-1B? yes, for transfers', ['Do you sponsor H-1B visas? || Yes, for residents transferring from another ACGME program.'], null, 'conditional'],
    ['J-1? Yes. H-1B case by case', ['Do you sponsor J-1 visas? || Yes. We also sponsor H-1B visas on a case-by-case basis.'], 'yes', 'conditional'],
    ['answer in two sentences', ['Does your program sponsor visas? || We sponsor J-1 visas through ECFMG. We do not sponsor H-1B visas.'], 'yes', 'no'],
    ['eligible? Yes.', ['Are J-1 visa holders eligible to apply? || Yes.'], 'yes', null],
    ['need a visa? No.', ['Can I apply if I need a visa? || No.'], 'no', 'no'],
    ['label/value none', ['Visa sponsorship :: None'], 'no', 'no'],
    ['later paragraph with an unrelated if', ['Do you sponsor J-1 visas? || Yes.', 'Do you sponsor J-1 visas? || If you have other questions, email the coordinator.'], 'yes', null],
    ['Step 3 for the J-1? No.', ['Is Step 3 required for the J-1? || No.'], null, null],
    ['Step 3 for the H-1B? Yes.', ['Do H-1B applicants need to pass Step 3 before ranking? || Yes.'], null, 'conditional'],
    ['H-1B? only for transfers', ['Do you sponsor the H1B visa? || Only for applicants currently in an ACGME residency.'], null, 'conditional'],
    ['H-1B? unfortunately, no', ['Do you sponsor the H1B visa? || Unfortunately, no.'], null, 'no'],
    ['H-1B? answered with J-1 only', ['Do you sponsor the H1B visa? || Our program sponsors the J-1 visa only.'], 'yes', 'no'],
    ['H-1B? see the website', ['Do you sponsor the H1B visa? || Please see the GME office website for visa information.'], null, null],
    ['requirements? citizens or J-1', ['What are the visa requirements? || Applicants must be US citizens, permanent residents, or hold a J-1 visa.'], 'yes', null],
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
    ['on a J-1 as the applicant’s circumstance', ['If you are on a J-1 visa, you will need a Statement of Need from your home country.'], null, null],
    ['need a J-1, contact ECFMG', ['If you need a J-1 visa, contact ECFMG early.'], null, null],
    ['home residence rule', ['The J-1 visa carries a two-year home residence requirement after training.'], null, null],
    ['statement of need', ['J-1 physicians must obtain a Statement of Need from their home country.'], null, null],
    ['USCIS website', ['Learn more about the H-1B visa on the USCIS website.'], null, null],
    ['processing time', ['H-1B processing can take up to six months.'], null, null],
    ['waiver jobs', ['Many of our graduates take J-1 waiver positions after residency.'], null, null],
    ['other visa types refused', ['Note that we do not sponsor F-1 or O-1 visas.'], null, null],
    ['applicant needs a visa', ['If you require visa sponsorship, please indicate this in your ERAS application.'], null, null],
    ['refusal about something else', ['We do not offer observerships to visa holders.'], null, null],
    ['other programs', ['Most programs that sponsor H-1B visas require Step 3.'], null, null],
    ['H-4 spouses', ['Spouses of residents may hold H-4 status.'], null, null],
    ['do not need a visa', ['Applicants who do not require visa sponsorship may apply at any time.'], null, null],
    ['contact ECFMG', ['For questions about the J-1 visa, contact ECFMG directly.'], null, null],
    ['nothing about visas', ['Our residents come from many countries and backgrounds.'], null, null],
    ['silent on H-1B', ['We sponsor J-1 visas through ECFMG.'], 'yes', null],
    ['silent on J-1', ['H-1B visas are sponsored.'], null, 'yes'],
  ])('%s', (_name, lines, j1, h1b) => {
    expect(visaOf(lines)).toEqual({ j1, h1b });
  });
});

describe('a whole FAQ page', () => {
  test('only the visa answers count, read with their questions', () => {
    const out = read([
      'How many positions do you offer? || We offer 12 categorical positions each year.',
      'Do you sponsor a resident wellness retreat? || Yes, the hospital sponsors a retreat every spring.',
      'Is there a minimum Step 2 CK score? || We do not have a minimum score, but most residents scored above 230.',
      'If you have questions about the application, contact the program coordinator.',
      'Do you sponsor visas? || We sponsor J-1 visas through ECFMG.',
      'Do you sponsor H-1B visas? || Not at this time. If this changes, we will post it here.',
      'Can spouses work? || Spouses on J-2 visas may apply for work authorization.',
      'When should I apply for my visa? || As early as possible; processing can take months.',
    ]);
    expect(out.visa).toEqual({ j1: 'yes', h1b: 'no' });
    expect(out.evidence['visa.h1b']).toBe('Do you sponsor H-1B visas? — Not at this time.');
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

// Phrasings met writing a held-out set of pages (session 2), in our own words.
describe('two verbs, one refusal', () => {
  test.each<Row>([
    ['"we do not sponsor or accept any visas"', ['- US citizenship or permanent residency – we do not sponsor or accept any visas'], 'no', 'no'],
    ['"cannot support or sponsor visas"', ['The hospital cannot support or sponsor visas of any type.'], 'no', 'no'],
  ])('%s', (_name, lines, j1, h1b) => {
    expect(visaOf(lines)).toEqual({ j1, h1b });
  });
});

describe('petitions', () => {
  test.each<Row>([
    ['"does not file H-1B petitions", J-1 only', ['The institution only supports the J-1 visa, sponsored by ECFMG. Our hospital does not file H-1B petitions for incoming residents.'], 'yes', 'no'],
    ['"petitions cannot be filed until Step 3 is passed" is a condition, not a refusal', ['We sponsor H-1B visas; petitions cannot be filed until residents pass Step 3.'], null, 'conditional'],
  ])('%s', (_name, lines, j1, h1b) => {
    expect(visaOf(lines)).toEqual({ j1, h1b });
  });
});

describe('FREIDA rows as text', () => {
  test.each<Row>([
    ['"Not available" under a visa label is no answer', ['J-1 visa sponsorship through ECFMG :: Not available', 'H-1B visa :: Not available'], null, null],
    ['a row read as one line ending in "No"', ['J-1 visa sponsorship through ECFMG No', 'H-1B visa No'], 'no', 'no'],
  ])('%s', (_name, lines, j1, h1b) => {
    expect(visaOf(lines)).toEqual({ j1, h1b });
  });
});

describe('applicants who need no visa are not a condition', () => {
  test.each<Row>([
    ['citizens after a J-1 statement', ['Visa: J-1 through ECFMG; H-1B not offered.', 'Residents who need a J-1 visa receive a Statement of Need. Applicants who already hold permanent residency or US citizenship do not need to take any action regarding visas.'], 'yes', 'no'],
    ['green card holders after an H-1B statement', ['We sponsor H-1B visas. Green card holders need no visa paperwork from us.'], null, 'yes'],
    ['a real carried condition still counts', ['We sponsor H-1B visas. Sponsorship is possible only if Step 3 is passed before ranking.'], null, 'conditional'],
  ])('%s', (_name, lines, j1, h1b) => {
    expect(visaOf(lines)).toEqual({ j1, h1b });
  });
});

describe('a row per visa, a column per track', () => {
  const table = (rows: string[]) => {
    const page = pageTextFromLines(['# Visa sponsorship by track', 'We accept applications through ERAS only.'], URL, TITLE);
    rows.forEach((text, i) => page.blocks.push({ kind: 'table-row', text, chrome: false, locator: [10 + i], section: 'Visa sponsorship by track' }));
    return toLabels(extractSignals(page)).visa;
  };
  test.each<[string, string[], V, V]>([
    ['yes in every track, yes and no', ['Visa | Categorical | Preliminary', 'J-1 (ECFMG) | Yes | Yes', 'H-1B | Yes | No'], 'yes', 'conditional'],
    ['no in every track', ['Visa | Categorical | Preliminary', 'J-1 | Yes | Yes', 'H1B | No | No'], 'yes', 'no'],
    ['a row naming both visas is not a track row', ['J-1 or H-1B | Yes | No'], null, null],
  ])('%s', (_name, rows, j1, h1b) => {
    expect(table(rows)).toEqual({ j1, h1b });
  });
});

describe('restrictions to some positions, and holders who may transfer', () => {
  test.each<Row>([
    ['"H-1B for PGY-2 and above only"', ['We sponsor J-1 visas through ECFMG for all residents. H-1B for PGY-2 and above only: it is available to applicants entering an advanced position.'], 'yes', 'conditional'],
    ['"available to applicants entering…"', ['H-1B sponsorship is available to applicants entering at the PGY-2 level.'], null, 'conditional'],
    ['holders may transfer, no new petitions', ['Candidates who already hold H-1B status from another US residency program may transfer it to us, but we do not file new H-1B petitions.'], null, 'conditional'],
    ['"J-1 only for 2027" is a season, not a restriction', ['We sponsor the J-1 only for 2027.'], 'yes', 'no'],
  ])('%s', (_name, lines, j1, h1b) => {
    expect(visaOf(lines)).toEqual({ j1, h1b });
  });
});

describe('limits, petitions not filed, and sponsorship discontinued', () => {
  test.each<Row>([
    ['"limited to the J-1"', ['Visa sponsorship is limited to the J-1, which is sponsored by ECFMG.'], 'yes', 'no'],
    ['not able to file, one exception for holders', ['Our institution participates in the ECFMG exchange visitor program. We are not able to file H-1B petitions for incoming residents. The one exception is a resident transferring from another ACGME program who already holds H-1B status.'], null, 'conditional'],
    ['not able to file, nothing more', ['We are not able to file H-1B petitions.'], null, 'no'],
    ['discontinued', ['For the coming cycle we offer J-1 sponsorship through ECFMG. H-1B sponsorship was discontinued in 2024 and is not available to incoming residents.'], 'yes', 'no'],
  ])('%s', (_name, lines, j1, h1b) => {
    expect(visaOf(lines)).toEqual({ j1, h1b });
  });
});

describe('neither, not eligible, moonlighting, and the groups that need no visa', () => {
  test.each<Row>([
    ['"neither sponsor H-1B nor J-1"', ['We neither sponsor H-1B nor J-1 visas.'], 'no', 'no'],
    ['positions not eligible for H-1B sponsorship', ['The Program accepts residents holding J-1 visas sponsored by ECFMG. Preliminary positions are not eligible for H-1B visa sponsorship.'], 'yes', 'no'],
    ['moonlighting rules for J-1 residents', ['Moonlighting is not permitted for residents on J-1 visas.'], null, null],
    ['citizens, permanent residents and EAD holders accepted', ['We accept applications from citizens, permanent residents, and those holding an EAD.'], 'no', 'no'],
    ['citizens, permanent residents and J-1 holders accepted', ['We accept applications from citizens, permanent residents and J-1 visa holders.'], 'yes', null],
    ['an answer pointing back at the groups listed', ['Do you accept applicants who would need a J-1 visa? || Our eligibility is limited to the groups listed above.'], 'no', null],
  ])('%s', (_name, lines, j1, h1b) => {
    expect(visaOf(lines)).toEqual({ j1, h1b });
  });
});

describe('residents\' stories are not rules', () => {
  test.each<Row>([
    ['"He came to us on a J-1 visa"', ['He came to us on a J-1 visa and plans to apply for fellowship.'], null, null],
    ['"She trains with us on an H-1B visa"', ['She trains with us on an H-1B visa, having passed Step 3 before transferring here.'], null, null],
    ['"Dr. Okafor came … on a J-1"', ['Dr. Okafor came to the program on a J-1 visa in 2023.'], null, null],
    ['"he or she" is any applicant', ['We sponsor the J-1 only, which he or she obtains through ECFMG.'], 'yes', 'no'],
  ])('%s', (_name, lines, j1, h1b) => {
    expect(visaOf(lines)).toEqual({ j1, h1b });
  });
});

describe('round 7: restrictions after "but", other visas, options, any kind', () => {
  test.each<Row>([
    ['"…also file an H-1B petition, but only for a matched applicant who has passed Step 3"', ['Most of our residents from abroad train on the J-1 visa sponsored by ECFMG.', 'The hospital will also file an H-1B petition, but only for a matched applicant who has already passed USMLE Step 3.'], 'yes', 'conditional'],
    ['"does not sponsor any other visa type"', ['- International graduates train here on the J-1 visa sponsored by ECFMG;', '- the hospital does not sponsor any other visa type.'], 'yes', 'no'],
    ['"the H-1B is therefore not an option"', ['Applicants eligible for the ECFMG-sponsored J-1 are welcome to apply; the H-1B is therefore not an option in our program.'], 'yes', 'no'],
    ['"visas of any kind", with an EAD named', ['Because the program cannot sponsor visas of any kind, applicants must be US citizens, permanent residents, or holders of an employment authorization document.'], 'no', 'no'],
    ['"J-1 through ECFMG only" as a row', ['Visa :: J-1 through ECFMG only'], 'yes', 'no'],
    ['spouses are still off topic', ['We sponsor J-1 visas.', 'We do not sponsor visas for spouses.'], 'yes', null],
  ])('%s', (_name, lines, j1, h1b) => {
    expect(visaOf(lines)).toEqual({ j1, h1b });
  });
});

describe('round 8: an H-1B continued for transfers, "J-1 (ECFMG) only"', () => {
  test.each<Row>([
    ['no new petitions; an existing H-1B continued only for transfers', ['We accept residents on J-1 visas sponsored by ECFMG. We do not file new H-1B petitions; an existing H-1B can be continued only for a resident transferring from another ACGME-accredited program.'], 'yes', 'conditional'],
    ['"J-1 (ECFMG) only" as a row', ['Visa :: J-1 (ECFMG) only'], 'yes', 'no'],
  ])('%s', (_name, lines, j1, h1b) => {
    expect(visaOf(lines)).toEqual({ j1, h1b });
  });
});

describe('round 10: "not in a position to sponsor"', () => {
  test.each<Row>([
    ['H-1B refused, J-1 welcome', ['We are not in a position to sponsor H-1B visas; candidates who need a J-1 visa sponsored by ECFMG are welcome.'], 'yes', 'no'],
  ])('%s', (_name, lines, j1, h1b) => {
    expect(visaOf(lines)).toEqual({ j1, h1b });
  });
});
