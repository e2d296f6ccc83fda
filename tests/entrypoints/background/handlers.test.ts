import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { handleMessage, type Deps } from '../../../entrypoints/background/handlers';
import type { Fit } from '../../../lib/core/schema/fit';
import type { Profile } from '../../../lib/core/schema/profile';
import type { Program } from '../../../lib/core/schema/program';
import type { Signals } from '../../../lib/core/schema/signals';
import { emptySignals } from '../../../lib/core/signals/empty';
import { memoryRepo } from '../../fixtures/memory-repo';

// The background's message API, driven with an in-memory repository: parsing, sender rules,
// never throwing, and the save → list → evaluate flow.


const stubFit = (_p: Profile, s: Signals): Fit => ({
  tier: s.visaJ1?.value === 'no' ? 'ineligible' : 'realistic',
  score: 60, confidence: 0.5, dealbreakers: [], reasons: [], verify: [], usedOutcomes: false, known: 1, total: 11,
});

function setup() {
  const repo = memoryRepo();
  const changes: string[] = [];
  const deps: Deps = { repo, fit: stubFit, now: () => new Date('2026-11-25T10:00:00Z'), notify: (c) => changes.push(c.type) };
  return { repo, deps, changes };
}

const profile: Profile = {
  step1: { result: 'pass', score: null, attempts: 1 },
  step2ck: { score: 232, attempts: 1 },
  step3: { passed: false },
  graduationYear: 2023,
  visa: 'j1',
  usce: { months: 6, handsOn: true },
  specialties: ['internal-medicine'],
  states: [],
  ecfmgCertified: false,
  usResidencyMonths: 0,
};

const signals = (): Signals => ({
  ...emptySignals(true),
  specialty: { value: 'internal-medicine', strength: 'required', evidence: { pageUrl: 'https://www.example-hospital.org/im/faq', quote: 'Internal Medicine Residency', blockIndex: 0 } },
});
const page = { url: 'https://www.example-hospital.org/im/faq', title: 'FAQ | Internal Medicine Residency | Example Hospital' };

describe('message parsing and sender rules', () => {
  test.each([
    ['not an object', 42],
    ['null', null],
    ['no type', {}],
    ['unknown type', { type: 'tabs/close' }],
    ['missing profile', { type: 'profile/set' }],
    ['bad profile field', { type: 'profile/set', profile: { ...profile, step2ck: { score: 999, attempts: 1 } } }],
    ['bad url', { type: 'program/save', page: { url: 'not a url', title: 'x' }, signals: signals() }],
  ])('%s → { ok: false }', async (_name, raw) => {
    const { deps } = setup();
    const reply = await handleMessage(raw, 'extension-page', deps);
    expect(reply.ok).toBe(false);
  });

  test('a bad profile is refused with the field named', async () => {
    const { deps } = setup();
    const reply = await handleMessage({ type: 'profile/set', profile: { ...profile, step2ck: { score: 999, attempts: 1 } } }, 'extension-page', deps);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('step2ck.score') });
  });

  test.each(['profile/get', 'list/get', 'backup/export', 'data/delete-all'])('%s is refused from a web page', async (type) => {
    const { deps } = setup();
    expect(await handleMessage({ type }, 'content-script', deps)).toEqual({ ok: false, error: `${type} is not allowed from a web page` });
  });

  test('messages from outside the extension are refused', async () => {
    const { deps } = setup();
    expect((await handleMessage({ type: 'profile/get' }, 'foreign', deps)).ok).toBe(false);
  });

  test('content scripts may evaluate, save and remove', async () => {
    const { deps } = setup();
    expect((await handleMessage({ type: 'page/evaluate', page, signals: signals() }, 'content-script', deps)).ok).toBe(true);
    const saved = await handleMessage({ type: 'program/save', page, signals: signals() }, 'content-script', deps);
    expect(saved.ok).toBe(true);
    const id = (saved as { data: { program: Program } }).data.program.id;
    expect(await handleMessage({ type: 'program/remove', id }, 'content-script', deps)).toEqual({ ok: true, data: { removed: true } });
  });

  test('never throws, whatever arrives', async () => {
    const { deps } = setup();
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.constantFrom('extension-page', 'content-script', 'foreign' as const), async (raw, who) => {
        const reply = await handleMessage(raw, who, deps);
        expect(typeof reply.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('flows', () => {
  test('profile set then get; each change is announced', async () => {
    const { deps, changes } = setup();
    expect(await handleMessage({ type: 'profile/get' }, 'extension-page', deps)).toEqual({ ok: true, data: null });
    expect((await handleMessage({ type: 'profile/set', profile }, 'extension-page', deps)).ok).toBe(true);
    expect(await handleMessage({ type: 'profile/get' }, 'extension-page', deps)).toEqual({ ok: true, data: profile });
    expect(changes).toEqual(['profile/set']);
  });

  test('without a profile the fit is unknown', async () => {
    const { deps } = setup();
    const r = await handleMessage({ type: 'page/evaluate', page, signals: signals() }, 'content-script', deps);
    expect(r).toMatchObject({ ok: true, data: { profileSet: false, fit: { tier: 'unknown', score: null }, saved: null } });
  });

  test('save → evaluate says saved → list shows it → update → remove', async () => {
    const { deps, repo, changes } = setup();
    await handleMessage({ type: 'profile/set', profile }, 'extension-page', deps);
    const saved = await handleMessage({ type: 'program/save', page, signals: signals() }, 'content-script', deps);
    expect(saved).toMatchObject({ ok: true, data: { program: { id: 'site:example-hospital.org|internal-medicine', name: 'Example Hospital — Internal Medicine Residency' }, tier: 'realistic' } });
    expect(repo.pages.get(page.url)?.programId).toBe('site:example-hospital.org|internal-medicine');

    const ev = await handleMessage({ type: 'page/evaluate', page, signals: signals() }, 'content-script', deps);
    expect(ev).toMatchObject({ ok: true, data: { saved: { id: 'site:example-hospital.org|internal-medicine', tier: 'realistic' } } });

    const upd = await handleMessage({ type: 'program/update', id: 'site:example-hospital.org|internal-medicine', patch: { tierOverride: 'safety', notes: 'Ask about H-1B' } }, 'extension-page', deps);
    expect(upd).toMatchObject({ ok: true, data: { tierOverride: 'safety', notes: 'Ask about H-1B' } });

    const list = await handleMessage({ type: 'list/get' }, 'extension-page', deps);
    expect(list).toMatchObject({ ok: true, data: { profileSet: true, programs: [{ tier: 'safety', fit: { tier: 'realistic' } }] } });

    expect(await handleMessage({ type: 'program/remove', id: 'site:example-hospital.org|internal-medicine' }, 'content-script', deps)).toEqual({ ok: true, data: { removed: true } });
    expect(changes).toEqual(['profile/set', 'program/save', 'program/update', 'program/remove']);
  });

  test('saving a second page of the same program merges, a stated value beats silence', async () => {
    const { deps, repo } = setup();
    await handleMessage({ type: 'program/save', page, signals: signals() }, 'content-script', deps);
    const faq = { url: 'https://www.example-hospital.org/im/img', title: 'IMGs | Internal Medicine Residency | Example Hospital' };
    const more: Signals = { ...signals(), visaJ1: { value: 'yes', strength: 'required', evidence: { pageUrl: faq.url, quote: 'We sponsor J-1 visas.', blockIndex: 2 } } };
    await handleMessage({ type: 'program/save', page: faq, signals: more }, 'content-script', deps);
    const [only] = [...repo.programs.values()];
    expect(repo.programs.size).toBe(1);
    expect(only!.urls).toEqual([faq.url, page.url]);
    expect(only!.signals.visaJ1?.value).toBe('yes');
    // A later page silent on visas keeps what was stated.
    await handleMessage({ type: 'program/save', page, signals: signals() }, 'content-script', deps);
    expect([...repo.programs.values()][0]!.signals.visaJ1?.value).toBe('yes');
  });

  test('two pages that disagree are both kept, side by side, and reported with the saved program', async () => {
    const { deps, repo } = setup();
    const faq = { url: 'https://www.example-hospital.org/im/faq2', title: 'FAQ | Internal Medicine Residency | Example Hospital' };
    const says = (url: string, value: 'no' | 'conditional', quote: string): Signals => ({
      ...signals(),
      visaH1b: { value, strength: 'required', evidence: { pageUrl: url, quote, blockIndex: 3 } },
    });
    await handleMessage({ type: 'program/save', page, signals: says(page.url, 'no', 'H-1B visa: No') }, 'content-script', deps);
    const second = await handleMessage({ type: 'program/save', page: faq, signals: says(faq.url, 'conditional', 'H-1B case by case.') }, 'content-script', deps);
    expect(second).toMatchObject({ ok: true, data: { conflicts: [{ field: 'visaH1b' }] } });
    const [only] = [...repo.programs.values()];
    expect(only!.conflicts).toEqual([
      { field: 'H-1B visa', values: [{ text: 'conditional', pageUrl: faq.url }, { text: 'no', pageUrl: page.url }] },
    ]);
    const ev = await handleMessage({ type: 'page/evaluate', page, signals: signals() }, 'content-script', deps);
    expect(ev).toMatchObject({ ok: true, data: { saved: { conflicts: [{ field: 'H-1B visa' }] } } });
  });

  test('the user links two saved entries into one program', async () => {
    const { deps, repo } = setup();
    const other = { url: 'https://medicine.example-university.edu/im/apply', title: 'Apply | Internal Medicine Residency | Example University' };
    const a = (await handleMessage({ type: 'program/save', page, signals: signals() }, 'content-script', deps)) as { ok: true; data: { program: Program } };
    const withVisa: Signals = { ...signals(), visaJ1: { value: 'yes', strength: 'required', evidence: { pageUrl: other.url, quote: 'J-1 only.', blockIndex: 1 } } };
    const b = (await handleMessage({ type: 'program/save', page: other, signals: withVisa }, 'content-script', deps)) as { ok: true; data: { program: Program } };
    expect(repo.programs.size).toBe(2);
    const linked = await handleMessage({ type: 'program/link', from: b.data.program.id, into: a.data.program.id }, 'extension-page', deps);
    expect(linked).toMatchObject({ ok: true, data: { id: a.data.program.id, urls: [page.url, other.url] } });
    expect(repo.programs.size).toBe(1);
    expect([...repo.programs.values()][0]!.signals.visaJ1?.value).toBe('yes');
    expect(await handleMessage({ type: 'program/link', from: a.data.program.id, into: a.data.program.id }, 'extension-page', deps)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'program/link', from: a.data.program.id, into: 'x' }, 'content-script', deps)).toMatchObject({ ok: false, error: 'program/link is not allowed from a web page' });
  });

  test('updating a program that is not saved is an error, not a crash', async () => {
    const { deps } = setup();
    expect(await handleMessage({ type: 'program/update', id: 'nope', patch: { notes: 'x' } }, 'extension-page', deps)).toEqual({ ok: false, error: 'no saved program nope' });
  });
});
