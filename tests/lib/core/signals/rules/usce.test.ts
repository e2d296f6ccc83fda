import { describe, expect, test } from 'vitest';
import { pageTextFromLines } from '../../../../../lib/core/page-text';
import { extractSignals } from '../../../../../lib/core/signals';
import { toLabels } from '../../../../../lib/core/signals/labels';

// US clinical experience as programs phrase it (our own sentences, to the patterns of
// shared/FACTS.md), labelled per shared/corpus/README.md: required / preferred (any praise, even with
// "not required") / not-required (plainly not needed); months as named, weeks ÷ 4, a range's lower end.

const URL = 'https://www.example-hospital.org/gme/internal-medicine/faq';
const TITLE = 'FAQ | Internal Medicine Residency | Example Hospital';
const read = (lines: string[]) => extractSignals(pageTextFromLines(['We accept applications through ERAS only.', ...lines], URL, TITLE));
const usce = (lines: string[]) => {
  const l = toLabels(read(lines));
  return [l.usce, l.usceMinMonths];
};

describe('required', () => {
  test.each<[string, string[], number | null]>([
    ['"US clinical experience"', ['US clinical experience is required.'], null],
    ['"USCE" abbreviation', ['USCE is required for all applicants.'], null],
    ['"U.S. clinical experience"', ['Applicants must have U.S. clinical experience.'], null],
    ['"clinical experience in the United States" with months', ['A minimum of 3 months of clinical experience in the United States is required.'], 3],
    ['"at least 8 weeks"', ['At least 8 weeks of USCE is required.'], 2],
    ['"at least 12 weeks" of hands-on experience in a US hospital', ['Applicants must have at least 12 weeks of hands-on experience in a US hospital.'], 3],
    ['"one year in an accredited US hospital"', ['We require one year in an accredited US hospital.'], 12],
    ['"12 months"', ['We require 12 months of US clinical experience.'], 12],
    ['"American clinical experience", "4 weeks"', ['Applicants need 4 weeks of American clinical experience.'], 1],
    ['question, bare yes', ['Do you require US clinical experience? || Yes.'], null],
    ['question, yes with a range', ['Do you require USCE? || Yes, 3–6 months of hands-on experience.'], 3],
    ['hands-on, observerships excluded', ['Hands-on, direct patient contact in the US is required (observerships do not count).'], null],
    ['label-value', ['USCE :: Required'], null],
    ['label-value with an amount', ['US clinical experience :: 2 months required'], 2],
    ['"one year" in words, elsewhere in the answer', ['Is US clinical experience required? || Yes. You need one year of it, in any specialty.'], 12],
    ['a minimum amount is a requirement', ['A minimum of 6 months of US clinical experience (hands-on, no observerships).'], 6],
    ['"should have at least"', ['Applicants should have at least 3 months of USCE.'], 3],
    ['without it, not considered', ['Applicants without USCE will not be considered.'], null],
    ['accept-without question, bare no', ['Do you accept applicants without US clinical experience? || No.'], null],
    ['how-much question, amount answered', ['How much USCE do you require? || At least two months.'], 2],
    ['"USMLE and USCE required"', ['- USCE of at least 6 months is mandatory'], 6],
  ])('%s', (_name, lines, months) => {
    expect(usce(lines)).toEqual(['required', months]);
  });
});

describe('preferred', () => {
  test.each<[string, string[], number | null]>([
    ['preferred', ['US clinical experience is preferred.'], null],
    ['recommended but not required', ['USCE is recommended but not required.'], null],
    ['helpful but not required', ['US clinical experience is helpful but not required.'], null],
    ['a plus', ['Clinical experience in the United States is a plus.'], null],
    ['viewed favourably', ['American clinical experience is viewed favourably.'], null],
    ['strongly encouraged', ['Applicants are strongly encouraged to have USCE.'], null],
    ['"ideally eight weeks"', ['Ideally, applicants will have eight weeks of US clinical experience.'], 2],
    ['question, no but recommended', ['Do you require USCE? || No, but it is strongly recommended.'], null],
    ['question, no, praise in the next sentence', ['Do you require USCE? || No. It is, however, viewed favorably.'], null],
    ['valued, observerships considered', ['We value US clinical experience, and we do consider observerships.'], null],
    ['preferred with an amount in brackets', ['USCE is preferred (at least 3 months).'], 3],
    ['not required, but more competitive', ['Is US clinical experience required? || It is not required, but it will make your application more competitive.'], null],
    ['label-value', ['Clinical experience in the US :: Preferred'], null],
    ['no, but we recommend an amount', ['Do you require US clinical experience? || No, but we recommend 4 to 8 weeks.'], 1],
    ['"not required, but a plus"', ['U.S. clinical experience is not required, but it is a plus.'], null],
  ])('%s', (_name, lines, months) => {
    expect(usce(lines)).toEqual(['preferred', months]);
  });
});

describe('not required', () => {
  test.each<[string, string[]]>([
    ['plainly not required', ['US clinical experience is not required.']],
    ['not necessary', ['USCE is not necessary to apply.']],
    ['question, bare no', ['Do you require US clinical experience? || No.']],
    ['"we do not require"', ['We do not require USCE.']],
    ['not a requirement', ['Is USCE necessary? || It is not a requirement.']],
    ['accept-without question, yes', ['Do you accept applicants without USCE? || Yes.']],
    ['without it, encouraged to apply', ['Applicants with no US clinical experience are encouraged to apply.']],
  ])('%s', (_name, lines) => {
    expect(usce(lines)).toEqual(['not-required', null]);
  });
});

describe('not a program-wide statement', () => {
  test.each<[string, string[]]>([
    ['only for graduates of more than a year', ['If more than a year has passed since graduation, US clinical experience is required.']],
    ['only for graduates of more than two years', ['Applicants who graduated more than two years ago must have USCE.']],
    ['clinical or research experience', ['Clinical or research experience in the US is required.']],
    ['research experience', ['Research experience in the US is helpful.']],
    ['letters from US physicians', ['Letters from US physicians are required.']],
    ['US graduates welcome', ['US medical graduates and IMGs are welcome to apply.']],
    ['observerships offered', ['We offer observerships for international graduates.']],
    ['observerships offered on request', ['Do you offer observerships? || Yes, four-week observerships for IMGs.']],
    ['residents described', ['Our residents gain broad clinical experience in the US health system.']],
  ])('%s', (_name, lines) => {
    expect(usce(lines)).toEqual([null, null]);
  });
});

describe('months are amounts, not recency', () => {
  test.each<[string, string[], (string | number | null)[]]>([
    ['"within the past year" is recency', ['US clinical experience within the past year is required.'], ['required', null]],
    ['"within the last 12 months" is recency', ['USCE within the last 12 months is required.'], ['required', null]],
    ['"obtained in the past 2 years" is recency', ['US clinical experience obtained in the past 2 years is preferred.'], ['preferred', null]],
    ['amount and recency', ['At least 2 months of USCE within the last 3 years is required.'], ['required', 2]],
    ['a date is not an amount', ['USCE is required. Applications open September 15.'], ['required', null]],
    ['graduation window is not an amount', ['Graduation within the past five years is preferred, as is US clinical experience.'], ['preferred', null]],
  ])('%s', (_name, lines, want) => {
    expect(usce(lines)).toEqual(want);
  });
});

describe('observerships', () => {
  test.each<[string, string[], boolean | null]>([
    ['do not count', ['USCE is required; observerships do not count.'], false],
    ['hands-on only', ['Hands-on US clinical experience is required (observerships do not count).'], false],
    ['we do consider observerships', ['US clinical experience is preferred, and we do consider observerships.'], true],
    ['accepted as USCE', ['USCE is required. Observerships are accepted as US clinical experience.'], true],
    ['"no observerships" in brackets', ['A minimum of 6 months of US clinical experience (hands-on, no observerships).'], false],
    ['not said', ['USCE is required.'], null],
  ])('%s', (_name, lines, counts) => {
    expect(read(lines).usce?.value.observershipsCount).toBe(counts);
  });
});

describe('strength and evidence', () => {
  test('preferred is weighed as a preference', () => {
    expect(read(['US clinical experience is helpful but not required.']).usce?.strength).toBe('preferred');
  });
  test('required keeps its quote and question', () => {
    const s = read(['Do you require USCE? || Yes, 3–6 months of hands-on experience.']);
    expect(s.usce).toMatchObject({ strength: 'required', evidence: { quote: 'Yes, 3–6 months of hands-on experience.', context: 'Do you require USCE?' } });
  });
});

// Known gaps, kept visible: fixing them needs the clause layer (see the report to the lead).
describe('known gaps', () => {
  // The semicolon splits "it" from the observership it stands for.
  test.fails('a pronoun after a semicolon: "…observership; it does not count as USCE"', () => {
    expect(read(['We offer a 4-week observership; it does not count as USCE for our application.']).usce?.value.observershipsCount).toBe(false);
  });
});

// Phrasings met writing a held-out set of pages (session 2), in our own words.
describe('amounts and wishes about where', () => {
  test.each<[string, string[], string | null, number | null]>([
    ['a wish about where does not soften a requirement', ['At least 8 weeks of hands-on clinical experience in the United States, preferably in primary care, is required.'], 'required', 2],
    ['weeks that are not whole months', ['A minimum of 6 weeks of hands-on US clinical experience is required for international graduates.'], 'required', 1.5],
    ['one year of training in an accredited US hospital, said of graduates', ['International medical graduates must have completed at least one year of clinical training in an accredited US hospital.'], 'required', 12],
    ['a wish about where with praise only stays preferred', ['US clinical experience is helpful, preferably in internal medicine.'], 'preferred', null],
  ])('%s', (_name, lines, status, months) => {
    expect(usce(lines)).toEqual([status, months]);
  });
});

describe('a requirement only for earlier graduates', () => {
  test('"graduates who completed medical school more than twelve months before applying must…" is not program-wide', () => {
    expect(usce(['Graduates who completed medical school more than twelve months before applying must document at least three months of hands-on US clinical experience.'])).toEqual([null, null]);
  });
});

describe('"not mandatory, but … makes an application stronger"', () => {
  test('praise in other words, with "two or more months"', () => {
    expect(usce(['Hands-on clinical work in a US hospital is not mandatory, but two or more months of it makes an application considerably stronger.'])).toEqual(['preferred', 2]);
  });
});

describe('US rotations and amounts written before "minimum"', () => {
  test.each<[string, string[], string | null, number | null]>([
    ['a rotation in a US department, required', ['At least one surgery rotation (4 weeks) in a US teaching hospital is required.'], 'required', 1],
    ['a clerkship at a US hospital, preferred', ['A clerkship at a US hospital is a plus.'], 'preferred', null],
    ['"US sub-internships" praised', ['Letters from US sub-internships strengthen an application.'], 'preferred', null],
    ['"USCE: 12 weeks minimum" as a line', ['USCE: 12 weeks minimum'], 'required', 3],
    ['"8 weeks (minimum)" of hands-on experience in the US', ['Hands-on clinical experience in the US: 8 weeks (minimum).'], 'required', 2],
    ['rotations at our own hospital are not US experience by name', ['Visiting students may rotate at our hospital through VSLO.'], null, null],
    ['a rotation named with no place', ['Residents complete a required rotation in geriatrics.'], null, null],
  ])('%s', (_name, lines, status, months) => {
    expect(usce(lines)).toEqual([status, months]);
  });
});

describe('rules for earlier graduates, and rotations counted', () => {
  test.each<[string, string[], string | null, number | null]>([
    ['"if you graduated before 2018"', ['Specifically, if you graduated before 2018, you must have at least six months of hands-on US clinical experience.'], null, null],
    ['"graduates before 2018 need"', ['Graduates before 2018 need six months of US clinical experience.'], null, null],
    ['"two 4-week rotations"', ['We require two 4-week rotations in US clinical settings with direct patient care.'], 'required', 2],
    ['"a 6-week elective in a US hospital"', ['A 6-week elective in a US hospital is required.'], 'required', 1.5],
  ])('%s', (_name, lines, status, months) => {
    expect(usce(lines)).toEqual([status, months]);
  });
});

describe('a letter of recommendation is not praise', () => {
  test.each<[string, string[], string | null, number | null]>([
    ['required months with a letter of recommendation', ['A minimum of 2 months of US clinical experience in the form of clerkships, with one letter of recommendation from a US physician.'], 'required', 2],
    ['recommended is still praise', ['US clinical experience is recommended.'], 'preferred', null],
  ])('%s', (_name, lines, status, months) => {
    expect(usce(lines)).toEqual([status, months]);
  });
});

describe('recent graduates spared', () => {
  test('"Recent graduates may apply without US clinical experience" is a rule for some applicants', () => {
    expect(usce(['Is U.S. clinical experience required for every applicant? || Recent graduates may apply without U.S. clinical experience.'])).toEqual([null, null]);
  });
});

describe('round 7: "not an eligibility requirement", and sections of wishes', () => {
  test.each<[string, string[], string | null, number | null]>([
    ['"not an eligibility requirement"', ['US clinical experience :: not an eligibility requirement'], 'not-required', null],
    ['an amount under "What strengthens an application"', ['# What strengthens an application', '- Three months or more of hands-on clinical experience in US internal medicine.'], 'preferred', 3],
    ['a requirement word in such a section still requires', ['# Preferred qualifications', '- US clinical experience of 2 months is required of all applicants.'], 'required', 2],
  ])('%s', (_name, lines, status, months) => {
    expect(usce(lines)).toEqual([status, months]);
  });
});

describe('round 9: "US experience" and a US observership', () => {
  test.each<[string, string[], string | null, number | null]>([
    ['"we recommend at least one month of US experience"', ['We recommend at least one month of US experience in pathology, such as an elective.'], 'preferred', 1],
    ['"an observership in the US can be helpful, though it is not required"', ['Should I complete an observership? || A radiology observership in the US can be helpful, though it is not required.'], 'preferred', null],
  ])('%s', (_name, lines, status, months) => {
    expect(usce(lines)).toEqual([status, months]);
  });
});

describe('round 10: "a real plus" after "not a requirement"', () => {
  test('praise in the next sentence of the answer', () => {
    expect(usce(['Do I need US clinical experience? || It is not a requirement. That said, hands-on experience in a US hospital is a real plus.'])).toEqual(['preferred', null]);
  });
});
