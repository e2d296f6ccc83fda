import type { Signals } from '../schema/signals';

// The corpus label schema (../shared/corpus/README.md) and the CLI's output: product signals
// flattened. Preferences are not rules there — a preferred minimum score or graduation limit is
// null — while a rule stated with exceptions ("generally 200", "unless…") still counts.

export interface CorpusLabels {
  isProgramPage: boolean;
  specialty: string | null;
  programType: string | null;
  state: string | null;
  visa: { j1: string | null; h1b: string | null };
  step1MinScore: number | null;
  step2MinScore: number | null;
  firstAttemptOnly: boolean | null;
  yog: { maxYears: number } | { earliestYear: number } | null;
  usce: string | null;
  usceMinMonths: number | null;
  imgPercent: number | null;
  evidence: Record<string, string>;
}

type AnySignal = { value: unknown; strength: string; hedged?: boolean; evidence: { quote: string; context?: string } } | null;

const asRule = <T>(s: { value: T; strength: string; hedged?: boolean } | null): T | null =>
  s && (s.strength === 'required' || s.hedged) ? s.value : null;

export function toLabels(s: Signals): CorpusLabels {
  const evidence: Record<string, string> = {};
  const note = (field: string, sig: AnySignal, used: unknown) => {
    if (sig && used !== null && used !== undefined) {
      evidence[field] = sig.evidence.context ? `${sig.evidence.context} — ${sig.evidence.quote}` : sig.evidence.quote;
    }
  };
  const out: CorpusLabels = {
    isProgramPage: s.isProgramPage,
    specialty: s.specialty?.value ?? null,
    programType: s.programType?.value ?? null,
    state: s.state?.value ?? null,
    visa: { j1: s.visaJ1?.value ?? null, h1b: s.visaH1b?.value ?? null },
    step1MinScore: asRule(s.step1MinScore),
    step2MinScore: asRule(s.step2MinScore),
    firstAttemptOnly: s.attempts && s.attempts.strength === 'required' ? s.attempts.value.firstAttemptOnly : null,
    yog: asRule(s.yog),
    usce: s.usce?.value.status ?? null,
    usceMinMonths: s.usce?.value.minMonths ?? null,
    imgPercent: s.imgPercent?.value ?? null,
    evidence,
  };
  note('specialty', s.specialty, out.specialty);
  note('programType', s.programType, out.programType);
  note('state', s.state, out.state);
  note('visa.j1', s.visaJ1, out.visa.j1);
  note('visa.h1b', s.visaH1b, out.visa.h1b);
  note('step1MinScore', s.step1MinScore, out.step1MinScore);
  note('step2MinScore', s.step2MinScore, out.step2MinScore);
  note('firstAttemptOnly', s.attempts, out.firstAttemptOnly);
  note('yog', s.yog, out.yog);
  note('usce', s.usce, out.usce);
  note('imgPercent', s.imgPercent, out.imgPercent);
  return out;
}
