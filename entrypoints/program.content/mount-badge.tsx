import { render } from 'preact';
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
  const update = (props: BadgeProps) => {
    if (!host || !container) return;
    host.dataset.tier = tierOf(props);
    host.dataset.state = props.state;
    render(<Badge {...props} />, container);
  };
  ui.mount();
  update(first);
  return { update, remove: () => ui.remove() };
}
