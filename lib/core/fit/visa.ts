import type { Profile } from '../schema/profile';
import type { Signal, Signals, VisaValue } from '../schema/signals';
import { emptyAssessment, isFirm, reason, type Assessment } from './assessment';
import { MODEL } from './model';

// Visa fit (FIT_MODEL principle 4). An applicant who needs no visa gets the full visa fit and no
// visa questions. Otherwise the visa the applicant needs decides: unqualified sponsorship is a plus,
// conditional a smaller one, silence neutral (a question, and lower confidence), a firm "no" a
// dealbreaker. "any" (J-1 or H-1B) takes the better of the two routes and is blocked only when both
// are firmly closed. The H-1B route needs Step 3 passed before the start date (FACTS.md "Visas").

type Route = 'j1' | 'h1b';
const LABEL: Record<Route, string> = { j1: 'J-1', h1b: 'H-1B' };
const NEED: Record<Profile['visa'], string> = { none: '', j1: 'Needs J-1', h1b: 'Needs H-1B', any: 'Needs J-1 or H-1B' };
const V = MODEL.visa;

interface RouteFit {
  points: number;
  blocked: boolean;
  /** The page answers for this visa with an unqualified yes: nothing left to ask about the other one. */
  settled: boolean;
  assessment: Assessment;
}

function routeFit(route: Route, sig: Signal<VisaValue>, p: Profile): RouteFit {
  const a = emptyAssessment();
  const name = LABEL[route];
  const need = NEED[p.visa];
  let points = 0;
  let blocked = false;
  if (sig === null) {
    a.verify.push({ field: 'visa', question: `Does the program sponsor ${name} visas?` });
  } else if (sig.value === 'no' && isFirm(sig)) {
    // A blocked route carries no weight: the dealbreaker says it, and the score shown beside it
    // is how the rest of the page fits.
    blocked = true;
    a.dealbreakers.push({ field: 'visa', message: `${need}; program: no ${name} sponsorship`, evidence: sig.evidence });
  } else if (sig.value === 'no') {
    points = V.notSponsored;
    a.reasons.push(reason('visa', `${need}; the program suggests no ${name} sponsorship, not as a firm rule`, points, sig.evidence));
    a.verify.push({ field: 'visa', question: `Would the program sponsor a ${name} visa for you?` });
  } else if (sig.value === 'yes' && isFirm(sig)) {
    points = V.sponsored;
    a.reasons.push(reason('visa', `Sponsors ${name}, which you need`, points, sig.evidence));
  } else {
    points = V.conditional;
    a.reasons.push(reason('visa', `Sponsors ${name} only in some cases`, points, sig.evidence));
    a.verify.push({ field: 'visa', question: `Under what conditions does the program sponsor ${name} visas?` });
  }
  if (route === 'h1b' && !p.step3.passed && !blocked) {
    points += V.h1bWithoutStep3;
    a.reasons.push(reason('visa', 'H-1B needs every USMLE Step passed, Step 3 included, before the start date', V.h1bWithoutStep3, null));
    a.verify.push({ field: 'visa', question: 'By what date must Step 3 be passed for H-1B sponsorship?' });
  }
  const settled = sig !== null && sig.value === 'yes' && isFirm(sig);
  return { points, blocked, settled, assessment: a };
}

export function assessVisa(p: Profile, s: Signals): Assessment {
  if (p.visa === 'none') {
    const a = emptyAssessment();
    a.reasons.push(reason('visa', 'No visa needed', V.noneNeeded, null));
    return a;
  }
  if (p.visa === 'j1') return routeFit('j1', s.visaJ1, p).assessment;
  if (p.visa === 'h1b') return routeFit('h1b', s.visaH1b, p).assessment;

  // "any": either visa will do.
  const j = routeFit('j1', s.visaJ1, p);
  const h = routeFit('h1b', s.visaH1b, p);
  if (j.blocked && h.blocked) return { ...emptyAssessment(), dealbreakers: [...j.assessment.dealbreakers, ...h.assessment.dealbreakers] };
  // The better open route carries the weight; a tie goes to J-1 (no Step 3 deadline). Passing
  // Step 3 only raises the H-1B route, so it can only help.
  const best = j.blocked ? h : h.blocked ? j : h.points > j.points ? h : j;
  const other = best === j ? h : j;
  const closed = other.blocked ? other.assessment.dealbreakers[0] : undefined;
  const closedNote = closed
    ? [reason('visa', `No ${best === j ? 'H-1B' : 'J-1'} sponsorship; the ${best === j ? 'J-1' : 'H-1B'} route is still open`, 0, closed.evidence)]
    : [];
  return {
    dealbreakers: [],
    reasons: [...closedNote, ...best.assessment.reasons],
    // While the better route is not an unqualified yes, the other visa is still worth asking about.
    verify: best.settled || other.blocked ? best.assessment.verify : [...best.assessment.verify, ...other.assessment.verify.filter((q) => !best.assessment.verify.some((b) => b.question === q.question))],
  };
}
