import type { Tier } from '../../lib/core/schema/fit';
import type { ListData } from './types';

// After a profile save (UX.md "Profile editor"): "Re-scored 42 programs: 3 moved up, 1 is now
// blocked". Compares the tiers the list showed before the save with the tiers after it.

const RANK: Record<Tier, number | null> = { ineligible: 0, reach: 1, realistic: 2, safety: 3, unknown: null };

export function rescoreNote(before: ListData | null, after: ListData): string {
  const n = after.programs.length;
  if (n === 0) return '';
  const was = new Map((before?.programs ?? []).map((p) => [p.program.id, p.tier]));
  let up = 0;
  let down = 0;
  let blocked = 0;
  for (const { program, tier } of after.programs) {
    const old = was.get(program.id);
    if (old === undefined || old === tier) continue;
    if (tier === 'ineligible') blocked++;
    const a = RANK[old];
    const b = RANK[tier];
    if (a === null || b === null) continue;
    if (b > a) up++;
    else if (b < a && tier !== 'ineligible') down++;
  }
  const changes = [
    up ? `${up} moved up` : '',
    down ? `${down} moved down` : '',
    blocked ? `${blocked} ${blocked === 1 ? 'is' : 'are'} now blocked` : '',
  ].filter(Boolean);
  const head = `Re-scored ${n} program${n === 1 ? '' : 's'}`;
  return changes.length ? `${head}: ${changes.join(', ')}.` : `${head}: no tier changed.`;
}
