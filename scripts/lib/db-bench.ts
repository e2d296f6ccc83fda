// Storage speed with fake-indexeddb in Node: a rough, comparable figure for regressions in
// lib/platform/db.ts (zod parsing on read, transaction layout). Real browsers' IndexedDB differs;
// numbers here are for comparing runs, not promises about the extension.
import 'fake-indexeddb/auto'; // idb's wrappers check instanceof against the global IDB classes (Node has none)
import { IDBFactory } from 'fake-indexeddb';
import { performance } from 'node:perf_hooks';
import { benchProgram } from './sample-programs';
import { openSmartPickDb } from '../../lib/platform/db';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};


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
