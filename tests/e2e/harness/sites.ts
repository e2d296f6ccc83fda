import type { Site } from '../../../scripts/lib/fixtures';

// The fixture websites (tests/e2e/fixtures/) and the URLs tests open. Facts each page states, as
// `npm run extract` reads them, are noted so tests can say what they expect and why.

export const FREIDA_ORIGIN = 'https://freida.ama-assn.org';
export const HOSPITAL_ORIGIN = 'https://www.example-hospital.org';

export const FREIDA: Site = {
  origin: FREIDA_ORIGIN,
  pages: {
    '/search/list*': 'freida/search-list.html',
    // Lakeshore Community Hospital: Internal Medicine, NY, J-1 yes / H-1B no, Step 2 CK minimum 220
    // (rendered rows only: not in ng-state), graduation within 5 years, 78% IMG.
    '/program/1403521104*': 'freida/program-1403521104.html',
    // Maple Valley: Family Medicine, OH, J-1 and H-1B yes, Step 2 CK minimum 200, no graduation cap, 45% IMG.
    '/program/1203811207*': 'freida/program-1203811207.html',
    '/assets/spa-router.js': 'freida/spa-router.js',
  },
};

export const HOSPITAL: Site = {
  origin: HOSPITAL_ORIGIN,
  pages: {
    // FAQ, answers in collapsed accordions: J-1 yes / H-1B no, Step 2 CK ≥ 225 first attempt only,
    // 3 months hands-on USCE required, graduation within 5 years; Springfield, IL.
    '/gme/internal-medicine/faq': 'hospital/im-faq.html',
    // IMG page: J-1 yes, H-1B case by case (Step 3), Step 2 CK 215 preferred, graduation within 7 years.
    '/gme/internal-medicine/international-medical-graduates': 'hospital/im-img.html',
    // Not a program page.
    '/news/2025/new-cardiac-wing': 'hospital/news-cardiac-wing.html',
  },
};

export const UNIVERSITY_ORIGIN = 'https://www.northbridge-medical.edu';

export const UNIVERSITY: Site = {
  origin: UNIVERSITY_ORIGIN,
  pages: {
    // A university program few IMGs get into: Step 2 CK 250 preferred, 5% IMG, J-1 and H-1B; Boston, MA.
    '/education/internal-medicine-residency': 'hospital/university-im.html',
  },
};

export const URLS = {
  search: `${FREIDA_ORIGIN}/search/list?spec=140,120`,
  programIm: `${FREIDA_ORIGIN}/program/1403521104`,
  programFm: `${FREIDA_ORIGIN}/program/1203811207`,
  hospitalFaq: `${HOSPITAL_ORIGIN}/gme/internal-medicine/faq`,
  hospitalImg: `${HOSPITAL_ORIGIN}/gme/internal-medicine/international-medical-graduates`,
  hospitalNews: `${HOSPITAL_ORIGIN}/news/2025/new-cardiac-wing`,
  university: `${UNIVERSITY_ORIGIN}/education/internal-medicine-residency`,
} as const;

export const NAMES = {
  programIm: 'Lakeshore Community Hospital Program',
  programFm: 'Maple Valley Family Medicine Program',
  /** The IMG and FAQ pages: one program (same site, same specialty). */
  hospital: 'Example Hospital — Internal Medicine Residency',
  university: 'Northbridge University Medical Center — Internal Medicine Residency',
} as const;
