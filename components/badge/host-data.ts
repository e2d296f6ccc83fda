import type { Tier } from '../../lib/core/schema/fit';
import type { BadgeProps } from './types';

// What the mount writes on <smartpick-badge> as data-tier / data-state (DESIGN.md "In-page and
// popup UI"), derived the same way the pill decides what to show. fit() never answers
// 'unknown'; it is the word for "no profile yet" or "nothing read".

export function hostData({ state, profileSet, fit }: Pick<BadgeProps, 'state' | 'profileSet' | 'fit'>): {
  tier: Tier;
  state: BadgeProps['state'];
} {
  return { tier: profileSet && fit ? fit.tier : 'unknown', state };
}
