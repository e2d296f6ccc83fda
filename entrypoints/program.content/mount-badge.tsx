import { render } from 'preact';
import { useState } from 'preact/hooks';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Badge, type BadgeProps } from '@/components/badge/Badge';
import { BADGE_CSS } from '@/components/badge/styles';

// <smartpick-badge> with an open shadow root: the page's CSS cannot reach in, ours cannot leak out.
// The host exposes data-tier and data-state (DESIGN.md), which tests and the page can read.

export interface BadgeHandle {
  update(props: BadgeProps): void;
  remove(): void;
}

function tierOf(props: BadgeProps): string {
  if (!props.profileSet) return 'unknown';
  return props.fit?.tier ?? 'unknown';
}

/**
 * Rendered once: later props go through state. A new top-level render() per update would start a
 * new Preact root each time, and useId would hand out the same ids again (duplicate ids in the
 * panel, sections named by the wrong heading).
 */
function BadgeHost({ initial, expose }: { initial: BadgeProps; expose: (set: (p: BadgeProps) => void) => void }) {
  const [props, setProps] = useState(initial);
  expose(setProps);
  return <Badge {...props} />;
}

export async function mountBadge(ctx: ContentScriptContext, first: BadgeProps): Promise<BadgeHandle> {
  let host: HTMLElement | null = null;
  let container: HTMLElement | null = null;
  const ui = await createShadowRootUi(ctx, {
    name: 'smartpick-badge',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: BADGE_CSS,
    // Keys typed in the badge must not trigger the page's own shortcuts.
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount(uiContainer, _shadow, shadowHost) {
      host = shadowHost;
      container = uiContainer;
    },
    onRemove() {
      if (container) render(null, container);
    },
  });
  let setProps: ((p: BadgeProps) => void) | null = null;
  const update = (props: BadgeProps) => {
    if (!host || !container) return;
    host.dataset.tier = tierOf(props);
    host.dataset.state = props.state;
    if (setProps) setProps(props);
    else render(<BadgeHost initial={props} expose={(set) => (setProps = set)} />, container);
  };
  ui.mount();
  update(first);
  return { update, remove: () => ui.remove() };
}
