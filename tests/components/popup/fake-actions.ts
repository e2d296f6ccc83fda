import { vi } from 'vitest';
import type { Fit, Tier } from '../../../lib/core/schema/fit';
import type { Profile } from '../../../lib/core/schema/profile';
import type { ListData, ListedProgram, PopupActions } from '../../../components/popup/types';
import { makeProgram } from '../../fixtures/programs';
import { EXAMPLE_PROFILE } from '../../fixtures/profiles';

// A fake of the popup's injected actions (HOUSE_STYLE habit 12), with a helper to build list rows.

export const PROFILE: Profile = EXAMPLE_PROFILE;

export function fitOf(tier: Tier, score: number | null = 60): Fit {
  return {
    tier, score, confidence: 0.8, dealbreakers: [], reasons: [], verify: [], usedOutcomes: false, known: 8, total: 12,
  };
}

export function row(i: number, tier: Tier, over: Partial<ListedProgram['program']> = {}, score: number | null = 60): ListedProgram {
  return { program: makeProgram(i, { tierOverride: null, ...over }), fit: fitOf(tier === 'ineligible' ? 'ineligible' : tier, score), tier };
}

export type FakeActions = { [K in keyof PopupActions]: PopupActions[K] & ReturnType<typeof vi.fn> } & { emitChange(): void };

export function fakeActions(list: ListData = { profileSet: true, programs: [], skipped: [] }, profile: Profile | null = PROFILE): FakeActions {
  const listeners = new Set<() => void>();
  const a = {
    getList: vi.fn(async () => list),
    getProfile: vi.fn(async () => profile),
    saveProfile: vi.fn(async () => {}),
    removeProgram: vi.fn(async () => {}),
    updateProgram: vi.fn(async () => {}),
    checkThisPage: vi.fn(async () => {}),
    getAutoCheck: vi.fn(async () => false),
    setAutoCheck: vi.fn(async (on: boolean) => on),
    onChange: vi.fn((cb: () => void) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    }),
    openInTab: vi.fn(),
    exportCsv: vi.fn(async () => {}),
    exportBackup: vi.fn(async () => {}),
    importBackup: vi.fn(async () => ({ added: 0, replaced: 0, kept: 0 })),
    importRows: vi.fn(async () => ({ added: 0, replaced: 0, unchanged: 0 })),
    addProgram: vi.fn(async () => {}),
    deleteAll: vi.fn(async () => {}),
    recheck: vi.fn(async (urls: string[]) => Math.min(urls.length, 5)),
    linkPrograms: vi.fn(async () => {}),
    getReadSite: vi.fn(async () => true),
    setReadSite: vi.fn(async (on: boolean) => on),
    emitChange: () => listeners.forEach((cb) => cb()),
  };
  return a as unknown as FakeActions;
}
