/**
 * Mounts the card in a shadow root (WXT createShadowRootUi; closed in production, components/shared/page-ui-host.ts) and keeps it next to the reply box
 * without covering the conversation (components/card/placement.ts), following the page's light/dark:
 * the full card in a free column beside the conversation, else a strip docked to the reply box's top edge
 * (clear of the newest message rows), opened to the full card above it on demand.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Card } from '@/components/card/Card';
import cardCss from '@/components/card/card.css?inline';
import { CARD_WIDTH, placeCard, placeStrip, type Box, type Placement } from '@/components/card/placement';
import { pageTheme } from '@/components/card/theme';
import type { CardActions } from '@/components/card/types';
import { pageUiHost } from '@/components/shared/page-ui-host';
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
        width: p?.width,
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
  /** The newest message rows of the open conversation (newest last): the strip keeps clear of them. */
  newestRows(): Element[];
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
    ...pageUiHost('huashu-card'),
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
  /** The closed strip's last measured height: the opened card grows upward from the strip's bottom edge. */
  let stripHeight = 90;
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
    const prev = store.getState();
    const measured = card?.getBoundingClientRect();
    const view = { width: window.innerWidth, height: window.innerHeight };
    const replyBox = box(reply);
    // The column test uses the full card's size whatever is showing now (the strip is wider and lower).
    const showsFull = prev.layout === 'card' || prev.collapsed || prev.open !== false;
    const full = {
      width: CARD_WIDTH,
      height: (showsFull && measured?.height) || 200,
    };
    const column = placeCard(view, box(list), replyBox, full);
    const layout = column.covers && replyBox ? 'strip' : 'card';
    let placement: Placement = column;
    if (layout === 'strip' && replyBox && !prev.collapsed) {
      const rows = geometry
        .newestRows()
        .map(box)
        .filter((b): b is Box => b !== null);
      if (prev.layout === 'strip' && prev.open === false && measured?.height) stripHeight = measured.height;
      const strip = placeStrip(view, replyBox, rows, stripHeight);
      // Opened, the full card grows upward from the strip's bottom edge (over the history, on request).
      placement =
        prev.open === false
          ? strip
          : {
              ...strip,
              width: undefined,
              top: Math.max(8, strip.top + stripHeight - full.height),
              left: Math.max(8, Math.min(strip.left, view.width - 8 - CARD_WIDTH)),
            };
    }
    const theme = pageTheme(reply ?? list, window);
    const same =
      prev.placement &&
      prev.placement.left === placement.left &&
      prev.placement.top === placement.top &&
      prev.placement.width === placement.width &&
      prev.placement.maxHeight === placement.maxHeight;
    if (!same || prev.theme !== theme || prev.layout !== layout)
      store.setState({ placement, theme, layout, open: layout === 'strip' ? prev.open : false });
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
