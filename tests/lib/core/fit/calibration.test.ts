import { describe, expect, test } from 'vitest';
import { fit } from '../../../../lib/core/fit/fit';
import type { Tier } from '../../../../lib/core/schema/fit';
import type { ProfileInput } from '../../../../lib/core/schema/profile';
import type { Signals } from '../../../../lib/core/schema/signals';
import { NOW, profile, signals, step2 } from './helpers';

// FIT_MODEL.md's calibration table, row by row. Internal medicine unless stated; the applicant needs
// J-1 unless stated, passed Step 1 on the first attempt, graduated within 3 years and has 6 months of
// hands-on USCE. "Nothing stated but specialty" rows must also come with low confidence.

const IM = 'internal-medicine';
const LOW = 0.5;

const ROWS: [number, string, Signals, Partial<ProfileInput>, Tier, 'low' | 'any'][] = [
  [1, 'community, 80% IMG, J-1 yes, minimum 220; 245', signals({ specialty: IM, programType: 'community', imgPercent: 80, visaJ1: 'yes', step2MinScore: 220 }), step2(245), 'safety', 'any'],
  [2, 'community, 80% IMG, J-1 yes, minimum 220; 223', signals({ specialty: IM, programType: 'community', imgPercent: 80, visaJ1: 'yes', step2MinScore: 220 }), step2(223), 'realistic', 'any'],
  [3, 'community, 60% IMG, J-1 yes, no minimum; 232', signals({ specialty: IM, programType: 'community', imgPercent: 60, visaJ1: 'yes' }), step2(232), 'realistic', 'any'],
  [4, 'university, 8% IMG, J-1 yes, no minimum; 232', signals({ specialty: IM, programType: 'university', imgPercent: 8, visaJ1: 'yes' }), step2(232), 'reach', 'any'],
  [5, 'university, 25% IMG, J-1 yes, minimum 240; 246', signals({ specialty: IM, programType: 'university', imgPercent: 25, visaJ1: 'yes', step2MinScore: 240 }), step2(246), 'reach', 'any'],
  [6, 'community-university-affiliated, IMG unknown, J-1 conditional; 250', signals({ specialty: IM, programType: 'community-university-affiliated', visaJ1: 'conditional' }), step2(250), 'realistic', 'any'],
  [7, 'family medicine, community, 50% IMG, J-1 yes, no minimum; 232', signals({ specialty: 'family-medicine', programType: 'community', imgPercent: 50, visaJ1: 'yes' }), { ...step2(232), specialties: ['family-medicine'] }, 'safety', 'any'],
  [8, 'community, J-1 no, H-1B unknown, needs J-1; 260', signals({ specialty: IM, programType: 'community', visaJ1: 'no' }), step2(260), 'ineligible', 'any'],
  [9, 'community, 70% IMG, J-1 yes, minimum 230; 225', signals({ specialty: IM, programType: 'community', imgPercent: 70, visaJ1: 'yes', step2MinScore: 230 }), step2(225), 'ineligible', 'any'],
  [10, 'community, 70% IMG, J-1 yes, first attempt only; failed Step 1 once; 240', signals({ specialty: IM, programType: 'community', imgPercent: 70, visaJ1: 'yes', attempts: { firstAttemptOnly: true, maxAttempts: null } }), { ...step2(240), step1: { result: 'pass', score: null, attempts: 2 } }, 'ineligible', 'any'],
  [11, 'nothing stated but specialty; 251 (IM matched median)', signals({ specialty: IM }), step2(251), 'realistic', 'low'],
  [12, 'nothing stated but specialty; 215', signals({ specialty: IM }), step2(215), 'reach', 'low'],
  [13, 'community, 75% IMG, J-1 yes, no minimum; US citizen (no visa); 228', signals({ specialty: IM, programType: 'community', imgPercent: 75, visaJ1: 'yes' }), { ...step2(228), visa: 'none' }, 'safety', 'any'],
  [14, 'university, currently no IMGs, no visa statement; needs J-1; 255', signals({ specialty: IM, programType: 'university', imgPercent: 0 }), step2(255), 'reach', 'low'],
];

describe('FIT_MODEL calibration table', () => {
  test.each(ROWS)('row %i: %s → %s', (_row, _what, s, over, tier, conf) => {
    const f = fit(profile(over), s, NOW);
    expect(f.tier).toBe(tier);
    if (conf === 'low') expect(f.confidence).toBeLessThan(LOW);
  });

  test('ineligible rows say why, with the page sentence', () => {
    for (const [row, , s, over, tier] of ROWS) {
      const f = fit(profile(over), s, NOW);
      if (tier === 'ineligible') {
        expect(f.dealbreakers.length, `row ${row}`).toBeGreaterThan(0);
        expect(f.dealbreakers.every((d) => d.evidence !== null)).toBe(true);
      } else expect(f.dealbreakers, `row ${row}`).toEqual([]);
    }
  });

  test('rows with a stated minimum do not use outcomes; rows without one do', () => {
    for (const [row, , s, over] of ROWS) {
      expect(fit(profile(over), s, NOW).usedOutcomes, `row ${row}`).toBe(s.step2MinScore === null);
    }
  });

  test('rows with a full page are more confident than the nothing-stated rows', () => {
    const full = fit(profile(step2(245)), ROWS[0]![2], NOW);
    const bare = fit(profile(step2(251)), ROWS[10]![2], NOW);
    expect(full.confidence).toBeGreaterThan(0.7);
    expect(bare.confidence).toBeLessThan(full.confidence);
  });
});
