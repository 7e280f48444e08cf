/**
 * Mounts the card in an open shadow root (WXT createShadowRootUi) and keeps it next to the reply box
 * without covering the conversation (components/card/placement.ts), following the page's light/dark.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Card } from '@/components/card/Card';
import cardCss from '@/components/card/card.css?inline';
import { placeCard, type Box } from '@/components/card/placement';
import { pageTheme } from '@/components/card/theme';
import type { CardActions } from '@/components/card/types';
import { guard } from '@/lib/guard';
import { toModel, type ContentStore } from './store';

function CardRoot({ store, actions }: { store: ContentStore; actions: CardActions }) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const model = useMemo(() => toModel(state), [state]);
  const p = state.placement;
  if (state.suspended) return null;
  return (
    <div
      className="hs-pos"
      style={{
        position: 'fixed',
        zIndex: 2147483000,
        left: p?.left ?? -9999,
        top: p?.top ?? 0,
        maxHeight: p?.maxHeight,
        display: 'flex',
      }}
    >
      <Card model={model} actions={actions} />
    </div>
  );
}

export interface Geometry {
  list(): Element | null;
  reply(): Element | null;
}

export interface MountedCard {
  /** Recompute position and theme (throttled to one per frame). */
  reposition(): void;
  remove(): void;
  host: HTMLElement;
}

const box = (el: Element | null): Box | null => {
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return r.width || r.height ? { left: r.left, top: r.top, width: r.width, height: r.height } : null;
};

export async function mountCard(
  ctx: ContentScriptContext,
  store: ContentStore,
  actions: CardActions,
  geometry: Geometry,
): Promise<MountedCard> {
  let root: Root | null = null;
  const ui = await createShadowRootUi<Root>(ctx, {
    name: 'huashu-card',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: cardCss,
    isolateEvents: true,
    onMount(container, _shadow, host) {
      host.setAttribute('data-huashu-ui', 'card');
      root = createRoot(container);
      root.render(<CardRoot store={store} actions={actions} />);
      return root;
    },
    onRemove(r) {
      r?.unmount();
    },
  });
  ui.mount();

  let frame = 0;
  const observed = new Set<Element>();
  const resize = new ResizeObserver(guard('card resize', () => reposition()));
  const update = guard('card placement', () => {
    frame = 0;
    const list = geometry.list();
    const reply = geometry.reply();
    const card = ui.shadow.querySelector('.hs-card');
    for (const el of [list, reply, card])
      if (el && !observed.has(el)) {
        observed.add(el);
        resize.observe(el);
      }
    const size = card?.getBoundingClientRect() ?? { width: 340, height: 200 };
    const placement = placeCard({ width: window.innerWidth, height: window.innerHeight }, box(list), box(reply), {
      width: size.width || 340,
      height: size.height || 200,
    });
    const theme = pageTheme(reply ?? list, window);
    const prev = store.getState();
    const same =
      prev.placement &&
      prev.placement.left === placement.left &&
      prev.placement.top === placement.top &&
      prev.placement.maxHeight === placement.maxHeight;
    // No free space beside the conversation: stay collapsed (a header bar) unless the agent opens it.
    const collapse = placement.covers && !prev.userToggled && !prev.collapsed;
    if (!same || prev.theme !== theme || collapse)
      store.setState(collapse ? { placement, theme, collapsed: true } : { placement, theme });
  });
  function reposition() {
    if (!frame) frame = ctx.requestAnimationFrame(update);
  }
  ctx.addEventListener(window, 'resize', reposition);
  ctx.addEventListener(window, 'scroll', reposition, { capture: true, passive: true });
  reposition();

  return {
    reposition,
    host: ui.shadowHost,
    remove() {
      resize.disconnect();
      ui.remove();
    },
  };
}
