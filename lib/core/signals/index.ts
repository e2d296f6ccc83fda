import { readFreida } from '../freida';
import type { PageText } from '../page-text';
import type { Signals } from '../schema/signals';
import { emptySignals } from './empty';
import { criteriaColumns, pairLabelItems, splitInlineAnswers } from './inline-qa';
import { toClauses } from './clauses';
import { detectProgramPage, precheck } from './detect';
import type { RuleContext } from './rule-kit';
import { readAttempts } from './rules/attempts';
import { readImgShare } from './rules/img-share';
import { readStepMinimums } from './rules/scores';
import { readSetting } from './rules/setting';
import { readSpecialty } from './rules/specialty';
import { readState } from './rules/state';
import { readUsce } from './rules/usce';
import { readVisa } from './rules/visa';
import { readYog } from './rules/yog';

// The reader's registry, in the order the rules must run:
// 1. precheck (URL, title, headings) and detect: non-program pages stop here with every field unknown.
// 2. the clause layer: the page is split once; every rule below reads the same clauses.
// 3. FREIDA's structured data first (survey JSON, then its label/value rows): where it states a
//    field, that is the program's own answer; free-text rules fill only what it leaves unknown.
// 4. specialty before scores: tables of minimums per program are read for the page's specialty.
// 5. the remaining rules are independent of each other.

// FREIDA's survey answers visas Yes or No; the program's own words may add the condition the survey
// has no room for ("H-1B only with Step 3 passed before ranking"): that narrows a Yes.
function refineVisa(survey: Signals['visaJ1'] | undefined, text: Signals['visaJ1']): Signals['visaJ1'] {
  if (survey?.value === 'yes' && text?.value === 'conditional') return text;
  return survey ?? text;
}

export function headingsOf(page: PageText, max = 20): string[] {
  const out: string[] = [];
  for (const b of page.blocks) {
    if (b.kind === 'heading' && (b.level ?? 6) <= 2) out.push(b.text.slice(0, 200));
    if (out.length >= max) break;
  }
  return out;
}

/**
 * `linked`: the page was reached from a program page's own links (site reading, lib/core/site/links.ts
 * chose it as its FAQ, eligibility or IMG page), so it is read as one of that program's pages
 * without the two gates: a short "Eligibility" page often has no training word in its title, and
 * the links that lead to news, jobs or patient pages were never followed.
 */
export function extractSignals(read: PageText, readAt?: string, options: { linked?: boolean } = {}): Signals {
  let isProgramPage = false;
  try {
    const page = criteriaColumns(pairLabelItems(splitInlineAnswers(read)));
    if (options.linked) isProgramPage = true;
    else {
      if (!precheck({ url: page.url, title: page.title, headings: headingsOf(page) })) return emptySignals(false);
      isProgramPage = detectProgramPage(page).isProgramPage;
      if (!isProgramPage) return emptySignals(false);
    }

    const ctx: RuleContext = { page, clauses: toClauses(page), specialty: null };
    const freida = readFreida(page);

    const specialty = freida.specialty ?? readSpecialty(ctx);
    ctx.specialty = specialty?.value ?? null;
    const visa = readVisa(ctx);
    const steps = readStepMinimums(ctx);

    const signals: Signals = {
      isProgramPage: true,
      specialty,
      programType: freida.programType ?? readSetting(ctx),
      state: freida.state ?? readState(ctx),
      visaJ1: refineVisa(freida.visaJ1, visa.j1),
      visaH1b: refineVisa(freida.visaH1b, visa.h1b),
      step1MinScore: freida.step1MinScore ?? steps.step1,
      step2MinScore: freida.step2MinScore ?? steps.step2,
      attempts: readAttempts(ctx),
      yog: freida.yog ?? readYog(ctx),
      usce: readUsce(ctx),
      imgPercent: freida.imgPercent ?? readImgShare(ctx),
    };
    if (readAt) {
      for (const v of Object.values(signals)) if (v && typeof v === 'object') v.evidence.readAt = readAt;
    }
    return signals;
  } catch {
    // A rule that trips over an odd page must not take the badge down: report what is known.
    return emptySignals(isProgramPage);
  }
}
