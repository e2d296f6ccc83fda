import { expect, test } from 'vitest';
import { rescoreNote } from '../../../components/popup/rescore';
import type { ListData } from '../../../components/popup/types';
import type { Tier } from '../../../lib/core/schema/fit';
import { row } from './fake-actions';

const list = (...tiers: Tier[]): ListData => ({ profileSet: true, programs: tiers.map((t, i) => row(i, t)), skipped: [] });

test.each([
  [list('reach', 'realistic', 'safety'), list('realistic', 'realistic', 'ineligible'), 'Re-scored 3 programs: 1 moved up, 1 is now blocked.'],
  [list('reach', 'safety'), list('reach', 'safety'), 'Re-scored 2 programs: no tier changed.'],
  [list('safety', 'safety'), list('realistic', 'reach'), 'Re-scored 2 programs: 2 moved down.'],
  [list('unknown'), list('reach'), 'Re-scored 1 program: no tier changed.'],
  [list('reach', 'reach'), list('ineligible', 'ineligible'), 'Re-scored 2 programs: 2 are now blocked.'],
  [null, list('reach'), 'Re-scored 1 program: no tier changed.'],
  [list(), list(), ''],
])('%#', (before, after, note) => expect(rescoreNote(before, after)).toBe(note));
