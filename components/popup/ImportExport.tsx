import { useId, useRef, useState } from 'preact/hooks';
import { parseCsv } from '../../lib/core/list/csv';
import { describeImportError, planBackup, planRows, type BackupPlan, type ImportError, type ImportPlan } from '../../lib/core/list/import-plan';
import type { ImportRow } from '../../lib/core/schema/import-row';
import type { ImportSummary, ListData, PopupActions } from './types';

// Export the list (CSV) or everything (backup JSON); import a spreadsheet or a backup. An import is
// read and checked here first and shown as a preview ("3 programs will be added, 2 replaced"); Apply
// sends it to the background, which checks it again and writes all of it or none. Any error in the
// file: every one is listed and Apply stays off.

export interface ImportExportProps {
  /** The saved list as 'list/get' answers it; the preview compares the file with it. Null while loading. */
  list: ListData | null;
  actions: Pick<PopupActions, 'exportCsv' | 'exportBackup' | 'importBackup' | 'importRows'>;
}

type Pending =
  | { kind: 'csv'; file: string; rows: ImportRow[]; plan: ImportPlan }
  | { kind: 'backup'; file: string; text: string; mode: 'merge' | 'replace'; plan: BackupPlan };

type Note = { kind: 'ok' | 'error'; text: string } | null;

/** Files larger than this are not a SmartPick list (a backup of 1,000 programs is a few MB). */
const MAX_BYTES = 25 * 1024 * 1024;
/** Errors listed in full; the rest are counted. */
const SHOWN_ERRORS = 20;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 programs will be added, 2 replaced." / "1 program will be replaced." / "Nothing will change." */
export function previewLine(plan: ImportPlan): string {
  const parts = (
    [
      [plan.add.length, 'added'],
      [plan.replace.length, 'replaced'],
      [plan.remove.length, 'removed'],
    ] as const
  ).filter(([n]) => n > 0);
  let line = parts.length
    ? `${plural(parts[0]![0], 'program')} will be ${parts[0]![1]}${parts
        .slice(1)
        .map(([n, verb]) => `, ${n} ${verb}`)
        .join('')}.`
    : plan.profile === 'keep'
      ? 'Nothing will change: every program in the file is already in your list as it is.'
      : '';
  if (plan.unchanged > 0 && parts.length) line += ` ${plural(plan.unchanged, 'program stays', 'programs stay')} as ${plan.unchanged === 1 ? 'it is' : 'they are'}.`;
  const profile = { keep: '', set: 'Your profile will be set from the file.', replace: 'Your profile will be replaced by the file’s.', remove: 'Your profile will be removed (the file has none).' }[plan.profile];
  return [line, profile].filter(Boolean).join(' ');
}

/** "Imported: 3 programs added, 2 replaced." */
export function doneLine(s: ImportSummary): string {
  const parts = [`${plural(s.added, 'program')} added`, `${s.replaced} replaced`];
  if (s.unchanged) parts.push(`${s.unchanged} unchanged`);
  if (s.kept) parts.push(`${s.kept} kept (your copy was newer)`);
  return `Imported: ${parts.join(', ')}.`;
}

const isBackup = (file: File, text: string) => /\.json$/i.test(file.name) || file.type === 'application/json' || /^\uFEFF?\s*[{[]/.test(text);

export function ImportExport({ list, actions }: ImportExportProps) {
  const [busy, setBusy] = useState<'csv' | 'backup' | 'read' | 'apply' | null>(null);
  const [note, setNote] = useState<Note>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);
  const inputId = useId();
  const headingId = useId();
  const previewId = useId();

  const current = list ?? { profileSet: false, programs: [] };

  const run = (what: 'csv' | 'backup', act: () => Promise<void>) => {
    if (busy) return;
    setBusy(what);
    setNote(null);
    act().then(
      () => {
        setBusy(null);
        setNote({ kind: 'ok', text: what === 'csv' ? 'Your list was saved as a spreadsheet (CSV).' : 'Your backup was saved (JSON).' });
      },
      (e: unknown) => {
        setBusy(null);
        setNote({ kind: 'error', text: `Couldn’t export: ${message(e)}` });
      },
    );
  };

  const read = async (file: File) => {
    setBusy('read');
    setNote(null);
    setPending(null);
    try {
      if (file.size > MAX_BYTES) throw new Error(`${file.name} is too large to be a SmartPick list or backup`);
      const text = await file.text();
      if (isBackup(file, text)) {
        setPending({ kind: 'backup', file: file.name, text, mode: 'merge', plan: planBackup(current, text, 'merge') });
      } else {
        const { rows, errors } = parseCsv(text);
        const plan = planRows(current, rows, new Date());
        setPending({ kind: 'csv', file: file.name, rows, plan: { ...plan, errors: [...errors, ...plan.errors] } });
      }
      // The preview is what the user must read next: move focus to its heading.
      setTimeout(() => previewRef.current?.focus(), 0);
    } catch (e) {
      setNote({ kind: 'error', text: `Couldn’t read the file: ${message(e)}` });
    } finally {
      setBusy(null);
    }
  };

  const onFile = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again (after fixing it) is a new change
    if (file) void read(file);
  };

  const setMode = (mode: 'merge' | 'replace') => {
    if (pending?.kind !== 'backup') return;
    setPending({ ...pending, mode, plan: planBackup(current, pending.text, mode) });
  };

  const cancel = () => {
    setPending(null);
    fileRef.current?.focus();
  };

  const apply = () => {
    if (!pending || busy || pending.plan.errors.length) return;
    setBusy('apply');
    const done =
      pending.kind === 'csv' ? actions.importRows(pending.rows) : actions.importBackup(pending.plan.backup!, pending.mode);
    done.then(
      (summary) => {
        setBusy(null);
        setPending(null);
        setNote({ kind: 'ok', text: doneLine(summary) });
      },
      (e: unknown) => {
        setBusy(null);
        setNote({ kind: 'error', text: `Nothing was imported: ${message(e).replace(/^nothing was imported: /i, '')}` });
      },
    );
  };

  const plan = pending?.plan;
  const errors: ImportError[] = plan?.errors ?? [];
  const nothing = plan && plan.add.length + plan.replace.length + plan.remove.length === 0 && plan.profile === 'keep';

  return (
    <section class="sp-sec sp-io" aria-labelledby={headingId}>
      <h2 id={headingId}>Export and import</h2>
      <div class="sp-actions">
        <button type="button" class="sp-btn" onClick={() => run('csv', actions.exportCsv)} aria-disabled={busy === 'csv' ? 'true' : undefined}>
          Export CSV
        </button>
        <button type="button" class="sp-btn" onClick={() => run('backup', actions.exportBackup)} aria-disabled={busy === 'backup' ? 'true' : undefined}>
          Export backup (JSON)
        </button>
        <button type="button" class="sp-btn" onClick={() => fileRef.current?.click()} aria-disabled={busy === 'read' ? 'true' : undefined} aria-describedby={`${inputId}-help`}>
          Import…
        </button>
        <label class="sp-sr" for={inputId}>
          Import a CSV spreadsheet or a SmartPick backup
        </label>
        <input ref={fileRef} id={inputId} class="sp-sr" type="file" accept=".csv,.json,text/csv,application/json" tabIndex={-1} onChange={onFile} />
      </div>
      <p id={`${inputId}-help`} class="sp-hint">
        A spreadsheet needs a Name and a URL column; Specialty, Tier, Status and Notes are read when present. A backup (JSON) brings back everything.
      </p>
      <p class={note?.kind === 'error' ? 'sp-error' : 'sp-status-line'} role={note?.kind === 'error' ? 'alert' : 'status'}>
        {note?.text ?? ''}
      </p>

      {pending && plan && (
        <div class="sp-preview" role="group" aria-labelledby={previewId}>
          <h3 id={previewId} ref={previewRef} tabIndex={-1}>
            {`Import ${pending.file}`}
          </h3>
          {errors.length > 0 ? (
            <div class="sp-error-box" role="alert">
              <p>{`${plural(errors.length, 'problem')} in the file: nothing will be imported until ${errors.length === 1 ? 'it is' : 'they are'} fixed.`}</p>
              <ul>
                {errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                  <li key={i}>{describeImportError(e)}</li>
                ))}
              </ul>
              {errors.length > SHOWN_ERRORS && <p>{`and ${errors.length - SHOWN_ERRORS} more`}</p>}
            </div>
          ) : (
            <>
              <p class="sp-preview-line">{previewLine(plan)}</p>
              <Changes plan={plan} />
            </>
          )}
          {pending.kind === 'backup' && pending.plan.backup && (
            <div class="sp-check">
              <input id={`${previewId}-replace`} type="checkbox" checked={pending.mode === 'replace'} onChange={(e) => setMode(e.currentTarget.checked ? 'replace' : 'merge')} />
              <label for={`${previewId}-replace`}>Replace my list with the file’s (programs not in the file are removed)</label>
            </div>
          )}
          <div class="sp-actions">
            <button type="button" class="sp-btn sp-primary" onClick={apply} disabled={errors.length > 0 || nothing || busy === 'apply'}>
              {busy === 'apply' ? 'Importing…' : 'Apply'}
            </button>
            <button type="button" class="sp-btn" onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** The programs concerned, by name, folded away: a long import should not push Apply out of sight. */
function Changes({ plan }: { plan: ImportPlan }) {
  const groups = [
    { title: 'Added', names: plan.add.map((p) => p.name) },
    { title: 'Replaced', names: plan.replace.map((r) => (r.changes.length ? `${r.before.name} (${r.changes.join(', ')})` : r.before.name)) },
    { title: 'Removed', names: plan.remove.map((p) => p.name) },
  ].filter((g) => g.names.length > 0);
  if (groups.length === 0) return null;
  return (
    <details class="sp-preview-names">
      <summary>Which programs</summary>
      {groups.map((g) => (
        <div key={g.title}>
          <p>
            <strong>{g.title}</strong>
          </p>
          <ul>
            {g.names.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </div>
      ))}
    </details>
  );
}
