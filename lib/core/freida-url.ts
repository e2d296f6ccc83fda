// FREIDA program URLs, without the data tables, so the content script can check a route cheaply.

export const FREIDA_HOST = 'freida.ama-assn.org';

const PROGRAM_PATH = /^\/program\/(\d{10})(?:\/[A-Za-z0-9_-]+)*\/?$/;

/** The 10-digit ACGME id of a FREIDA program page (or one of its tabs); null for any other URL. */
export function freidaProgramId(url: string): string | null {
  if (typeof url !== 'string' || url.length > 2048) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  if (u.hostname.toLowerCase() !== FREIDA_HOST) return null;
  const m = u.pathname.match(PROGRAM_PATH);
  return m ? m[1]! : null;
}

