import { specialties as specialtyRows } from '../../../data/specialties.json';
import { freidaProgramId } from '../freida-url';
import { alternation } from './phrases';

// The cheap gate in front of the full read (detect.ts): URL, title and top headings only. It runs
// on every page the content script sees, so it lives apart from the detector's larger tables.

export interface PrecheckInput {
  url: string;
  title: string;
  headings: string[];
}

// --- precheck ----------------------------------------------------------------------------------

// Words that put a URL, title or top heading in graduate medical education on their own.
export const TRAINING_PHRASES = [
  'residency', 'residencies', 'resident physician', 'resident physicians', 'residents and fellows',
  'residents & fellows', 'residents fellows', 'prospective residents', 'house staff', 'housestaff',
  'graduate medical education', 'medical education', 'gme', 'internship', 'intern year', 'fellowship',
  'fellowships', 'international medical graduate', 'international medical graduates',
  'foreign medical graduate', 'foreign medical graduates', 'nrmp', 'acgme', 'ecfmg', 'usmle', 'freida',
];
const TRAINING = new RegExp(`\\b(?:${alternation(TRAINING_PHRASES)}|pgy[\\s-]?[1-8])\\b`, 'i');
// Acronyms that are ordinary words in lower case ("eras" of history, "img" file paths): only as
// written on program pages, upper case, in the title and headings.
const TRAINING_ACRONYMS = /\b(?:ERAS|IMGs?|FMGs?)\b/;
// Applicant words that are everyday web words ("apply a coupon", "FAQ", "admission tickets"): they
// count only next to a specialty's name or a medical institution in the same string ("Prospective
// Applicants | Flatbush Pathology", "International Applicants | Longwood Children's Hospital").
export const APPLICANT_PHRASES = [
  'applicant', 'applicants', 'apply', 'how to apply', 'application', 'applications', 'admission',
  'admissions', 'eligibility', 'interview', 'interviews', 'faq', 'faqs', 'frequently asked questions',
  'requirements', 'selection criteria', 'program', 'programme', 'curriculum', 'rotations',
];
const APPLICANT = new RegExp(`\\b(?:${alternation(APPLICANT_PHRASES)})\\b`, 'i');
// Specialty names and their aliases (data/specialties.json), then the words of medical institutions.
export const MEDICAL_PHRASES = [
  ...new Set(specialtyRows.flatMap((s) => [s.name, ...s.aliases]).map((p) => p.toLowerCase())),
  'pediatric', 'psychiatric', 'surgical', 'transitional',
  'hospital', 'hospitals', 'medical center', 'medical centre', 'medical', 'health', 'healthcare', 'health system',
  "children's", 'children’s', 'medicine', 'physician', 'physicians', 'clinical',
];
const MEDICAL = new RegExp(`\\b(?:${alternation(MEDICAL_PHRASES)})\\b`, 'i');

export function urlWords(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname} ${decodeURIComponent(u.pathname)}`.replace(/[-_/.]+/g, ' ');
  } catch {
    return '';
  }
}

function looksLikeTraining(text: string, acronyms: boolean): boolean {
  if (!text) return false;
  if (TRAINING.test(text) || (acronyms && TRAINING_ACRONYMS.test(text))) return true;
  return APPLICANT.test(text) && MEDICAL.test(text);
}

/** Cheap gate: URL, title and headings only. True → run the full read. */
export function precheck(input: PrecheckInput): boolean {
  if (freidaProgramId(input.url)) return true;
  if (looksLikeTraining(input.title, true)) return true;
  if (looksLikeTraining(urlWords(input.url), false)) return true;
  for (const h of input.headings) if (looksLikeTraining(h, true)) return true;
  return false;
}

