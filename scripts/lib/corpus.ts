import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractSignals } from '../../lib/core/signals/index';
import { toLabels, type CorpusLabels } from '../../lib/core/signals/labels';
import { readPageText } from '../../lib/platform/page-text';
import { parseHtml } from './html';

// Scores the reader on a labelled corpus (../shared/corpus/README.md) in-process, the same way
// ../shared/tools/corpus-f1.mjs scores the CLI: a field counts when the page labels it or we state it.

export const FIELDS = [
  'specialty', 'programType', 'state', 'visa.j1', 'visa.h1b', 'step1MinScore', 'step2MinScore',
  'firstAttemptOnly', 'yog', 'usce', 'usceMinMonths', 'imgPercent',
] as const;
export type Field = (typeof FIELDS)[number];

export interface CorpusEntry { file: string; url: string; labels: Record<string, unknown> }

export interface FieldScore { tp: number; fn: number; fp: number }
export interface CorpusScore {
  pages: number;
  detectionCorrect: number;
  precision: number;
  recall: number;
  f1: number;
  perField: Record<Field, FieldScore & { precision: number; recall: number; f1: number }>;
  misses: string[];
}

const pick = (o: unknown, path: string): unknown => {
  let v: unknown = o;
  for (const k of path.split('.')) v = v == null ? null : (v as Record<string, unknown>)[k];
  v ??= null;
  // An object whose members are all null ({ j1: null, h1b: null }) is silence.
  if (v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => x == null)) return null;
  return v;
};
const canonical = (v: unknown): string =>
  v && typeof v === 'object'
    ? JSON.stringify(Object.fromEntries(Object.entries(v).filter(([, x]) => x != null).sort()))
    : JSON.stringify(v);
const agree = (field: Field, want: unknown, got: unknown) =>
  field === 'imgPercent' ? Math.abs(Number(want) - Number(got)) <= 1 : canonical(want) === canonical(got);

export function loadCorpus(dir: string): CorpusEntry[] {
  return JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as CorpusEntry[];
}

export function extractFile(dir: string, e: CorpusEntry): CorpusLabels {
  const { document, close } = parseHtml(readFileSync(join(dir, e.file), 'utf8'), e.url);
  try {
    return toLabels(extractSignals(readPageText(document, e.url)));
  } finally {
    close();
  }
}

export function scoreCorpus(dir: string, entries = loadCorpus(dir)): CorpusScore {
  const perField = Object.fromEntries(FIELDS.map((f) => [f, { tp: 0, fn: 0, fp: 0 }])) as Record<Field, FieldScore>;
  let detectionCorrect = 0;
  const misses: string[] = [];
  for (const e of entries) {
    const out = extractFile(dir, e);
    if (out.isProgramPage === Boolean(e.labels.isProgramPage)) detectionCorrect++;
    else misses.push(`${e.file}: isProgramPage want ${e.labels.isProgramPage} got ${out.isProgramPage}`);
    for (const f of FIELDS) {
      const want = pick(e.labels, f);
      const got = pick(out, f);
      const s = perField[f];
      if (want !== null && got !== null && agree(f, want, got)) s.tp++;
      else {
        if (want !== null) s.fn++;
        if (got !== null) s.fp++;
        if (want !== null || got !== null) misses.push(`${e.file}: ${f} want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
      }
    }
  }
  const prf = (s: FieldScore) => {
    const precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
    const recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { ...s, precision, recall, f1 };
  };
  const total = Object.values(perField).reduce((a, s) => ({ tp: a.tp + s.tp, fn: a.fn + s.fn, fp: a.fp + s.fp }), { tp: 0, fn: 0, fp: 0 });
  const all = prf(total);
  return {
    pages: entries.length,
    detectionCorrect,
    precision: all.precision,
    recall: all.recall,
    f1: all.f1,
    perField: Object.fromEntries(FIELDS.map((f) => [f, prf(perField[f])])) as CorpusScore['perField'],
    misses,
  };
}
