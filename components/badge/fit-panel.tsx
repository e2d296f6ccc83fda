import { useId } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Dealbreaker, Fit, Reason } from '../../lib/core/schema/fit';
import type { Evidence } from '../../lib/core/schema/signals';
import { ListControl } from './list-control';
import type { BadgeProps } from './types';
import { DISCLAIMER, NRMP_SOURCE, TIER_WORD, W, factsFound, formatWeight, isLowConfidence } from './words';

// The expanded panel's content, in UX.md's order: header, dealbreakers, what fits / weighs
// against, not stated — verify, conflicts, footer. The dialog element around it is Badge's.

interface Props extends Pick<BadgeProps, 'program' | 'saved' | 'pagesNote' | 'conflicts' | 'actions'> {
  fit: Fit;
  busy: boolean;
  onShow(e: Evidence): void;
  onClose(): void;
}

export function FitPanel({ program, fit, saved, busy, pagesNote, conflicts, actions, onShow, onClose }: Props) {
  const low = isLowConfidence(fit);
  const fits = byWeight(fit.reasons.filter((r) => r.weight >= 0));
  const against = byWeight(fit.reasons.filter((r) => r.weight < 0));
  const meta = [program.specialty, program.state].filter(Boolean).join(' · ');

  return (
    <>
      <div class="sp-head">
        <div>
          <h2 class="sp-name">{program.name}</h2>
          {meta && <p class="sp-muted">{meta}</p>}
        </div>
        <button type="button" class="sp-icon sp-chev" aria-label={W.closePanel} onClick={onClose}>
          <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 6l4 4 4-4" /></svg>
        </button>
      </div>
      <p class="sp-score" data-tier={fit.tier}>
        <span class="sp-tier">
          <span class="sp-dot" aria-hidden="true" />
          {TIER_WORD[fit.tier]}
          {low && '?'}
        </span>
        {fit.score !== null && (
          <span class="sp-num">
            {Math.round(fit.score)}
            <span class="sp-sr"> out of 100</span>
          </span>
        )}
        <span class="sp-muted">{factsFound(fit)}</span>
      </p>
      <p class="sp-note">{DISCLAIMER}</p>
      {pagesNote && <p class="sp-note">{pagesNote}</p>}

      {fit.dealbreakers.length > 0 && (
        <Section title={W.dealbreakers}>
          {fit.dealbreakers.map((d, i) => (
            <DealbreakerRow key={i} d={d} onShow={onShow} />
          ))}
        </Section>
      )}
      {fits.length > 0 && (
        <Section title={W.fits} class="sp-fits">
          {fits.map((r, i) => <ReasonRow key={i} r={r} onShow={onShow} />)}
        </Section>
      )}
      {against.length > 0 && (
        <Section title={W.against} class="sp-against">
          {against.map((r, i) => <ReasonRow key={i} r={r} onShow={onShow} />)}
        </Section>
      )}
      {fit.verify.length > 0 && (
        <Section title={W.verify} class="sp-verify">
          {fit.verify.map((v, i) => <li key={i}>{v.question}</li>)}
        </Section>
      )}
      {conflicts && conflicts.length > 0 && (
        <Section title={W.conflicts}>
          {conflicts.map((c, i) => (
            <li key={i}>
              <strong>{c.field}</strong>
              <p>{c.a}</p>
              <p>{c.b}</p>
            </li>
          ))}
        </Section>
      )}

      <div class="sp-foot">
        <ListControl saved={saved} busy={busy} actions={actions} />
        {fit.usedOutcomes && <p class="sp-src">{NRMP_SOURCE}</p>}
      </div>
    </>
  );
}

function Section({ title, class: cls, children }: { title: string; class?: string; children: ComponentChildren }) {
  const id = useId();
  return (
    <section class={cls ? `sp-sec ${cls}` : 'sp-sec'} aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <ul>{children}</ul>
    </section>
  );
}

function ReasonRow({ r, onShow }: { r: Reason; onShow(e: Evidence): void }) {
  const id = useId();
  return (
    <li class="sp-reason">
      <span class="sp-ico" aria-hidden="true">{r.weight >= 0 ? '✓' : '−'}</span>
      <span class="sp-txt">
        <span id={id}>{r.text}</span>
        {showable(r.evidence) && <ShowButton evidence={r.evidence} describedBy={id} onShow={onShow} />}
      </span>
      <span class="sp-w">
        {formatWeight(r.weight)}
        <span class="sp-sr"> points</span>
      </span>
    </li>
  );
}

function DealbreakerRow({ d, onShow }: { d: Dealbreaker; onShow(e: Evidence): void }) {
  const id = useId();
  const ev = d.evidence;
  return (
    <li class="sp-deal">
      <p id={id}>
        <span class="sp-x" aria-hidden="true">✕ </span>
        {d.message}
      </p>
      {ev && (
        <blockquote class="sp-quote">
          {ev.context && `${ev.context} `}“{ev.quote}”
        </blockquote>
      )}
      {showable(ev) && <ShowButton evidence={ev} describedBy={id} onShow={onShow} />}
    </li>
  );
}

function ShowButton({ evidence, describedBy, onShow }: { evidence: Evidence; describedBy: string; onShow(e: Evidence): void }) {
  return (
    <span class="sp-row">
      <button type="button" class="sp-btn sp-small" aria-describedby={describedBy} onClick={() => onShow(evidence)}>
        {W.showOnPage}
      </button>
    </span>
  );
}

/** Evidence read from the URL or embedded data (blockIndex −1) has no sentence on the page to show. */
const showable = (e: Evidence | null): e is Evidence => e !== null && e.blockIndex >= 0;

/** Strongest first; ties keep the model's order. */
const byWeight = (rs: Reason[]) => [...rs].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
