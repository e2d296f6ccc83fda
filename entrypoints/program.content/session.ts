import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BadgeActions, BadgeProps, Corner } from '@/components/badge/types';
import { freidaProgramId } from '@/lib/core/freida-url';
import type { PageText } from '@/lib/core/page-text';
import { programName } from '@/lib/core/list/program-from-page';
import type { Fit, ListTier, Tier } from '@/lib/core/schema/fit';
import { CHANGED_NOTICE } from '@/lib/core/schema/message-rules';
import type { Signals } from '@/lib/core/schema/signals';
import { precheck } from '@/lib/core/signals/precheck';
import { clearQuote, showQuote } from '@/lib/platform/highlight';
import { send } from '@/lib/platform/messaging';
import { readPageText, readPrecheckInput } from '@/lib/platform/page-text';
import { readNote, readingNote } from '@/lib/core/site/pages';
import { readSite, type SiteProgress } from '@/lib/platform/site-reader';
import { waitForContent } from '@/lib/platform/wait-for-content';
import { mountBadge, type BadgeHandle } from './mount-badge';

// One page's life in the content script: pre-check → wait for the content → read → ask the
// background for the fit → badge. Re-runs on client-side route changes and when the profile or
// list changes. Pages that are not program pages get nothing: no badge, no DOM writes.
//
// On a program website (not FREIDA, which has one page per program) the first badge is followed by
// site reading (lib/platform/site-reader.ts): the program's FAQ, eligibility and IMG pages are read
// one at a time and merged into the open page's signals, the badge staying 'ready' with the fit it
// has ("Reading 3 more pages…" in its panel) and updating as each page adds facts.

export type SessionMode = 'freida' | 'site';

interface Evaluation {
  profileSet: boolean;
  signals: Signals;
  fit: Fit;
  saved: { id: string; tier: Tier; conflicts?: { field: string; values: { text: string; pageUrl: string }[] }[] } | null;
  /** Site reading: the other pages whose facts were merged in, and where pages disagree. */
  site?: { pages: { url: string; label: string }[]; conflicts: { field: string; a: string; b: string }[] };
}

const CORNER_KEY = 'smartpick.corners';

/** "obstetrics-and-gynecology" → "Obstetrics and Gynecology" (the slug tables stay in the background). */
function displaySpecialty(slug: string | null): string | null {
  if (!slug) return null;
  return slug.split('-').map((w) => (w === 'and' ? w : w.charAt(0).toUpperCase() + w.slice(1))).join(' ');
}

export function startSession(ctx: ContentScriptContext, mode: SessionMode): void {
  let badge: BadgeHandle | null = null;
  let mounting: Promise<BadgeHandle> | null = null;
  let run = 0;
  let page: PageText | null = null;
  let signals: Signals | null = null;
  let name = '';
  let corner: Corner = 'bottom-right';
  let dismissedUrl: string | null = null;
  let props: BadgeProps | null = null;
  let abort: AbortController | null = null;
  /** The open page's own signals; `signals` is these merged (by the background) with the program's other pages. */
  let own: Signals | null = null;
  /** Site reading so far: what was read, and whether it is over. */
  let site: (SiteProgress & { final: boolean }) | null = null;

  const cornerLoaded = browser.storage.local
    .get(CORNER_KEY)
    .then((v) => {
      const all = (v?.[CORNER_KEY] ?? {}) as Record<string, Corner>;
      corner = all[location.hostname] ?? corner;
    })
    .catch(() => {});

  const render = async (next: Omit<BadgeProps, 'actions' | 'corner'>) => {
    if (!ctx.isValid || dismissedUrl === location.href) return;
    props = { ...next, corner, actions };
    if (badge) return badge.update(props);
    mounting ??= mountBadge(ctx, props);
    badge = await mounting;
    badge.update(props);
  };
  const unmount = () => {
    badge?.remove();
    badge = null;
    mounting = null;
    props = null;
  };

  const programInfo = (): BadgeProps['program'] => ({
    name,
    specialty: displaySpecialty(signals?.specialty?.value ?? null),
    state: signals?.state?.value ?? null,
  });

  /** The program's other pages read so far, as page/evaluate and program/save take them (merged by the background). */
  const sitePages = () => (site?.pages.length ? { pages: site.pages.map((p) => ({ url: p.url, title: p.title.slice(0, 1000), signals: p.signals })) } : {});

  /** Ask the background: the page's text the first time (it reads the signals), the signals after. */
  async function evaluate(text?: PageText): Promise<Evaluation | null> {
    if (!page) return null;
    const ref = { url: page.url, title: page.title, name };
    const pages = sitePages();
    const reply = await send<Evaluation>(text ? { type: 'page/evaluate', page: ref, text } : { type: 'page/evaluate', page: ref, signals: own ?? signals!, ...pages });
    if (!reply.ok) {
      await render({ state: 'error', profileSet: true, program: programInfo(), fit: null, saved: null });
      return null;
    }
    signals = reply.data.signals;
    if (text) own = signals;
    if (!signals.isProgramPage) {
      unmount();
      return reply.data;
    }
    const { profileSet, fit, saved } = reply.data;
    // Pages of this program that disagree (saved from another page): shown side by side.
    const conflicts = (saved?.conflicts ?? []).map((c) => ({ field: c.field, a: c.values[0]!.text, b: c.values[1]!.text }));
    // …and those found while reading this program's other pages, named by page.
    const siteConflicts = reply.data.site?.conflicts ?? [];
    const all = [...siteConflicts, ...conflicts.filter((c) => !siteConflicts.some((s) => s.field === c.field))];
    const labels = reply.data.site?.pages.map((p) => p.label) ?? [];
    const pagesNote = site && (site.final ? readNote(labels, site.failed) : readingNote(site.pending));
    await render({ state: 'ready', profileSet, program: programInfo(), fit, saved: saved ? { tier: saved.tier } : null, conflicts: all, ...(pagesNote ? { pagesNote } : {}) });
    return reply.data;
  }

  let firstCheck = true;

  async function check(url: string): Promise<void> {
    const t0 = performance.now();
    // A timing entry (no DOM change) so the benchmark can see what a check costs on any page.
    const done = (what: string) => void performance.measure(`smartpick:${what}`, { start: t0 });
    const initial = firstCheck;
    firstCheck = false;
    const mine = ++run;
    abort?.abort();
    abort = new AbortController();
    clearQuote();
    if (mode === 'freida' && !freidaProgramId(url)) return void (unmount(), done('not-program'));
    // Site pages: only the cheap pre-check here; nothing is shown until the page proves to be a program page.
    if (mode === 'site' && !precheck(readPrecheckInput(document, url))) return void (unmount(), done('precheck-rejected'));
    if (dismissedUrl !== url) dismissedUrl = null;
    await cornerLoaded;
    if (mode === 'freida') await render({ state: 'reading', profileSet: true, program: { name: '', specialty: null, state: null }, fit: null, saved: null });

    const ready = () => {
      const h1 = document.querySelector('h1');
      return !!h1 && (h1.textContent ?? '').trim().length > 0 && (document.body?.textContent ?? '').length > 300;
    };
    // A first load that is already rendered is read at once; after a client-side route the SPA is
    // still swapping content, so wait until it has been quiet for a moment.
    const how = await waitForContent(document, ready, { signal: abort.signal, quietMs: mode === 'freida' ? 250 : 50, timeoutMs: 8000, immediate: initial });
    if (how === 'aborted' || mine !== run) return;
    try {
      page = readPageText(document, url);
    } catch {
      page = null;
      if (mode === 'freida') return void render({ state: 'error', profileSet: true, program: programInfo(), fit: null, saved: null });
      return unmount();
    }
    signals = null;
    own = null;
    site = null;
    const h1 = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
    name = mode === 'freida' && h1 ? h1 : programName(page.title || h1 || url);
    if (mine !== run) return;
    const result = await evaluate(page);
    done(result?.signals.isProgramPage ? 'badge' : 'not-program');
    if (mode === 'site' && result?.signals.isProgramPage && mine === run) await readProgramSite(mine, abort.signal);
  }

  /** Reads the program's other pages, merging each into the badge as it comes (see the top). */
  async function readProgramSite(mine: number, signal: AbortSignal): Promise<void> {
    if (!page || !own) return;
    let updates = Promise.resolve();
    // One update at a time, in order, so a slow answer never overwrites a later one.
    const apply = (p: SiteProgress, final: boolean) =>
      (updates = updates.then(async () => {
        if (mine !== run) return;
        site = { ...p, final };
        await evaluate();
      }));
    const result = await readSite({ url: page.url, doc: document, signals: own }, send, (p) => void apply(p, false), signal);
    // Nothing to read (no applicant links, reading off, no access): the badge stays as it was.
    if (result && (result.pages.length > 0 || result.failed > 0)) await apply(result, true);
    else await updates;
    // A timing entry (no DOM change) for the benchmark: when the badge took its final form.
    if (mine === run) performance.mark('smartpick:site-read');
  }

  const saveWith = async (tierOverride?: ListTier) => {
    if (!page || !signals || !props) return;
    await render({ ...props, busy: true });
    // With site reading: the page's own signals and its other pages', merged by the background the same way.
    await send({ type: 'program/save', page: { url: page.url, title: page.title, name }, signals: own ?? signals, ...sitePages(), ...(tierOverride ? { tierOverride } : {}) });
    await evaluate();
  };

  const actions: BadgeActions = {
    add: () => void saveWith(),
    setTier: (t) => void saveWith(t),
    remove: () => {
      void (async () => {
        if (!page || !signals || !props) return;
        const current = await evaluate();
        if (current?.saved) {
          await render({ ...props, busy: true });
          await send({ type: 'program/remove', id: current.saved.id });
        }
        await evaluate();
      })();
    },
    openList: () => void send({ type: 'ui/open', view: 'list' }),
    openProfile: () => void send({ type: 'ui/open', view: 'profile' }),
    showEvidence: (e) => {
      const here = location.href.split('#')[0];
      if (e.pageUrl.split('#')[0] !== here) return void window.open(e.pageUrl, '_blank', 'noopener');
      showQuote(document, e.context && e.quote.length < 12 ? e.context : e.quote, page?.blocks[e.blockIndex]);
    },
    clearHighlight: () => clearQuote(),
    retry: () => void check(location.href),
    dismiss: () => {
      dismissedUrl = location.href;
      clearQuote();
      unmount();
    },
    moveTo: (c) => {
      corner = c;
      if (props) void render(props);
      void browser.storage.local
        .get(CORNER_KEY)
        .then((v) => browser.storage.local.set({ [CORNER_KEY]: { ...((v?.[CORNER_KEY] ?? {}) as object), [location.hostname]: c } }))
        .catch(() => {});
    },
  };

  // The profile or the list changed elsewhere: ask again (no need to re-read the page).
  const onMessage = (msg: unknown) => {
    if (msg && typeof msg === 'object' && (msg as { type?: unknown }).type === CHANGED_NOTICE && badge && signals?.isProgramPage) void evaluate();
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  // Client-side navigation (FREIDA: search list → program, program → program).
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => void check(newUrl.href));
  void check(location.href);
}
