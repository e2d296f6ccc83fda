import { describe, expect, test } from 'vitest';
import { MAX_SITE_PAGES, rankLinks, sameSite, type LinkCandidate } from '../../../../lib/core/site/links';

// Which links of a program page are worth reading: applicant pages of the same site, the program's
// own before the hospital's, never news, patients, jobs, files or other sites.

const HOME = 'https://www.valley-general.org/gme/internal-medicine/';
const link = (href: string, text: string, inNav = false): LinkCandidate => ({ href, text, inNav });
const urls = (links: LinkCandidate[], options = {}) => rankLinks(links, HOME, options).map((l) => l.url);

describe('applicant pages are kept', () => {
  test.each([
    ['FAQ', '/gme/internal-medicine/faq'],
    ['Frequently Asked Questions', '/gme/internal-medicine/questions'],
    ['Eligibility', '/gme/internal-medicine/eligibility'],
    ['Application requirements', '/gme/internal-medicine/page-4'],
    ['How to Apply', '/gme/internal-medicine/how-to-apply'],
    ['Apply', '/gme/internal-medicine/apply'],
    ['International Medical Graduates', '/gme/internal-medicine/imgs'],
    ['Information for foreign medical graduates', '/gme/internal-medicine/fmg'],
    ['Visa sponsorship', '/gme/visas'],
    ['Selection criteria', '/gme/internal-medicine/selection'],
    ['Prospective applicants', '/gme/internal-medicine/prospective'],
    ['Admissions', '/gme/internal-medicine/admissions'],
    // The words in the path alone are enough ("Learn more" links).
    ['Learn more', '/gme/internal-medicine/eligibility-requirements'],
    ['Read this', '/gme/internal-medicine/international-medical-graduates'],
    // Jobs pages are kept when they are about residency.
    ['Residency applicants', '/careers/residency/applicants'],
  ])('"%s" → %s', (text, path) => {
    expect(urls([link(path, text)])).toEqual([`https://www.valley-general.org${path}`]);
  });
});

describe('everything else is dropped', () => {
  test.each([
    ['News', '/news/2025/faq-day'],
    ['Events calendar', '/gme/events'],
    ['Donate', '/giving/apply-gift'],
    ['For patients: visa questions', '/patients/international'],
    ['International patients', '/international-patients'],
    ['Careers', '/careers/apply'],
    ['Apply for jobs', '/jobs/search'],
    ['Log in to apply', '/login?next=/apply'],
    ['Privacy', '/privacy'],
    ['Contact us', '/gme/internal-medicine/contact'],
    ['Calendar', '/gme/internal-medicine/calendar'],
    ['FAQ (PDF)', '/gme/internal-medicine/faq.pdf'],
    ['IMG photo', '/gme/internal-medicine/img/banner.png'],
    ['Our residents', '/gme/internal-medicine/residents'],
    ['Curriculum', '/gme/internal-medicine/curriculum'],
  ])('"%s" (%s)', (text, path) => {
    expect(urls([link(path, text)])).toEqual([]);
  });

  test.each([
    ['another site', 'https://www.elsewhere.org/gme/faq'],
    ['a look-alike domain', 'https://valley-general.org.example.com/faq'],
    ['mailto', 'mailto:gme@valley-general.org?subject=FAQ'],
    ['tel', 'tel:+15551234567'],
    ['javascript', 'javascript:openFaq()'],
    ['ftp', 'ftp://www.valley-general.org/faq'],
    ['a fragment of the page itself', '#faq'],
    ['the page itself', HOME],
  ])('%s', (_what, href) => {
    expect(urls([link(href, 'FAQ')])).toEqual([]);
  });

  test('another host of the same registrable domain is the same site', () => {
    expect(urls([link('https://gme.valley-general.org/visa', 'Visa information')])).toEqual(['https://gme.valley-general.org/visa']);
    expect(sameSite('https://gme.valley-general.org/x', HOME)).toBe(true);
    expect(sameSite('https://www.valley-general.co.uk/x', 'https://www.other.co.uk/')).toBe(false);
  });

  test('excluded URLs (already read) are not offered again', () => {
    expect(urls([link('/gme/internal-medicine/faq', 'FAQ')], { exclude: ['https://www.valley-general.org/gme/internal-medicine/faq#top'] })).toEqual([]);
  });
});

describe('ordering', () => {
  test('the program\'s own pages before the hospital\'s, content links before menus, strong words first', () => {
    const ranked = urls([
      link('/gme/faq', 'FAQ', true), // the GME office's, in the menu
      link('/gme/internal-medicine/apply', 'Apply'),
      link('/gme/internal-medicine/faq', 'FAQ'),
      link('/gme/internal-medicine/international-medical-graduates', 'International Medical Graduates'),
    ]);
    expect(ranked).toEqual([
      'https://www.valley-general.org/gme/internal-medicine/international-medical-graduates',
      'https://www.valley-general.org/gme/internal-medicine/faq',
      'https://www.valley-general.org/gme/internal-medicine/apply',
      'https://www.valley-general.org/gme/faq',
    ]);
  });

  test('another specialty\'s pages are dropped, the same specialty\'s come first', () => {
    const ranked = rankLinks(
      [link('/gme/general-surgery/faq', 'General Surgery FAQ'), link('/gme/faq', 'GME FAQ'), link('/gme/internal-medicine-faq', 'Internal Medicine FAQ')],
      'https://www.valley-general.org/gme/',
      { specialty: 'internal-medicine' },
    ).map((l) => l.url);
    expect(ranked).toEqual(['https://www.valley-general.org/gme/internal-medicine-faq', 'https://www.valley-general.org/gme/faq']);
  });

  test('duplicates (same URL, fragments aside) are read once, under their best text', () => {
    const ranked = rankLinks([link('/gme/internal-medicine/page-7#a', 'here'), link('/gme/internal-medicine/page-7#b', 'Visa FAQ')], HOME);
    expect(ranked).toHaveLength(1);
    expect(ranked[0]).toMatchObject({ url: 'https://www.valley-general.org/gme/internal-medicine/page-7', text: 'Visa FAQ' });
  });

  test('ties keep the page\'s own order', () => {
    expect(urls([link('/gme/internal-medicine/faq-2', 'FAQ'), link('/gme/internal-medicine/faq-1', 'FAQ')])).toEqual([
      'https://www.valley-general.org/gme/internal-medicine/faq-2',
      'https://www.valley-general.org/gme/internal-medicine/faq-1',
    ]);
  });

  test(`at most ${MAX_SITE_PAGES} links, or the limit asked for`, () => {
    const many = Array.from({ length: 30 }, (_, i) => link(`/gme/internal-medicine/faq-${i}`, `FAQ ${i}`));
    expect(urls(many)).toHaveLength(MAX_SITE_PAGES);
    expect(urls(many, { limit: 3 })).toHaveLength(3);
  });

  test('an unreadable page URL or link is skipped, never thrown', () => {
    expect(rankLinks([link('/faq', 'FAQ')], 'not a url')).toEqual([]);
    expect(urls([link('http://[bad', 'FAQ')])).toEqual([]);
  });
});
