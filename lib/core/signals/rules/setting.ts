import type { ProgramType } from '../../schema/signals';
import { contentClauses, found, type Found, type RuleContext } from '../rule-kit';

// Community vs university setting, only from explicit words about the program or its hospital
// ("our community teaching hospital", "a community-based, university-affiliated hospital",
// "a university-based residency"), never from an institution's name ("Shore Point University
// Medical Center") or from rotations ("community-based psychiatric experiences").

const PLACE = String.raw`(?:teaching )?(?:hospital|program|programme|residency|institution|medical center|health system|training program|setting)`;
const AFFILIATED = new RegExp(
  String.raw`\bcommunity[- ]based,? (?:and )?university[- ]affiliated\b|\buniversity[- ]affiliated,? community\b|\bcommunity (?:hospital|program|residency)[^.;]{0,30}\baffiliated with (?:the |an? )?[^.;]{0,40}\buniversity\b|\bcommunity[- ]based university[- ]affiliated\b`,
);
const COMMUNITY = new RegExp(String.raw`\bcommunity[- ]based ${PLACE}\b|\b(?:our|a|an|this) (?:busy |large |small |\d+-bed )?community(?:[- ]based)? ${PLACE}\b|\bcommunity[- ]based\b(?=,? (?:internal|family|pediatric|psychiatry|general)\b)`);
const UNIVERSITY = new RegExp(String.raw`\buniversity[- ]based ${PLACE}?|\b(?:our|a|an|this) (?:university|academic) (?:hospital )?(?:program|residency)\b|\bacademic medical center\b(?=[^.;]{0,30}\b(?:our|program|residency)\b)|\buniversity[- ]based\b`);

export function readSetting(ctx: RuleContext): Found<ProgramType> | null {
  for (const c of contentClauses(ctx)) {
    const t = c.norm;
    if (!/\bcommunity|\buniversity|\bacademic/.test(t)) continue;
    if (AFFILIATED.test(t)) return found(ctx, c, 'community-university-affiliated');
    if (COMMUNITY.test(t)) return found(ctx, c, 'community');
    if (UNIVERSITY.test(t)) return found(ctx, c, 'university');
  }
  return null;
}
