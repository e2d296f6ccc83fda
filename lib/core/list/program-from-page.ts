import { acgmeIdInText, programKey } from './program-key';
import { freidaProgramId } from '../freida-url';
import type { Program } from '../schema/program';
import type { Signals } from '../schema/signals';

// A saved program built from the page the user added it from.

const GENERIC_SEGMENT =
  /^(?:faqs?|frequently asked questions|home|apply|how to apply|application(?: process)?|admissions?|eligibility|criteria.*|prospective applicants|applicants?|program details|overview|international (?:medical graduates|applicants)|residency(?: program)?s?|graduate medical education|gme|medical education|freida|residents?(?: & fellows)?|education|careers?.*)$/i;

/** A readable program name from the page: FREIDA's heading, else the most specific title segment. */
export function programName(title: string, explicit?: string): string {
  if (explicit && explicit.trim()) return explicit.trim().slice(0, 300);
  const segs = title.split(/\s+[|–—·-]\s+|\s*\|\s*/).map((s) => s.trim()).filter(Boolean);
  const useful = segs.filter((s) => !GENERIC_SEGMENT.test(s));
  // "FAQ | Internal Medicine Residency | St. Clare Regional" → "St. Clare Regional — Internal Medicine Residency"
  const name = useful.length >= 2 ? `${useful[useful.length - 1]} — ${useful[0]}` : useful[0] ?? segs[0] ?? 'Untitled program';
  return name.slice(0, 300);
}

export function newProgram(
  page: { url: string; title: string; name?: string; text?: string },
  signals: Signals,
  now: Date,
): Program {
  const acgmeId = freidaProgramId(page.url) ?? (page.text ? acgmeIdInText(page.text) : null);
  const iso = now.toISOString();
  return {
    id: programKey(page.url, signals.specialty?.value ?? null, acgmeId),
    name: programName(page.title, page.name),
    acgmeId,
    specialty: signals.specialty?.value ?? null,
    city: null,
    state: signals.state?.value ?? null,
    urls: [page.url],
    signals,
    tierOverride: null,
    status: 'considering',
    notes: '',
    conflicts: [],
    addedAt: iso,
    updatedAt: iso,
  };
}
