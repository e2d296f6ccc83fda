import { normaliseSetting } from '../../freida';
import type { ProgramType } from '../../schema/signals';
import { normalize } from '../normalize';
import { clausesAbout, found, rowAsLine, type Found, type RuleContext } from '../rule-kit';

// Community vs university setting, only from explicit words about the program or its hospital
// ("our community teaching hospital", "a community-based, university-affiliated hospital",
// "a university-based residency"), never from an institution's name ("Shore Point University
// Medical Center") or from rotations ("community-based psychiatric experiences", "one month at a
// rural community hospital").

const PLACE = String.raw`(?:teaching )?(?:hospital|program|programme|residency|institution|medical center|health system|training program)`;
// Up to two describing words between "a"/"our" and the setting word ("an independent, non-profit
// community hospital"), never "or"/"and" ("a community or university program" names no setting).
const ADJ = String.raw`(?:(?!(?:or|and)\b)[\w-]+,? ){0,2}`;
const DET = String.raw`\b(?:our|a|an|this)`;

const AFFILIATED = new RegExp(
  [
    String.raw`\bcommunity[- ]based,? (?:and )?university[- ]affiliated\b`,
    String.raw`\buniversity[- ]affiliated,? community\b`,
    String.raw`\bcommunity(?:[- ]based)? (?:teaching )?(?:hospital|program|residency)[^.;]{0,30}\baffiliated with (?:the |an? )?[^.;]{0,40}\buniversity\b`,
    // "a community hospital with a university affiliation"
    String.raw`\bcommunity(?:[- ]based)? (?:teaching )?(?:hospital|program|residency)\b[^.;]{0,20}\bwith an? (?:\w+ )?university affiliation\b`,
    // "Our program is community based and affiliated with the … University College of Medicine"
    String.raw`\bcommunity[- ]based,? (?:and )?(?:academically )?affiliated with (?:the |an? )?[^.;]{0,40}\buniversity\b`,
  ].join('|'),
);
const COMMUNITY = new RegExp(
  [
    // "a community-based, unopposed program", "a community-based, three-year internal medicine residency"
    String.raw`\bcommunity[- ]based,? (?:(?!(?:or|and)\b)[\w-]+,? ){0,3}${PLACE}\b`,
    String.raw`${DET} ${ADJ}community(?:[- ]based)? ${PLACE}\b`,
    String.raw`\b(?:is|are) community[- ]based\b`,
  ].join('|'),
);
const UNIVERSITY = new RegExp(
  [
    String.raw`\buniversity[- ]based\b`,
    String.raw`${DET} ${ADJ}(?:university|academic) (?:hospital )?(?:program|residency)\b`,
    String.raw`\b(?:a|an|our) ${ADJ}university hospital\b`, // "a tertiary-care university hospital", not "Example University Hospital"
    String.raw`\bacademic medical center\b(?=[^.;]{0,30}\b(?:our|program|residency)\b)`,
  ].join('|'),
);
// "Residents spend one month at a community hospital": a rotation site, not the program's setting.
// (Not across a verb: "The residency at Loyalsock Creek Medical Center is a community hospital program".)
const ROTATION = /\b(?:at|to|through) (?:an? |the )?(?:(?!(?:is|are|was)\b)[\w, -]){0,40}\b(?:community|university)\b/;
const ROTATION_WORDS = /\b(?:rotat\w*|electives?|months?|weeks?|blocks?)\b/;
// Capitalised names with "Community"/"University" inside ("our Valley Community Hospital campus",
// "Shore Point University Medical Center") are masked before reading ("university-name": still a
// university for "affiliated with …"); headings are left alone, being Title Case throughout.
const NAME = /\b(?!(?:Our|A|An|This|The|We)\b)[A-Z][\w'.&-]*(?:\s+[A-Z][\w'.&-]*)*\s+(?:Community|University)\b(?:\s+(?:of\s+)?[A-Z][\w'.&-]*)*/g;
const NOT_SETTING = /\bnot (?:an? )?(?:community|university)/;
// Label/value rows such as FREIDA's "Program best described as: Community Based".
const SETTING_LABEL = /\b(?:setting|program type|type of program|best described|hospital type|institution type)\b/;

const SITE_SECTION = /\b(?:rotation|training|clinical|affiliated|affiliate|partner|participating) (?:sites?|hospitals|locations|facilities)\b|\bwhere (?:you(?:'ll| will)? )?(?:train|rotate)\b/;
const OWN_PROGRAM = /\b(?:our|this) (?:program|residency)\b|\bwe are\b/;
// "Is the residency university-based? || Yes.": the question names the setting, the answer agrees.
const ASKS_SETTING = /^(?:is|are) (?:the|this|your|it|you) (?:\w+ ){0,2}?(?:an? )?(community|university|academic)(?:[- ]based)?\b(?! or\b)/;

export function readSetting(ctx: RuleContext): Found<ProgramType> | null {
  for (const c of clausesAbout(ctx, 'setting')) {
    if (c.kind === 'qa' && c.order === 0 && c.answer === 'yes') {
      const q = ASKS_SETTING.exec(c.prompt);
      if (q && !/\baffiliat/.test(c.prompt)) return found(ctx, c, q[1] === 'community' ? 'community' : 'university');
    }
    if (c.kind === 'label-value' && SETTING_LABEL.test(c.prompt)) {
      const v = normaliseSetting(c.text);
      if (v) return found(ctx, c, v);
      continue;
    }
    // The same row written as a line of text: "Program type: Community-based".
    const row = rowAsLine(c.norm);
    if (row && SETTING_LABEL.test(row.label)) {
      const v = normaliseSetting(row.value);
      if (v) return found(ctx, c, v);
    }
    if (!/\bcommunity|\buniversity|\bacademic/.test(c.norm)) continue;
    // Under "Community Rotation Sites", "X is a 140-bed community hospital" describes a site.
    if (SITE_SECTION.test(c.section) && !OWN_PROGRAM.test(c.norm)) continue;
    let t = c.kind === 'heading' ? c.norm : normalize(c.text.replace(NAME, (n) => (/University/.test(n) ? 'university-name' : 'community-name')));
    if (NOT_SETTING.test(t)) continue;
    // The words before a rotation site still describe the program: "a university hospital program
    // with residents rotating through … two community hospitals".
    const site = ROTATION_WORDS.test(t) ? ROTATION.exec(t) : null;
    if (site) t = t.slice(0, site.index);
    if (AFFILIATED.test(t)) return found(ctx, c, 'community-university-affiliated');
    if (COMMUNITY.test(t)) return found(ctx, c, 'community');
    if (UNIVERSITY.test(t)) return found(ctx, c, 'university');
  }
  return null;
}
