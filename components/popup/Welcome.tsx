import type { ComponentChildren } from 'preact';
import { PRIVACY, W } from './words';

// First run (popup.html#welcome, opened on install): what SmartPick does, in three steps; that
// nothing leaves the computer; the way to the profile; the opt-in for automatic checking.

export function Welcome({ onSetUp, autoCheck }: { onSetUp(): void; autoCheck: ComponentChildren }) {
  return (
    <div class="sp-welcome">
      <p class="sp-lead">SmartPick reads residency program pages and shows, for each program, how well it fits you as an international medical graduate.</p>
      <ol class="sp-steps">
        <li>
          <strong>Fill your profile</strong> — scores, attempts, visa, US clinical experience.
        </li>
        <li>
          <strong>Open a program page</strong> on FREIDA or on the program’s own site: a small badge shows Reach, Realistic, Safety or Not eligible, with the reasons quoted from the page.
        </li>
        <li>
          <strong>Add programs to your list</strong> and see how your applications balance out.
        </li>
      </ol>
      <p class="sp-privacy">
        <strong>{PRIVACY}</strong> Pages are read inside your browser; your profile and list stay on this computer.
      </p>
      <button type="button" class="sp-btn sp-primary" onClick={onSetUp}>
        {W.setup}
      </button>
      <section class="sp-sec" aria-labelledby="sp-welcome-auto">
        <h2 id="sp-welcome-auto">Program websites</h2>
        {autoCheck}
      </section>
    </div>
  );
}
