import { freidaProgramId } from '../freida-url';

// One program, several pages: the key is the ACGME id when a page shows it, else the site's
// registrable domain and the specialty (DESIGN.md). Registrable domain without a public-suffix
// download: the last two labels, or three under the common two-level suffixes.

const TWO_LEVEL_SUFFIXES = new Set([
  'co.uk', 'ac.uk', 'org.uk', 'nhs.uk', 'gov.uk', 'com.au', 'edu.au', 'org.au', 'co.nz', 'ac.nz', 'co.in', 'ac.in',
  'com.br', 'com.mx', 'co.jp', 'ac.jp', 'com.sg', 'edu.sg', 'com.tr', 'edu.tr', 'com.pk', 'edu.pk', 'com.eg', 'edu.eg',
  'k12.ca.us',
]);

export function registrableDomain(hostname: string): string {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.').filter(Boolean);
  if (labels.length <= 2 || /^\d+$/.test(labels[labels.length - 1]!)) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  return TWO_LEVEL_SUFFIXES.has(lastTwo) ? labels.slice(-3).join('.') : lastTwo;
}

/** Stable key of the program a page belongs to. */
export function programKey(url: string, specialty: string | null, acgmeId: string | null = null): string {
  const id = acgmeId ?? freidaProgramId(url);
  if (id) return `acgme:${id}`;
  let host = url;
  try {
    host = new URL(url).hostname;
  } catch {
    /* keep the raw text */
  }
  return `site:${registrableDomain(host)}|${specialty ?? 'unknown'}`;
}

/** ACGME id a page shows in its text ("ACGME Program ID: 1403531877", "ERAS Program ID 1401100777"). */
export function acgmeIdInText(text: string): string | null {
  const m = text.match(/\b(?:acgme|eras)(?: program)?(?: id| code| number)?\s*(?:#|:|is)?\s*(\d{10})\b/i);
  return m ? m[1]! : null;
}
