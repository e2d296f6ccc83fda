import modelData from '../../../data/fit-model.json';
import outcomesData from '../../../data/outcomes.json';

// The fit model's numbers live in data/fit-model.json (each with its reason) and the NRMP figures in
// data/outcomes.json; this file only gives them types. No number in lib/core/fit is written twice.

type Anchors = readonly (readonly [number, number])[];
const anchors = (pairs: number[][]): Anchors => pairs.map(([x, y]) => [x ?? 0, y ?? 0] as const);

export interface Quartiles { q1: number; median: number; q3: number }
export interface SpecialtyOutcome { name: string; matchRate: number; matched: Quartiles; unmatched: Quartiles }

const m = modelData;

export const MODEL = {
  base: m.score.base.value,
  min: m.score.min.value,
  max: m.score.max.value,
  realisticFrom: m.tiers.realisticFrom.value,
  safetyFrom: m.tiers.safetyFrom.value,
  step2: {
    pointsPerUnit: m.step2.pointsPerUnit.value,
    positionMin: m.step2.positionRange.value[0] ?? -4,
    positionMax: m.step2.positionRange.value[1] ?? 3,
    comfortOverMinimum: m.step2.comfortOverMinimum.value,
    pointsOverMinimumPerUnit: m.step2.pointsOverMinimumPerUnit.value,
    notTakenPosition: m.step2.notTakenPosition.value,
  },
  outcomesFallback: m.outcomesFallback.value as Quartiles,
  step1: {
    clearBy: m.step1.clearBy.value,
    wellClearPoints: m.step1.wellClearPoints.value,
    clearPoints: m.step1.clearPoints.value,
    belowPoints: m.step1.belowPoints.value,
  },
  setting: {
    community: m.setting.community.value,
    'community-university-affiliated': m.setting['community-university-affiliated'].value,
    university: m.setting.university.value,
  },
  imgAnchors: anchors(m.imgShare.anchors.value),
  visa: {
    noneNeeded: m.visa.noneNeeded.value,
    sponsored: m.visa.sponsored.value,
    conditional: m.visa.conditional.value,
    notSponsored: m.visa.notSponsored.value,
    h1bWithoutStep3: m.visa.h1bWithoutStep3.value,
  },
  attemptsViolated: m.attempts.violatedPoints.value,
  yog: {
    recencyAnchors: anchors(m.yog.recencyAnchors.value),
    withinStated: m.yog.withinStatedPoints.value,
    beyondStated: m.yog.beyondStatedPoints.value,
  },
  usce: {
    fullMonths: m.usce.fullMonths.value,
    maxPoints: m.usce.maxPoints.value,
    observershipFactor: m.usce.observershipFactor.value,
    met: m.usce.metPoints.value,
    unmetMax: m.usce.unmetMaxPoints.value,
  },
  confidence: {
    weights: m.confidence.weights.value,
    hedgedFactor: m.confidence.hedgedFactor.value,
    fallbackFactor: m.confidence.fallbackFactor.value,
    lowBelow: m.confidence.lowBelow.value,
  },
} as const;

export const OUTCOMES: Readonly<Record<string, SpecialtyOutcome>> = outcomesData.specialties;
export const OUTCOMES_SOURCE = 'NRMP Charting Outcomes 2026';

/** Piecewise-linear through the anchors (x ascending), flat beyond the ends. */
export function interpolate(points: Anchors, x: number): number {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return 0;
  if (x <= first[0]) return first[1];
  if (x >= last[0]) return last[1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    const [x0, y0] = points[i - 1]!;
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return last[1];
}

/** Weights are shown to one decimal; the score is the sum of the shown weights. Rounding is monotone. */
export const round1 = (x: number) => Math.round(x * 10) / 10;
