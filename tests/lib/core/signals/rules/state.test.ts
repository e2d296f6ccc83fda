import { describe, expect, test } from 'vitest';
import { pageTextFromLines, type PageText } from '../../../../../lib/core/page-text';
import { extractSignals } from '../../../../../lib/core/signals/index';
import { toLabels } from '../../../../../lib/core/signals/labels';

// The program's state from its postal address (often only in the site footer). Phrasings and
// addresses written for these tests.

const URL = 'https://www.example-hospital.org/gme/internal-medicine/contact';
const TITLE = 'Contact | Internal Medicine Residency | Example Hospital';

/** Lines after "@footer" become site chrome, as a page footer is. */
function page(lines: string[]): PageText {
  const at = lines.indexOf('@footer');
  const body = at < 0 ? lines : lines.filter((_, i) => i !== at);
  const p = pageTextFromLines(['# Contact Us', 'We accept applications through ERAS only.', ...body], URL, TITLE);
  if (at >= 0) p.blocks.forEach((b, i) => (b.chrome = i >= at + 2));
  return p;
}
const stateOf = (lines: string[]) => toLabels(extractSignals(page(lines))).state;

describe('addresses', () => {
  test.each<[string, string[], string]>([
    ['footer, two-letter state', ['@footer', 'Example Hospital · 123 Main Street, Springfield, IL 62701 · (217) 555-0100'], 'IL'],
    ['full state name', ['Example Hospital, 1 Medical Drive, Phoenix, Arizona 85013'], 'AZ'],
    ['comma before the ZIP', ['2500 Euclid Avenue, Cleveland, OH, 44106'], 'OH'],
    ['ZIP+4', ['Department of Medicine, 75 Fenway Road, Boston, MA 02115-5804'], 'MA'],
    ['two-word state name', ['Mailing address: 40 Park Place, Newark, New Jersey 07102'], 'NJ'],
    ['District of Columbia, D.C.', ['110 Irving Street NW, Washington, D.C. 20010'], 'DC'],
    ['Puerto Rico', ['Centro Médico, San Juan, PR 00936'], 'PR'],
    ['pipes between parts', ['@footer', '1 Hospital Drive | Springfield, IL 62701 | (217) 555-0100'], 'IL'],
    ['address over two lines', ['Example Hospital', '801 Ocean Parkway', 'Myrtle Beach, SC 29572'], 'SC'],
    ['no comma before the state', ['@footer', 'Example Hospital, 1801 Grand Avenue, Des Moines IA 50314'], 'IA'],
    ['no ZIP, "located in City, State"', ['Our hospital is located in Tucson, Arizona, close to the mountains.'], 'AZ'],
    ['no ZIP, "based in City, ST"', ['The residency is based in Bethesda, MD and serves the capital region.'], 'MD'],
  ])('%s', (_name, lines, want) => {
    expect(stateOf(lines)).toBe(want);
  });
});

describe('the institution, not its rotation sites', () => {
  test('the contact address wins over rotation sites in another state', () => {
    expect(
      stateOf([
        '# Rotation Sites',
        '- Harbor VA Medical Center, 385 Tremont Ave, East Orange, NJ 07018',
        '- Riverside Clinic, 12 River Road, Jersey City, NJ 07302',
        '- Bergen Hospice, 4 Elm Street, Paramus, NJ 07652',
        '# Contact the Program',
        'Example Hospital, 2000 Broadway, New York, NY 10023',
      ]),
    ).toBe('NY');
  });
  test('the footer wins over rotation sites in the body', () => {
    expect(
      stateOf([
        'Residents rotate at Lakeside Children’s Hospital, 8 Lake Shore Drive, Chicago, IL 60611.',
        'Residents also rotate at Valley Clinic, 9 Main Street, Gary, IN 46402.',
        '@footer',
        'Example Hospital · 20 State Street, Milwaukee, WI 53202',
      ]),
    ).toBe('WI');
  });
  test('evidence quotes the address', () => {
    const out = toLabels(extractSignals(page(['@footer', 'Example Hospital · 123 Main Street, Springfield, IL 62701'])));
    expect(out.evidence.state).toBe('Example Hospital · 123 Main Street, Springfield, IL 62701');
  });
});

describe('no address → null', () => {
  test.each<[string, string[]]>([
    ['nothing', ['We look forward to your application.']],
    ['phone numbers', ['Call 410-555-0100 or fax 410-555-0199.']],
    ['ID and a five-digit number', ['Program ID 12345 is listed in FREIDA.']],
    ['program codes', ['Our NRMP program code is 1234140C0 and our ACGME ID is 1403512345.']],
    ['degrees after names', ['Jane Doe, MD, Program Director; John Roe, DO, Associate Program Director.']],
    ['degree before a number', ['Dr. Jane Doe, MD 2015, joined the faculty last year.']],
    ['salary', ['PGY-1 salary, $65,000, rising to $70,000 in PGY-3.']],
    ['countries in a list', ['Our residents come from India, Nigeria, Georgia and Egypt.']],
    ['states as places residents come from', ['Recent graduates practise in Texas, Ohio, and California.']],
    ['a state in a school name', ['Graduates of the University of Michigan, Ann Arbor, are welcome.']],
  ])('%s', (_name, lines) => {
    expect(stateOf(lines)).toBeNull();
  });
});

// Phrasings met writing a held-out set of pages (session 2), in our own words.
describe("a parent system's head office in the same footer", () => {
  test('the program address wins over the corporate office listed after it', () => {
    const footer = 'Harbor Regional Medical Center 410 Bay Street, Tampa, FL 33602 · Gulfwide Health Corporate Office 200 Peachtree Road NE, Atlanta, GA 30326';
    expect(stateOf(['@footer', footer])).toBe('FL');
  });
  test('a head office alone still names a state (better than nothing)', () => {
    expect(stateOf(['@footer', 'Gulfwide Health Headquarters, 200 Peachtree Road NE, Atlanta, GA 30326'])).toBe('GA');
  });
});

describe('several addresses in one footer: the first is the site’s own', () => {
  test('main campus first, a clinic in another state after it', () => {
    expect(stateOf(['@footer', 'Main Campus · 703 Main Street, Paterson, NJ 07503', 'Ramapo Outpatient Center · 25 Lafayette Avenue, Suffern, NY 10901'])).toBe('NJ');
  });
  test('a rotation site after the program address, in one footer block', () => {
    expect(stateOf(['@footer', 'Radiology Residency, 1221 Whipple Street, Eau Claire, WI 54703 · Pediatric rotation: Twin Cities Children’s, 2525 Chicago Avenue, Minneapolis, MN 55404'])).toBe('WI');
  });
  test('"located in City, State" in the page adds to its address', () => {
    expect(stateOf(['Our hospital is located in Sarasota, Florida.', '@footer', 'Sarasota campus 1700 Tamiami Trail, Sarasota, FL 34239 · Clinic 12 Peach Street, Valdosta, GA 31601'])).toBe('FL');
  });
});

describe('the program office named over its address', () => {
  test('main campus first, the program office "(this program)" in another state after it', () => {
    expect(stateOf(['@footer', "Children's Health – Main Campus · 111 Michigan Avenue NW, Washington, DC 20010", "Child Neurology Residency Program Office (this program) · 1800 Orleans Street, Baltimore, MD 21287"])).toBe('MD');
  });
  test('a residency office under a heading of its own', () => {
    expect(stateOf(['@footer', 'Health System · 1 Main Street, Camden, NJ 08103', '# Residency Office', '200 Walnut Street, Philadelphia, PA 19106'])).toBe('PA');
  });
});

describe('round 10: "Residency in Wenatchee, Washington", "programs in Neptune, New Jersey" (no ZIP)', () => {
  test.each<[string[], string]>([
    [['Thank you for your interest in the Cascade Foothills Family Medicine Residency in Wenatchee, Washington.'], 'WA'],
    [['The Office of Graduate Medical Education oversees visa matters for residents in all of our programs in Neptune, New Jersey.'], 'NJ'],
  ])('%s', (lines, want) => {
    expect(stateOf(lines)).toBe(want);
  });
});
