import { specialties as specialtyRows } from '../../../data/specialties.json';
import { registrableDomain } from '../list/program-key';
import { alternation } from '../signals/phrases';

// Which of a program page's links lead to the pages that state its rules. Hospital sites put visa
// policy and cutoffs on "FAQ", "Eligibility", "How to apply" or "International Medical Graduates"
// pages one or two clicks from the program's home, rarely on the home itself. Pure: the content
// script hands in { href, text, inNav } per link, this ranks them; nothing here fetches.

export interface LinkCandidate {
  /** As written or resolved; relative hrefs are resolved against the page URL. */
  href: string;
  /** Link text (or its aria-label / title). */
  text: string;
  /** Inside nav, header or footer: site-wide menus, weaker than a link in the page's own text. */
  inNav: boolean;
}

export interface RankedLink {
  url: string;
  text: string;
  score: number;
}

export const MAX_SITE_PAGES = 8;

// Vocabulary is data (HOUSE_STYLE habit 3): phrase → weight. Longer phrases are matched first, so
// "how to apply" counts once, not also as "apply".
const POSITIVE: Record<string, number> = {
  'frequently asked questions': 6, faq: 6, faqs: 6,
  'international medical graduates': 7, 'international medical graduate': 7, 'foreign medical graduates': 7,
  'foreign medical graduate': 7, img: 6, imgs: 6, fmg: 5, fmgs: 5, 'international applicants': 6, international: 3,
  visa: 6, visas: 6, sponsorship: 5, 'visa sponsorship': 7, ecfmg: 4,
  eligibility: 6, eligible: 3, requirements: 5, 'application requirements': 6, criteria: 4, 'selection criteria': 6,
  selection: 3, 'how to apply': 6, apply: 4, application: 4, applications: 4, 'application process': 5,
  'prospective applicants': 5, 'prospective residents': 5, applicants: 4, applying: 4, admissions: 3, admission: 3,
  usmle: 3, 'minimum scores': 5, qualifications: 4,
};

// Pages that never state a program's rules: news, giving, patient care, jobs for staff, accounts,
// legal boilerplate, calendars. One of these drops a link outright.
const NEGATIVE = [
  'news', 'newsroom', 'events', 'event', 'calendar', 'donate', 'donation', 'donations', 'giving', 'give', 'foundation',
  'patients', 'patient', 'visitors', 'find a doctor', 'find a provider', 'mychart', 'my chart', 'pay my bill', 'billing',
  'login', 'log in', 'sign in', 'signin', 'logout', 'privacy', 'privacy policy', 'terms of use', 'cookie', 'cookies',
  'accessibility', 'nondiscrimination', 'sitemap', 'blog', 'press', 'media', 'podcast', 'store', 'shop',
];
// Staff jobs, unless the link is about training ("Careers › Residency Programs" is common).
const JOBS = ['careers', 'career', 'jobs', 'job', 'employment', 'job openings'];
const TRAINING = /\b(?:residency|residencies|resident|residents|fellowship|gme|graduate medical education|internship)\b/;
// A link whose whole text is "Contact" or "Contact us" leads to an address form, not the rules.
const CONTACT_ONLY = /^\s*(?:contact(?: us)?|email us|directions|maps? (?:and|&) directions)\s*$/i;
// Files, not pages.
const FILE = /\.(?:pdf|docx?|xlsx?|pptx?|rtf|zip|ics|jpe?g|png|gif|svg|webp|bmp|ico|tiff?|mp[34]|mov|avi|webm|wav|css|js|json|xml|txt)$/i;

const wordsRe = (phrases: readonly string[]) => new RegExp(`(?:^|[^a-z0-9])(${alternation(phrases)})(?=$|[^a-z0-9])`, 'gi');
const POSITIVE_RE = wordsRe(Object.keys(POSITIVE));
const NEGATIVE_RE = wordsRe(NEGATIVE);
const JOBS_RE = wordsRe(JOBS);

// Specialty names as they appear in paths and link texts ("internal-medicine", "Pediatrics").
const SPECIALTY_WORDS: [string, RegExp][] = specialtyRows.map((s) => [
  s.slug,
  wordsRe([s.name, ...s.aliases].map((p) => p.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()).filter((p) => p.length > 3)),
]);

/** Lower case, path separators and punctuation as spaces: "/gme/internal-medicine/FAQs.aspx" → " gme internal medicine faqs aspx". */
const plain = (s: string) => s.toLowerCase().replace(/%20|[^a-z0-9]+/g, ' ');

function matches(re: RegExp, text: string): Set<string> {
  const out = new Set<string>();
  re.lastIndex = 0;
  for (let m; (m = re.exec(text)); ) out.add(m[1]!.toLowerCase());
  return out;
}

/** The same website: http(s) on the same registrable domain ("gme.valley.org" and "www.valley.org" are one site). */
export function sameSite(url: string, pageUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(pageUrl);
    return /^https?:$/.test(a.protocol) && registrableDomain(a.hostname) === registrableDomain(b.hostname);
  } catch {
    return false;
  }
}

const segments = (path: string) => path.split('/').filter(Boolean);

/**
 * The links worth reading, best first, at most `limit` (default 8). Dropped: other sites, non-http(s)
 * (mailto:, tel:, javascript:), links to the page itself or to a fragment of it, files (PDF,
 * images), URLs in `exclude`, and every link with no applicant word or with a negative one.
 * Preferred: links under the open page's own path (the program's section of a hospital site), that
 * name the page's specialty, and that sit in the page's text rather than in a site-wide menu.
 */
export function rankLinks(
  links: readonly LinkCandidate[],
  pageUrl: string,
  options: { limit?: number; specialty?: string | null; exclude?: Iterable<string> } = {},
): RankedLink[] {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return [];
  }
  page.hash = '';
  const skip = new Set<string>([page.href, ...(options.exclude ?? [])].map((u) => u.replace(/#.*$/, '')));
  // The program's own folder: "/gme/internal-medicine/" for "/gme/internal-medicine/overview".
  const home = segments(page.pathname);
  if (home.length > 1 && /\.\w{2,5}$|^(?:index|home|overview|welcome|default)$/i.test(home[home.length - 1]!)) home.pop();
  const best = new Map<string, RankedLink>();
  links.forEach((link, order) => {
    let u: URL;
    try {
      u = new URL(link.href, page);
    } catch {
      return;
    }
    u.hash = '';
    if (!sameSite(u.href, page.href) || skip.has(u.href) || FILE.test(u.pathname)) return;
    const text = plain(link.text).trim();
    const path = plain(decodeURIComponentSafe(u.pathname + ' ' + u.search));
    const both = `${text} ${path}`;
    if (CONTACT_ONLY.test(link.text) || matches(NEGATIVE_RE, both).size > 0) return;
    if (matches(JOBS_RE, both).size > 0 && !TRAINING.test(both)) return;
    const inText = matches(POSITIVE_RE, text);
    let score = 0;
    for (const w of new Set([...inText, ...matches(POSITIVE_RE, path)])) score += (POSITIVE[w] ?? 0) * (inText.has(w) ? 1 : 0.75);
    if (score === 0) return;
    // Under the program's own path: its FAQ rather than the hospital's general one.
    const segs = segments(u.pathname);
    let shared = 0;
    while (shared < home.length && shared < segs.length && segs[shared]!.toLowerCase() === home[shared]!.toLowerCase()) shared++;
    score += shared === home.length && home.length > 0 ? 4 : shared;
    // Another specialty's page ("/gme/general-surgery/faq" seen from internal medicine) belongs to
    // another program: dropped, unless it names this program's specialty too.
    if (options.specialty) {
      const named = SPECIALTY_WORDS.filter(([, re]) => matches(re, both).size > 0).map(([slug]) => slug);
      if (named.includes(options.specialty)) score += 2;
      else if (named.length > 0) return;
    }
    if (link.inNav) score -= 1;
    if (score <= 0) return;
    // Earlier links win ties: the page's own order is a hint of importance.
    score = Math.round(score * 100) / 100 - order * 1e-6;
    const prev = best.get(u.href);
    if (!prev || prev.score < score) best.set(u.href, { url: u.href, text: link.text.replace(/\s+/g, ' ').trim().slice(0, 120), score });
  });
  return [...best.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, options.limit ?? MAX_SITE_PAGES)
    .map((l) => ({ ...l, score: Math.round(l.score * 100) / 100 }));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
