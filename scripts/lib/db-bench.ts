// Storage speed with fake-indexeddb in Node: a rough, comparable figure for regressions in
// lib/platform/db.ts (zod parsing on read, transaction layout). Real browsers' IndexedDB differs;
// numbers here are for comparing runs, not promises about the extension.
import 'fake-indexeddb/auto'; // idb's wrappers check instanceof against the global IDB classes (Node has none)
import { IDBFactory } from 'fake-indexeddb';
import { performance } from 'node:perf_hooks';
import { emptySignals } from '../../lib/core/signals/empty';
import type { Program } from '../../lib/core/schema/program';
import { openSmartPickDb } from '../../lib/platform/db';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** A saved program of typical size: a few signals with evidence, one url, short notes. */
function benchProgram(i: number): Program {
  const url = `https://gme.hospital${i % 50}.org/internal-medicine/program-${i}`;
  const at = new Date(Date.UTC(2025, 8, 1) + i * 60_000).toISOString();
  const ev = (quote: string, blockIndex: number) => ({ pageUrl: url, quote, blockIndex, readAt: at });
  return {
    id: `acgme:${String(1400000000 + i).padStart(10, '0')}`,
    name: `Hospital ${i % 50} Internal Medicine Residency ${i}`,
    acgmeId: String(1400000000 + i).padStart(10, '0'),
    specialty: 'internal-medicine',
    city: 'Albany',
    state: 'NY',
    urls: [url],
    signals: {
      ...emptySignals(true),
      specialty: { value: 'internal-medicine', strength: 'required', evidence: ev('Internal Medicine Residency Program', 0) },
      state: { value: 'NY', strength: 'required', evidence: ev('410 Hudson Ave, Albany, NY 12203', 41) },
      visaJ1: { value: 'yes', strength: 'required', evidence: ev('We sponsor J-1 visas through ECFMG.', 12) },
      step2MinScore: { value: 220, strength: 'required', evidence: ev('A minimum USMLE Step 2 CK score of 220 is required.', 8) },
      imgPercent: { value: 35, strength: 'required', evidence: ev('IMGs: 35%', 27) },
    },
    tierOverride: null,
    status: 'considering',
    notes: i % 3 === 0 ? 'Asked the coordinator about the Step 2 cutoff.' : '',
    conflicts: [],
    addedAt: at,
    updatedAt: at,
  };
}

/**
 * Median ms of listPrograms() over 1,000 saved programs, and of one putProgram() into that
 * database, each on a fresh fake-indexeddb factory.
 */
export async function benchDb({ listRuns = 15, saveRuns = 60 } = {}): Promise<{ list1000Ms: number; saveMs: number }> {
  const db = await openSmartPickDb(new IDBFactory(), 'smartpick-bench', { onCorrupt: () => {} });
  try {
    const programs = Array.from({ length: 1000 }, (_, i) => benchProgram(i));
    await Promise.all(programs.map((p) => db.putProgram(p)));

    const lists: number[] = [];
    for (let r = 0; r < listRuns + 2; r++) {
      const t0 = performance.now();
      const { programs: listed } = await db.listPrograms();
      const t = performance.now() - t0;
      if (listed.length !== 1000) throw new Error(`listed ${listed.length} of 1000 programs`);
      if (r >= 2) lists.push(t); // two warm-up runs
    }

    const saves: number[] = [];
    for (let r = 0; r < saveRuns + 3; r++) {
      const p = benchProgram(1000 + r);
      const t0 = performance.now();
      await db.putProgram(p);
      const t = performance.now() - t0;
      if (r >= 3) saves.push(t);
    }
    return { list1000Ms: median(lists), saveMs: median(saves) };
  } finally {
    db.close();
  }
}
