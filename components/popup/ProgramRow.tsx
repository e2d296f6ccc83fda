import { Component, type ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ListTier, Tier } from '../../lib/core/schema/fit';
import type { VisaNeed } from '../../lib/core/schema/profile';
import { statusSchema, type ProgramStatus } from '../../lib/core/schema/program';
import type { Signals, VisaValue } from '../../lib/core/schema/signals';
import type { ListedProgram, ProgramPatch } from './types';
import { STATUS_WORD, TIER_HEADING, W, minimumFact, specialtyShort, visaFact } from './words';

// One saved program in the list: what it is (name linking to its page, place, specialty, score,
// the two facts that decide most applications) and what the applicant does with it (status, tier
// move, notes, remove). Every control carries data-control so the list can put focus back on the
// same control when the row moves to another section or re-sorts.

export interface ProgramRowProps {
  item: ListedProgram;
  /** The toolbar popup: no page links; the full page lists every page read for the program. */
  compact: boolean;
  /** What the applicant needs (the profile's visa), so the visa fact speaks to them; null: no profile. */
  visaNeed: VisaNeed | null;
  onUpdate(item: ListedProgram, patch: ProgramPatch): void;
  onRemove(item: ListedProgram): void;
  /** A slot under the row (the evidence freshness line); keep the function stable across renders. */
  renderExtra?: ((item: ListedProgram) => ComponentChildren) | undefined;
}

export const LIST_TIERS: readonly ListTier[] = ['reach', 'realistic', 'safety'];

const VISA_NAME = { visaJ1: 'J-1', visaH1b: 'H-1B' } as const;

function oneVisa(v: VisaValue | null, name: string): string {
  if (v === 'yes') return `Sponsors ${name}`;
  if (v === 'conditional') return `${name} case by case`;
  if (v === 'no') return `No ${name}`;
  return `${name} not stated`;
}

/**
 * The program's visa policy as it bears on this applicant: someone who needs a J-1 reads
 * "Sponsors J-1" or "No J-1", not the whole policy. Without a profile, the policy in a few words;
 * someone who needs no visa gets nothing (the fact does not apply to them).
 */
export function visaForApplicant(s: Signals, need: VisaNeed | null): string | null {
  if (need === null) return visaFact(s);
  if (need === 'none') return null;
  if (need === 'j1') return oneVisa(s.visaJ1?.value ?? null, VISA_NAME.visaJ1);
  if (need === 'h1b') return oneVisa(s.visaH1b?.value ?? null, VISA_NAME.visaH1b);
  // Either visa will do: the better of the two answers decides.
  const j1 = s.visaJ1?.value ?? null;
  const h1b = s.visaH1b?.value ?? null;
  const yes = [j1 === 'yes' && 'J-1', h1b === 'yes' && 'H-1B'].filter(Boolean);
  if (yes.length) return `Sponsors ${yes.join(' & ')}`;
  const maybe = [j1 === 'conditional' && 'J-1', h1b === 'conditional' && 'H-1B'].filter(Boolean);
  if (maybe.length) return `${maybe.join(' & ')} case by case`;
  if (j1 === 'no' && h1b === 'no') return 'No visa sponsorship';
  if (j1 === null && h1b === null) return 'Visa not stated';
  return j1 === 'no' ? 'No J-1; H-1B not stated' : 'No H-1B; J-1 not stated';
}

/** Only web addresses become links: a stored record is data, never a script URL. */
export const webUrls = (urls: readonly string[]): string[] => urls.filter((u) => /^https?:\/\//i.test(u));

/** "gme.example.org/im/how-to-apply", shortened in the middle when long. */
export function shortUrl(u: string, max = 48): string {
  const s = u.replace(/^https?:\/\/(?:www\.)?/i, '').replace(/\/$/, '');
  return s.length <= max ? s : `${s.slice(0, max - 16)}…${s.slice(-15)}`;
}

export function ProgramRow({ item, compact, visaNeed, onUpdate, onRemove, renderExtra }: ProgramRowProps) {
  const { program, fit, tier } = item;
  const urls = webUrls(program.urls);
  const first = urls[0] ?? null;
  const place = [program.city, program.state].filter(Boolean).join(', ') || 'State not stated';
  const facts = [place, program.specialty && specialtyShort(program.specialty), visaForApplicant(program.signals, visaNeed), minimumFact(program.signals)]
    .filter(Boolean)
    .join(' · ');
  const deal = fit.dealbreakers[0];
  const statusId = useId();
  const tierId = useId();
  const name = program.name;

  // Picking the model's own tier clears the move, so "moved by you" means what it says.
  const moveTo = (value: string) => {
    const next = value === '' || value === fit.tier ? null : (value as ListTier);
    if (next !== program.tierOverride) onUpdate(item, { tierOverride: next });
  };
  const modelIsListTier = (LIST_TIERS as readonly Tier[]).includes(fit.tier);

  return (
    <li class="sp-row" data-tier={tier} data-id={program.id}>
      <div class="sp-row-top">
        {first ? (
          <a class="sp-name" href={first} target="_blank" rel="noopener noreferrer" data-control="name">
            {name}
          </a>
        ) : (
          <span class="sp-name">{name}</span>
        )}
        <span class="sp-score">
          <span class="sp-sr">score </span>
          {fit.score === null ? (
            <>
              <span aria-hidden="true">–</span>
              <span class="sp-sr">none</span>
            </>
          ) : (
            Math.round(fit.score)
          )}
        </span>
        <button type="button" class="sp-icon" data-control="remove" aria-label={`Remove ${name}`} title="Remove from list" onClick={() => onRemove(item)}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p class="sp-facts">{facts}</p>
      {deal && <p class="sp-deal">{deal.message}</p>}
      <div class="sp-row-foot">
        <label class="sp-sr" for={statusId}>{`Status of ${name}`}</label>
        <select
          id={statusId}
          class="sp-status"
          data-status={program.status}
          data-control="status"
          value={program.status}
          onChange={(e) => onUpdate(item, { status: e.currentTarget.value as ProgramStatus })}
        >
          {statusSchema.options.map((s) => (
            <option key={s} value={s}>
              {STATUS_WORD[s]}
            </option>
          ))}
        </select>
        <label class="sp-sr" for={tierId}>{`Tier of ${name}`}</label>
        <select id={tierId} class="sp-tier-select" data-control="tier" value={program.tierOverride ?? (modelIsListTier ? fit.tier : '')} onChange={(e) => moveTo(e.currentTarget.value)}>
          {!modelIsListTier && <option value="">{TIER_HEADING[fit.tier]}</option>}
          {LIST_TIERS.map((t) => (
            <option key={t} value={t}>
              {TIER_HEADING[t]}
            </option>
          ))}
        </select>
        {program.tierOverride && (
          <span class="sp-moved">
            {W.movedByYou}
            <button type="button" class="sp-link" data-control="undo-move" aria-label={`Undo move of ${name}`} onClick={() => onUpdate(item, { tierOverride: null })}>
              {W.undo}
            </button>
          </span>
        )}
        <Notes item={item} onUpdate={onUpdate} />
      </div>
      {!compact && urls.length > 0 && (
        <p class="sp-pages">
          <span class="sp-pages-label">{urls.length === 1 ? 'Page:' : `Pages (${urls.length}):`}</span>
          {urls.map((u, i) => (
            <a key={u} href={u} target="_blank" rel="noopener noreferrer" title={u} data-control={`page-${i}`}>
              {shortUrl(u)}
            </a>
          ))}
        </p>
      )}
      {renderExtra?.(item)}
    </li>
  );
}

/**
 * Notes open on demand (a textarea per row would cost 1,000 textareas on a long list) and save on
 * blur or with Save, so nothing typed is lost when the applicant moves on.
 */
function Notes({ item, onUpdate }: { item: ListedProgram; onUpdate: ProgramRowProps['onUpdate'] }) {
  const { program } = item;
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(program.notes);
  const [justSaved, setJustSaved] = useState(false);
  const areaId = useId();
  const boxId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // The latest notes, read by handlers that run after a re-render.
  const saved = useRef(program.notes);
  saved.current = program.notes;

  const save = () => {
    const text = area.current?.value ?? draft;
    if (text !== saved.current) {
      saved.current = text;
      setJustSaved(true);
      onUpdate(item, { notes: text });
    }
  };

  // Closing the tab or popup while typing fires no blur: save what is in the box as the page goes.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    if (!open) return;
    const flush = () => saveRef.current();
    addEventListener('pagehide', flush);
    return () => removeEventListener('pagehide', flush);
  }, [open]);

  // Opening moves focus into the box; closing from inside it (Escape) puts focus back on the toggle.
  const focusNext = useRef<'area' | 'toggle' | null>(null);
  useEffect(() => {
    const target = focusNext.current === 'area' ? area.current : focusNext.current === 'toggle' ? toggleRef.current : null;
    focusNext.current = null;
    target?.focus();
  }, [open]);

  const toggle = (from: 'toggle' | 'area') => {
    if (open) save();
    else setDraft(program.notes);
    focusNext.current = open ? (from === 'area' ? 'toggle' : null) : 'area';
    setOpen(!open);
  };

  const preview = program.notes.trim().split('\n', 1)[0] ?? '';
  return (
    <>
      <button type="button" class="sp-link sp-notes-toggle" ref={toggleRef} data-control="notes" aria-expanded={open} aria-controls={open ? boxId : undefined} onClick={() => toggle('toggle')}>
        {program.notes.trim() ? 'Notes' : 'Add note'}
        <span class="sp-sr">{` about ${program.name}`}</span>
      </button>
      {!open && preview && (
        <p class="sp-note-preview" title={program.notes}>
          {preview}
        </p>
      )}
      {open && (
        <div class="sp-notes" id={boxId}>
          <label class="sp-sr" for={areaId}>{`Notes for ${program.name}`}</label>
          <textarea
            id={areaId}
            ref={area}
            data-control="notes-text"
            rows={3}
            maxLength={20_000}
            value={draft}
            placeholder="Coordinator's answers, deadlines, anything to remember"
            onInput={(e) => {
              setDraft(e.currentTarget.value);
              setJustSaved(false);
            }}
            onBlur={save}
            onKeyDown={(e) => {
              // Escape closes without losing the text (it is saved like a blur).
              if (e.key === 'Escape') {
                e.preventDefault();
                toggle('area');
              }
            }}
          />
          <button type="button" class="sp-btn sp-small" data-control="notes-save" onClick={save}>
            Save<span class="sp-sr">{` notes for ${program.name}`}</span>
          </button>
          {justSaved && <span class="sp-notes-saved">{W.saved}</span>}
        </div>
      )}
    </>
  );
}

/**
 * The row, re-rendered only when its own props change: typing in the search box or saving one
 * program must not redo a thousand rows. (preact/compat's memo would pull compat in for one helper.)
 */
export class MemoRow extends Component<ProgramRowProps> {
  override shouldComponentUpdate(next: ProgramRowProps): boolean {
    const p = this.props;
    return p.item !== next.item || p.compact !== next.compact || p.visaNeed !== next.visaNeed || p.onUpdate !== next.onUpdate || p.onRemove !== next.onRemove || p.renderExtra !== next.renderExtra;
  }
  override render() {
    return <ProgramRow {...this.props} />;
  }
}
