import { useId } from 'preact/hooks';
import type { Tier } from '../../lib/core/schema/fit';
import { statusSchema, type ProgramStatus } from '../../lib/core/schema/program';
import type { ListedProgram, ProgramPatch } from './types';
import { EMPTY_STEPS, STATUS_WORD, TIER_HEADING, TIER_ORDER, W, minimumFact, visaFact } from './words';

// Saved programs grouped by tier (DESIGN.md "In-page and popup UI": headings that begin "Reach",
// "Realistic", "Safety", "Not eligible"; each program a list item with its name).

export interface ProgramListProps {
  programs: ListedProgram[];
  /** Rows shown per tier (the popup shows the 5 most recent); undefined: all, best score first. */
  limit?: number;
  onRemove(item: ListedProgram): void;
  onUpdate(item: ListedProgram, patch: ProgramPatch): void;
}

/** The list tiers always show (an empty Safety section is news); the others only when used. */
const ALWAYS: ReadonlySet<Tier> = new Set<Tier>(['reach', 'realistic', 'safety']);

function order(items: ListedProgram[], limit: number | undefined): ListedProgram[] {
  const sorted = [...items].sort(
    limit === undefined
      ? (a, b) => (b.fit.score ?? -1) - (a.fit.score ?? -1) || a.program.name.localeCompare(b.program.name)
      : (a, b) => b.program.updatedAt.localeCompare(a.program.updatedAt),
  );
  return limit === undefined ? sorted : sorted.slice(0, limit);
}

export function ProgramList({ programs, limit, onRemove, onUpdate }: ProgramListProps) {
  return (
    <div class="sp-tiers">
      {TIER_ORDER.map((tier) => {
        const items = programs.filter((p) => p.tier === tier);
        if (items.length === 0 && !ALWAYS.has(tier)) return null;
        const shown = order(items, limit);
        const id = `sp-tier-${tier}`;
        return (
          <section key={tier} class="sp-tier" data-tier={tier} aria-labelledby={id}>
            <h2 id={id} class="sp-tier-h">
              <span class="sp-dot" aria-hidden="true" />
              {`${TIER_HEADING[tier]} (${items.length})`}
            </h2>
            {shown.length ? (
              <ul class="sp-rows">
                {shown.map((item) => (
                  <Row key={item.program.id} item={item} onRemove={onRemove} onUpdate={onUpdate} />
                ))}
              </ul>
            ) : (
              <p class="sp-muted sp-none">{W.noneYet}</p>
            )}
            {shown.length < items.length && <p class="sp-muted sp-more">{`${items.length - shown.length} more in the full list`}</p>}
          </section>
        );
      })}
    </div>
  );
}

/** Only web addresses become links: a stored record is data, never a script URL. */
const webUrl = (urls: string[]): string | null => urls.find((u) => /^https?:\/\//i.test(u)) ?? null;

function Row({ item, onRemove, onUpdate }: { item: ListedProgram; onRemove(i: ListedProgram): void; onUpdate(i: ListedProgram, p: ProgramPatch): void }) {
  const { program, fit } = item;
  const url = webUrl(program.urls);
  const place = [program.city, program.state].filter(Boolean).join(', ');
  const statusId = useId();
  const deal = fit.dealbreakers[0];
  return (
    <li class="sp-row" data-tier={item.tier}>
      <div class="sp-row-top">
        {url ? (
          <a class="sp-name" href={url} target="_blank" rel="noopener noreferrer">
            {program.name}
          </a>
        ) : (
          <span class="sp-name">{program.name}</span>
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
        <button type="button" class="sp-icon" aria-label={`Remove ${program.name}`} title="Remove from list" onClick={() => onRemove(item)}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p class="sp-facts">
        {[place || 'State not stated', visaFact(program.signals), minimumFact(program.signals)].join(' · ')}
      </p>
      {deal && <p class="sp-deal">{deal.message}</p>}
      <div class="sp-row-foot">
        <label class="sp-sr" for={statusId}>{`Status of ${program.name}`}</label>
        <select id={statusId} class="sp-status" value={program.status} onChange={(e) => onUpdate(item, { status: e.currentTarget.value as ProgramStatus })}>
          {statusSchema.options.map((s) => (
            <option key={s} value={s}>
              {STATUS_WORD[s]}
            </option>
          ))}
        </select>
        {program.tierOverride && (
          <span class="sp-moved">
            {W.movedByYou}
            <button type="button" class="sp-link" aria-label={`Undo move of ${program.name}`} onClick={() => onUpdate(item, { tierOverride: null })}>
              {W.undo}
            </button>
          </span>
        )}
      </div>
    </li>
  );
}

export function EmptyGuide({ profileSet, onSetUp }: { profileSet: boolean; onSetUp(): void }) {
  return (
    <section class="sp-empty" aria-labelledby="sp-empty-h">
      <h2 id="sp-empty-h">Your list is empty</h2>
      <p class="sp-muted">Three steps to your first programs:</p>
      <ol class="sp-steps">
        <li data-done={profileSet ? '' : undefined}>
          {profileSet ? (
            <>
              {EMPTY_STEPS[0]} <span class="sp-done">(done)</span>
            </>
          ) : (
            <a
              href="#profile"
              onClick={(e) => {
                e.preventDefault();
                onSetUp();
              }}
            >
              {EMPTY_STEPS[0]}
            </a>
          )}
        </li>
        <li>{EMPTY_STEPS[1]} — the SmartPick badge shows how it fits you.</li>
        <li>{EMPTY_STEPS[2]} with the badge’s “Add to list”.</li>
      </ol>
    </section>
  );
}
