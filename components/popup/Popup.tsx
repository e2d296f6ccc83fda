import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DIGEST_ROWS } from '../../lib/core/list/digest';
import type { Profile } from '../../lib/core/schema/profile';
import { AddProgram } from './AddProgram';
import { AutoCheck } from './AutoCheck';
import { CheckPage } from './CheckPage';
import { Coach } from './Coach';
import { FreshnessLine, RecheckAll } from './Freshness';
import { ImportExport } from './ImportExport';
import { LinkControl } from './LinkControl';
import { ReadSite } from './ReadSite';
import { Settings } from './Settings';
import { Warnings } from './Warnings';
import { ProfileEditor } from './ProfileEditor';
import { EmptyGuide, ProgramList } from './ProgramList';
import { rescoreNote } from './rescore';
import type { ListData, ListedProgram, PopupActions, ProgramPatch, View } from './types';
import { Welcome } from './Welcome';
import { DISCLAIMER, W, summaryLine } from './words';

export type { ListData, ListedProgram, PopupActions, ProgramPatch, View } from './types';

// The toolbar popup and the same views as full pages (popup.html#list, #profile, #welcome): props
// in, intent out through the injected actions (HOUSE_STYLE habit 12). Data comes from the
// background; the list refreshes whenever the background announces a change.

export interface PopupProps {
  view: View;
  actions: PopupActions;
  navigate(view: View): void;
  /** Opened as a page in a tab rather than as the toolbar popup: no "Check this page" there. */
  inTab?: boolean;
}

/** Rows per tier in the toolbar popup (the list digest keeps that many); the full list shows them all. */
export const POPUP_ROWS = DIGEST_ROWS;

const NONE: readonly ListedProgram[] = [];

const TITLE: Record<View, string> = {
  home: W.brand,
  list: 'Your programs',
  profile: 'Your profile',
  welcome: 'Welcome to SmartPick',
};

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

type Notice = { kind: 'ok' | 'error'; text: string } | null;

export function Popup({ view, actions, navigate, inTab = false }: PopupProps) {
  const [loaded, setList] = useState<ListData | null>(null);
  // The quick list (some rows, all the counts) serves the first screen only; other views wait for
  // the whole list, read as soon as they open.
  const list = loaded && (view === 'home' || !loaded.partial) ? loaded : null;
  /** undefined until loaded; null: no profile yet. */
  const [profile, setProfile] = useState<Profile | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [autoCheck, setAutoCheck] = useState<boolean | null>(null);
  const [readSite, setReadSite] = useState<boolean | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const listRef = useRef<ListData | null>(null);
  const seq = useRef(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstView = useRef(true);
  /** The coach's "show these programs" filter on the list. */
  const [focus, setFocus] = useState<{ ids: string[]; label: string } | null>(null);
  const now = useMemo(() => new Date(), [list]);

  // The toolbar popup's first screen reads the quick list (the digest: counts and the recent rows
  // per tier); every other view, and anything that compares lists, reads the whole list.
  const viewRef = useRef(view);
  viewRef.current = view;
  const reload = useCallback(async (): Promise<ListData | null> => {
    const n = ++seq.current;
    try {
      // The popup's own read brings the profile along; otherwise ask for it beside the list.
      const quick = viewRef.current === 'home' && actions.getQuickList ? actions.getQuickList() : actions.getList();
      // The view left the first screen while the quick list was read: read the whole list too.
      const listed = quick.then((l) => (l.partial && viewRef.current !== 'home' ? actions.getList() : l));
      const [l, p] = await Promise.all([listed, listed.then((l) => (l.profile !== undefined ? l.profile : actions.getProfile()))]);
      // A later reload started meanwhile: its answer is the fresher one.
      if (n === seq.current) {
        listRef.current = l;
        setList(l);
        setProfile(p);
        setLoadError(null);
      }
      return l;
    } catch (e) {
      if (n === seq.current) setLoadError(message(e));
      return null;
    }
  }, [actions]);

  useEffect(() => {
    void reload();
    actions.getAutoCheck().then(setAutoCheck, () => setAutoCheck(false));
    actions.getReadSite().then(setReadSite, () => setReadSite(true));
    return actions.onChange(() => void reload());
  }, [actions, reload]);

  // Leaving the first screen for a view that needs every program: read the whole list.
  useEffect(() => {
    if (view !== 'home' && listRef.current?.partial) void reload();
  }, [view, reload]);

  // A view change inside the popup moves focus to the new heading, so it is announced.
  useEffect(() => {
    if (firstView.current) {
      firstView.current = false;
      return;
    }
    setNotice(null);
    headingRef.current?.focus();
  }, [view]);

  const go = (v: View) => (e?: Event) => {
    e?.preventDefault();
    navigate(v);
  };

  const saveProfile = async (p: Profile): Promise<string> => {
    // What changed is counted over the whole list: a quick list (some rows) is not enough.
    const before = listRef.current?.partial ? await actions.getList().catch(() => null) : listRef.current;
    await actions.saveProfile(p);
    setProfile(p);
    const after = await reload();
    return after ? rescoreNote(before, after) : '';
  };

  // The list shows the change at once and reverts a row whose save fails; fresh data comes with
  // the background's change notice.
  const update = useCallback((i: ListedProgram, p: ProgramPatch) => actions.updateProgram(i.program.id, p), [actions]);
  const remove = useCallback((i: ListedProgram) => actions.removeProgram(i.program.id), [actions]);

  const recheck = useCallback(
    (ids: string[]) => {
      const urls = (listRef.current?.programs ?? []).filter((p) => ids.includes(p.program.id)).map((p) => p.program.urls[0]!);
      actions.recheck(urls).then(
        (n) => setNotice({ kind: 'ok', text: n < urls.length ? `Opened ${n} of ${urls.length} pages to read again; press Re-check for the next ones.` : `Opened ${n} ${n === 1 ? 'page' : 'pages'} to read again.` }),
        (e: unknown) => setNotice({ kind: 'error', text: `Couldn’t re-check: ${message(e)}` }),
      );
    },
    [actions],
  );
  const link = useCallback((from: string, into: string) => actions.linkPrograms(from, into), [actions]);
  // Link candidates per specialty, grouped once per list (not filtered again for every row).
  const bySpecialty = useMemo(() => {
    const m = new Map<string | null, ListedProgram[]>();
    for (const p of list?.programs ?? []) {
      const group = m.get(p.program.specialty);
      if (group) group.push(p);
      else m.set(p.program.specialty, [p]);
    }
    return m;
  }, [list]);
  const renderExtra = useCallback(
    (i: ListedProgram) => (
      <>
        <FreshnessLine program={i.program} now={now} onRecheck={(id) => recheck([id])} />
        {/* Same specialty only: a program's FREIDA page and its own site name one specialty. */}
        <LinkControl
          item={i}
          others={bySpecialty.get(i.program.specialty) ?? NONE}
          onLink={link}
        />
      </>
    ),
    [now, recheck, link, bySpecialty],
  );

  // Called straight from the checkbox's change event: the permission prompt needs that gesture.
  const toggleAuto = (on: boolean) =>
    actions.setAutoCheck(on).then((now) => {
      setAutoCheck(now);
      return now;
    });

  const summary =
    profile === undefined ? null : (
      <p class="sp-summary">
        {profile ? (
          <>
            <span class="sp-summary-text">{summaryLine(profile)}</span>
            <a href="#profile" onClick={go('profile')}>
              {W.editProfile}
            </a>
          </>
        ) : (
          <a href="#profile" onClick={go('profile')} class="sp-setup">
            {W.setup}
          </a>
        )}
      </p>
    );

  const failed = loadError && (
    <p class="sp-error" role="alert">
      {`Couldn’t load your SmartPick data: ${loadError}. `}
      <button type="button" class="sp-link" onClick={() => void reload()}>
        Try again
      </button>
    </p>
  );

  const auto = <AutoCheck on={autoCheck} onToggle={toggleAuto} />;
  const hasPrograms = list ? (list.partial ? list.partial.total : list.programs.length) > 0 : false;
  const skipped = list ? (list.partial ? list.partial.skipped : list.skipped.length) : 0;

  const listBody = (limit: number | undefined) => {
    if (!list) return loadError ? null : <p class="sp-muted">{W.loading}</p>;
    if (!hasPrograms) return <EmptyGuide profileSet={list.profileSet} onSetUp={go('profile')} />;
    return (
      <>
        {!list.profileSet && <p class="sp-note">Set up your profile to score these programs.</p>}
        <ProgramList
          programs={list.programs}
          totals={list.partial?.counts}
          limit={limit}
          onRemove={remove}
          onUpdate={update}
          visaNeed={profile?.visa ?? null}
          renderExtra={limit === undefined ? renderExtra : undefined}
          focusIds={focus?.ids}
          focusLabel={focus?.label}
          onClearFocus={() => setFocus(null)}
        />
        {skipped > 0 && <p class="sp-muted">{`${skipped} saved ${skipped === 1 ? 'entry' : 'entries'} could not be read and ${skipped === 1 ? 'is' : 'are'} not shown.`}</p>}
      </>
    );
  };

  const noticeLine = notice && (
    <p class={notice.kind === 'error' ? 'sp-error' : 'sp-status-line'} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
    </p>
  );

  let body;
  switch (view) {
    case 'welcome':
      body = <Welcome onSetUp={go('profile')} autoCheck={auto} />;
      break;
    case 'profile':
      body = (
        <>
          <p class="sp-back">
            <a href={inTab ? '#list' : '#'} onClick={go(inTab ? 'list' : 'home')}>
              <span aria-hidden="true">← </span>
              {W.backToList}
            </a>
          </p>
          {failed}
          {profile === undefined ? (
            !loadError && <p class="sp-muted">{W.loading}</p>
          ) : (
            <ProfileEditor initial={profile} onSave={saveProfile} />
          )}
        </>
      );
      break;
    case 'list':
      body = (
        <>
          {summary}
          {failed}
          {noticeLine}
          {list && list.programs.length > 0 && (
            <>
              <Coach items={list.programs} profile={profile ?? null} />
              <Warnings
                items={list.programs}
                profile={profile ?? null}
                onShow={(ids) => setFocus({ ids, label: `Showing the ${ids.length} ${ids.length === 1 ? 'program' : 'programs'} this is about.` })}
              />
              <RecheckAll items={list.programs} now={now} onRecheckAll={recheck} />
            </>
          )}
          {listBody(undefined)}
          <p class="sp-disclaimer">{DISCLAIMER}</p>
          <AddProgram actions={actions} defaultSpecialty={profile?.specialties[0] ?? null} />
          <ImportExport list={list} actions={actions} />
          <Settings actions={actions}>
            {auto}
            <ReadSite on={readSite} onToggle={(on) => actions.setReadSite(on).then(setReadSite)} />
          </Settings>
        </>
      );
      break;
    default:
      body = (
        <>
          {summary}
          {!inTab && <CheckPage onCheck={() => actions.checkThisPage()} />}
          {failed}
          {noticeLine}
          {list && hasPrograms && <Coach items={list.programs} figures={list.partial} profile={profile ?? null} />}
          {listBody(POPUP_ROWS)}
          {hasPrograms && (
            <p class="sp-full">
              <button type="button" class="sp-btn" onClick={() => actions.openInTab('list')}>
                {W.openFullList}
              </button>
            </p>
          )}
          <p class="sp-disclaimer">{DISCLAIMER}</p>
          <div class="sp-sec">{auto}</div>
        </>
      );
  }

  return (
    <div class="sp-app" data-view={view}>
      <header class="sp-top">
        <h1 ref={headingRef} tabIndex={-1}>
          {TITLE[view]}
        </h1>
      </header>
      <main>{body}</main>
    </div>
  );
}
