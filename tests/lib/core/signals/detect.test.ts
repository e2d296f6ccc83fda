// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pageTextFromLines } from '../../../../lib/core/page-text';
import { DETECT_VOCABULARY, detectProgramPage, precheck, type PrecheckInput } from '../../../../lib/core/signals/detect';
import { extractSignals } from '../../../../lib/core/signals/index';
import { readPageText, readPrecheckInput } from '../../../../lib/platform/page-text';

// The page detector proves itself both ways (HOUSE_STYLE habit 6): it accepts program pages of
// every kind and rejects the look-alikes that talk about visas and scores just as much. The fixtures
// are written for these tests (not copied from the corpus); each names where it pretends to live in
// <link rel="canonical">.

const DIR = join(__dirname, '../../../fixtures/pages');

const PROGRAM_PAGES = [
  'program-im-faq-community.html', // FAQ in <details> accordions, "unlike many programs"
  'program-fm-eligibility.html', // eligibility list
  'program-peds-how-to-apply.html', // how to apply; URL and title without "residency"
  'program-im-img-page.html', // a program's IMG page
  'program-gme-visa.html', // GME office visa page that mentions the university's immigration attorney
  'program-gme-faq-institution.html', // GME office applicant FAQ, "each program sets its own criteria"
  'program-gme-office-overview.html', // GME office page that speaks about "some programs" in the plural
  'program-psych-overview-curriculum.html', // home page with curriculum only
  'program-tiny.html', // two lines of text
  'program-careers-url.html', // /careers-training/… URL, "Jobs" in the nav and footer
  'program-university-dept.html', // university department page
  'program-news-chrome.html', // "News" in the nav, a "Latest news" sidebar with dates
  'program-odd-url-applicant-info.html', // page.aspx?id=214, title "Applicant Information", table layout
  'program-path-prospective-residents.html', // <dl> label/value pairs
  'program-ob-requirements-table.html', // requirements as a table
  'program-im-salary-benefits.html', // salary table, "full-time employees", "Apply now", "Location:"
  'program-fm-residents-testimonials.html', // resident quotes with "says"/"said", "last updated" date
  'program-tricky-visiting-students.html', // one stray cue each of test prep, advising and directory
  'program-ty-match-list.html', // lists where its interns matched, with places
  'program-gme-visa-legal.html', // GME visa FAQ: "our immigration attorneys", "not legal advice"
  'program-faq-applicant-questions.html', // questions in the applicant's voice: "As an IMG…?", "How many programs…?"
];

const LOOKALIKE_PAGES = [
  'lookalike-advice-long-img-guide.html', // the seed case: long IMG guide full of visa and score talk
  'lookalike-advice-img-friendly-list.html', // listicle of programs with their requirements
  'lookalike-advice-numbered-entries.html', // listicle, no byline: "This program sponsors…" under each entry
  'lookalike-nonprofit-visa-guide.html', // nonprofit's visa guide, no byline, innocent URL
  'lookalike-advice-short-j1.html', // four-paragraph explainer, "as an IMG", "your residency program"
  'lookalike-news-graduation.html', // a hospital's own story about its residency graduation
  'lookalike-news-program-launch.html', // story about a new residency quoting its requirements
  'lookalike-news-story-minimal.html', // a short story: date line and reported speech only
  'lookalike-news-no-quotes.html', // a story with a headline and a date line, no quotes, no byline
  'lookalike-press-match-day.html', // press release about Match Day
  'lookalike-news-site-article.html', // a health news site's article
  'lookalike-forum-thread.html', // forum thread where residents speak for their programs
  'lookalike-reddit-thread.html', // Reddit-style thread
  'lookalike-qa-answers-site.html', // Q&A site answers
  'lookalike-job-hospitalist-site.html', // hospitalist job with H-1B on a hospital's site
  'lookalike-job-board-attending.html', // attending job on a job board
  'lookalike-job-core-faculty.html', // job post for a residency's core faculty
  'lookalike-job-associate-pd.html', // associate program director post under the residency's own URL
  'lookalike-law-firm.html', // immigration law firm on J-1/H-1B for residents
  'lookalike-test-prep.html', // USMLE course page
  'lookalike-student-affairs.html', // a medical school's "applying to residency" page
  'lookalike-society-directory.html', // a specialty society's program directory
  'lookalike-consultancy-qa.html', // FAQ on a consultancy's site
];

function load(file: string): { doc: Document; url: string } {
  const html = readFileSync(join(DIR, file), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const url = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
  return { doc, url };
}

function why(file: string): string {
  const { doc, url } = load(file);
  return `${file}: ${JSON.stringify(detectProgramPage(readPageText(doc, url)))}`;
}

describe('fixtures', () => {
  test('every fixture page is in one of the tables, and each table has at least 12', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.html')).sort();
    expect([...PROGRAM_PAGES, ...LOOKALIKE_PAGES].sort()).toEqual(files);
    expect(PROGRAM_PAGES.length).toBeGreaterThanOrEqual(12);
    expect(LOOKALIKE_PAGES.length).toBeGreaterThanOrEqual(12);
  });

  test.each(PROGRAM_PAGES)('%s is a program page', (file) => {
    const { doc, url } = load(file);
    expect(url).toMatch(/^https?:\/\//);
    // The content script's gate must let it through, or the page is never read.
    expect(precheck(readPrecheckInput(doc, url))).toBe(true);
    expect(extractSignals(readPageText(doc, url)).isProgramPage, why(file)).toBe(true);
  });

  test.each(LOOKALIKE_PAGES)('%s is not a program page', (file) => {
    const { doc, url } = load(file);
    expect(url).toMatch(/^https?:\/\//);
    const signals = extractSignals(readPageText(doc, url));
    expect(signals.isProgramPage, why(file)).toBe(false);
    // Nothing read from a look-alike reaches the badge.
    for (const [k, v] of Object.entries(signals)) if (k !== 'isProgramPage') expect(v, k).toBeNull();
  });
});

// --- precheck: URL, title and headings only -------------------------------------------------------

const pre = (url: string, title = '', headings: string[] = []): PrecheckInput => ({ url, title, headings });

describe('precheck', () => {
  test.each<[string, PrecheckInput]>([
    ['residency in the URL', pre('https://www.example-hospital.org/gme/internal-medicine/faq', 'FAQ')],
    ['careers path with residency', pre('https://www.eastbay.org/careers-training/education/residency', 'Internal Medicine')],
    ['residency in the title', pre('http://www.concoursepsych.org/id9.html', 'Application Process - Psychiatry Residency')],
    ['GME in the title', pre('https://www.x.org/page/42', 'Visa Information | Graduate Medical Education | North Valley')],
    ['IMG page', pre('https://www.stcatherinesmc.org/img', 'International Medical Graduates | St. Catherine’s')],
    ['IMGs acronym in a heading', pre('https://www.x.org/p?id=3', 'Welcome', ['Information for IMGs'])],
    ['heading only', pre('http://www.kingsroadhospital.com/page.aspx?id=214', 'Applicant Information', ['Anesthesiology Residency - Applicant Information'])],
    ['applicants + specialty in one title', pre('https://www.flatbushpath.com/prospective-applicants', 'Prospective Applicants | Flatbush Pathology')],
    ['applicants + hospital in one title', pre('https://www.longwoodchildrens.org/bcrp/application/international-applicants', 'International Applicants | Longwood Children’s Hospital')],
    ['application + health system in one title', pre('http://www.concoursepsych.org/id9.html', 'Application Process - Grand Concourse Health System', ['Eligibility Criteria'])],
    ['eligibility + specialty', pre('https://kids.example.org/eligibility', 'Eligibility | Pediatrics | Lakeshore Children’s')],
    ['how to apply + specialty in the URL', pre('https://www.x.org/family-medicine/how-to-apply', 'How to Apply')],
    ['ERAS in a heading', pre('https://www.x.org/apply', 'Apply', ['Applying through ERAS'])],
    ['PGY in a heading', pre('https://www.x.org/about', 'About', ['PGY-1 positions'])],
    ['FREIDA program page without a title', pre('https://freida.ama-assn.org/program/1403531877')],
  ])('passes: %s', (_name, input) => {
    expect(precheck(input)).toBe(true);
  });

  test.each<[string, PrecheckInput]>([
    [
      'a news site',
      pre('https://www.dailyherald.example/2024/05/01/politics/senate-spending-bill', 'Senate Passes Spending Bill - The Daily Herald', [
        'Senate Passes Spending Bill After Late-Night Deal',
        'Residents of flood-hit towns apply for aid',
        'Most read',
      ]),
    ],
    [
      'a shop',
      pre('https://shop.example.com/products/usb-c-cable-2m', 'USB-C Cable 2m | TechShop', [
        'USB-C Cable 2m',
        'Apply a coupon',
        'Frequently asked questions',
        'Eligibility for free shipping',
      ]),
    ],
    ['Wikipedia', pre('https://en.wikipedia.org/wiki/Taylor_Swift', 'Taylor Swift - Wikipedia', ['Taylor Swift', 'Life and career', 'The Eras Tour (2023–2024)'])],
    ['Wikipedia on a specialty', pre('https://en.wikipedia.org/wiki/Dermatology', 'Dermatology - Wikipedia', ['Dermatology', 'History', 'Subspecialties'])],
    [
      'a hospital home page',
      pre('https://www.mercyvalleyhealth.org/', 'Mercy Valley Health | Compassionate Care Close to Home', [
        'Find a Doctor',
        'Our Services',
        'Pediatrics',
        'Patients & Visitors',
        'Apply for Financial Assistance',
        'Careers at Mercy Valley',
      ]),
    ],
    ['an image URL', pre('https://cdn.example.com/img/banner-img.png')],
    ['a city government page', pre('https://www.springfield.example.gov/residents', 'Residents | City of Springfield', ['Apply for a parking permit', 'Programs for seniors'])],
    ['a job search', pre('https://www.jobsearch.example/q-nurse-jobs.html', 'Nurse Jobs, Employment', ['Registered Nurse - Emergency Department'])],
  ])('fails: %s', (_name, input) => {
    expect(precheck(input)).toBe(false);
  });
});

// --- detection features, both ways -----------------------------------------------------------------

const PAGE_URL = 'https://www.example-hospital.org/internal-medicine-residency/faq';
const TITLE = 'FAQ | Internal Medicine Residency | Example Hospital';

describe('detectProgramPage', () => {
  test.each<[string, string[]]>([
    ['speaks for the program', ['# FAQ', 'Do you sponsor visas? || We sponsor J-1 visas only.', 'Our residents come from 12 countries.']],
    ['one stray job phrase (an EEO statement)', ['We sponsor J-1 visas.', 'Example Hospital is an Equal Opportunity Employer.']],
    ['one stray phrase each of three genres', ['We accept J-1 visas.', 'Residents receive a UWorld QBank.', 'We host fourth-year medical students.', 'Showing 1 to 10 of 36 entries']],
    ['a testimonial with "said"', ['Our program trains 30 residents.', '"I loved my time here," she said.']],
    ['numbered tracks', ['## 1. Categorical Program', 'We offer 12 positions.', '## 2. Preliminary Program', 'We offer 4 positions.', '## 3. Primary Care Residency Program', 'Our residents train in clinics.']],
    ['a table of rotation hospitals', ['Our residents rotate at four hospitals.', 'Mercy Hospital :: Springfield, IL', 'St. Luke’s Medical Center :: Joplin, MO', 'VA Medical Center :: Columbia, MO', 'Children’s Hospital :: Kansas City, MO']],
  ])('accepts: %s', (_name, lines) => {
    expect(detectProgramPage(pageTextFromLines(lines, PAGE_URL, TITLE)).isProgramPage).toBe(true);
  });

  test.each<[string, string[]]>([
    [
      'talk about programs in general',
      ['Most programs sponsor J-1 visas.', 'Some programs require a Step 2 CK of 230.', 'Programs that sponsor H-1B want Step 3.', 'Apply to 80 to 120 programs.'],
    ],
    [
      'a story quoting the program director',
      ['June 21, 2024', '"We sponsor J-1 visas and our residents thrive," said Dr. Morales.', 'Chief resident Dr. Adeyemi said the program prepared him well.'],
    ],
    ['a job post', ['We are seeking a BC/BE internist.', 'H-1B sponsorship available.', 'Sign-on bonus and CV and cover letter to recruit@example.org.']],
    ['a law firm', ['Our attorneys prepare H-1B petitions for residents.', 'Attorney advertising. This is not legal advice.']],
    [
      'a listicle whose entries speak as "this program"',
      ['## 1. Bayou Regional Hospital Program', 'This program sponsors H-1B visas.', '## 2. Prairie State University Program', 'This program accepts J-1 visas.', '## 3. Empire Valley Health Program', 'This program requires 3 months of USCE.'],
    ],
  ])('rejects: %s', (_name, lines) => {
    expect(detectProgramPage(pageTextFromLines(lines, PAGE_URL, TITLE)).isProgramPage).toBe(false);
  });

  test('speaking for a program is not enough without anything about residency training', () => {
    // A university's admissions FAQ speaks for its programs exactly as a residency FAQ does.
    const lines = [
      'Do you accept international applicants? || Yes, we accept applicants from every country.',
      'Our program requires a TOEFL score of 90.',
      'We review applications in the order received.',
    ];
    const url = 'https://www.stateu.example.edu/admissions/international-applicants';
    const title = 'International Applicants | State University Admissions';
    expect(detectProgramPage(pageTextFromLines(lines, url, title)).isProgramPage).toBe(false);
    expect(detectProgramPage(pageTextFromLines([...lines, 'Apply through ERAS.'], url, title)).isProgramPage).toBe(true);
  });
});

test.each(Object.entries(DETECT_VOCABULARY))('vocabulary table %s lists each phrase once', (_name, phrases) => {
  const lower = phrases.map((p) => p.toLowerCase());
  expect(lower.filter((p, i) => lower.indexOf(p) !== i)).toEqual([]);
});

describe('other training and other professions, by title', () => {
  const SPEAKS = ['We sponsor J-1 visas through ECFMG.', 'Our residents and students learn together.', 'Applicants need Step 1 passed.'];
  test.each<[string, boolean]>([
    ['Visiting Medical Students | Neurology Clerkship & Electives | Department of Neurology | Example Health', false],
    ['Away Rotations | Department of Surgery | Example Health', false],
    ['Fellowship Programs - Education - Department of Medicine - Example Health', false],
    ['PGY1 Pharmacy Residency Program - Example Medical Center', false],
    ['General Practice Residency in Dentistry (GPR) | Example Hospital', false],
    ['Nurse Residency Program for New Graduate RNs | Example Health', false],
    ['Residency and Fellowship Programs | Graduate Medical Education | Example Health', true],
    ['Internal Medicine Residency | Fellowship Opportunities After Training | Example Hospital', true],
    ['FAQ | Internal Medicine Residency | Example Hospital', true],
  ])('%s → %s', (title, want) => {
    expect(detectProgramPage(pageTextFromLines(['# Applicants', ...SPEAKS], PAGE_URL, title)).isProgramPage).toBe(want);
  });
});

describe('a data report about the Match', () => {
  test('outcomes by specialty, tables and a data brief: not a program page', () => {
    const lines = ['# Match Outcomes for International Medical Graduates by Specialty, 2025', 'Data Brief 14 summarizes the Main Residency Match for IMGs.', 'Table 1 gives the percent matched by specialty.', 'Matched applicants :: 4,120', 'Unmatched applicants :: 2,310', 'Methodology: counts come from the NRMP and ECFMG.'];
    expect(detectProgramPage(pageTextFromLines(lines, 'https://www.residencymatchdata.org/reports/data-brief-14', 'Match Outcomes by Specialty | Residency Match Data Center')).isProgramPage).toBe(false);
  });
});

describe('a GME office speaking of its programs', () => {
  test('"every program", "each program\'s page", "some programs set their own limits" on the office\'s own page', () => {
    const lines = [
      '# International Medical Graduates',
      'Do your programs accept international medical graduates? || Yes. All of our ACGME-accredited residency programs consider graduates of international medical schools.',
      'What visa types are supported? || Every program accepts the J-1 visa sponsored by ECFMG. H-1B sponsorship is available in select programs only.',
      'Are there institution-wide examination requirements? || Applicants to any program must have passed USMLE Step 1 and Step 2 CK. Programs may set higher score expectations.',
      'Is U.S. clinical experience required? || Requirements differ by program. Please see each program\'s eligibility page.',
      'Does graduation year matter? || Recent graduates are generally more competitive, and some programs set their own limits.',
      'Our GME office processes ECFMG paperwork for matched residents.',
    ];
    const title = 'International Medical Graduates | Graduate Medical Education | Example Medical Center';
    expect(detectProgramPage(pageTextFromLines(lines, 'https://www.example-health.org/education/graduate-medical-education/imgs', title)).isProgramPage).toBe(true);
  });
});
