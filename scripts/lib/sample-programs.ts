import type { Program } from '../../lib/core/schema/program';
import { emptySignals } from '../../lib/core/signals/empty';

// Saved programs of typical size, for the benchmarks (database in Node, popup in Chromium).

/** A saved program of typical size: a few signals with evidence, one url, short notes. */
export function benchProgram(i: number): Program {
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
