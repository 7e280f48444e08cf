/**
 * Where the card goes: next to the reply box but never over the open conversation. Tried in order:
 * right of the conversation, left of it, below the reply box; when none fits, the top-right corner of
 * the window with `covers: true`: the card is then shown as a strip docked to the reply box (`placeStrip`),
 * and the corner holds only the bar of a card the agent collapsed.
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  /** Set for the strip (as wide as the reply box); the card has its own width. */
  width?: number;
  maxHeight: number;
  side: 'right' | 'left' | 'below' | 'corner' | 'strip';
  covers: boolean;
}

const M = 8;
/** The full card's width (card.css). */
export const CARD_WIDTH = 340;

export function placeCard(
  view: { width: number; height: number },
  list: Box | null,
  reply: Box | null,
  card: { width: number; height: number },
): Placement {
  const maxHeight = view.height - 2 * M;
  const h = Math.min(card.height, maxHeight);
  // Bottom-align with the reply box (where the agent looks), kept on screen.
  const anchorBottom = reply ? reply.top + reply.height : list ? list.top + list.height : view.height - M;
  const top = Math.max(M, Math.min(anchorBottom - h, view.height - M - h));
  const conv = list ?? reply;
  if (conv) {
    const right = Math.max(conv.left + conv.width, reply ? reply.left + reply.width : 0);
    if (view.width - right - 2 * M >= card.width)
      return { left: right + M, top, maxHeight, side: 'right', covers: false };
    const left = Math.min(conv.left, reply ? reply.left : Infinity);
    if (left - 2 * M >= card.width) return { left: left - M - card.width, top, maxHeight, side: 'left', covers: false };
  }
  if (reply) {
    const below = reply.top + reply.height + M;
    if (view.height - below - M >= Math.min(card.height, 160))
      return {
        left: Math.max(M, Math.min(reply.left, view.width - M - card.width)),
        top: below,
        maxHeight: view.height - below - M,
        side: 'below',
        covers: false,
      };
  }
  return { left: view.width - M - card.width, top: M, maxHeight, side: 'corner', covers: !!conv };
}

/** The strip: as wide as the reply box, within these bounds. */
export const STRIP_MIN_WIDTH = 280;
export const STRIP_MAX_WIDTH = 560;
const GAP = 4;

const intersects = (a: Box, b: Box) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

/**
 * Where the strip goes when no column is free beside the conversation: docked to the reply box's top edge
 * (left-aligned, else right-aligned with it), never over the reply box or the newest message rows
 * (`rows`, newest last). When a newest row sits right above the reply box, the strip moves up above it (it
 * then covers older history); with no room above, it goes below the reply box, else in the top-right corner.
 */
export function placeStrip(
  view: { width: number; height: number },
  reply: Box,
  rows: Box[],
  height: number,
): Placement {
  const width = Math.min(Math.max(reply.width, STRIP_MIN_WIDTH), STRIP_MAX_WIDTH, view.width - 2 * M);
  const clampLeft = (x: number) => Math.max(M, Math.min(x, view.width - M - width));
  const at = (left: number, bottom: number): Box => ({ left, top: bottom - height, width, height });
  const clear = (b: Box) => b.top >= M && !intersects(b, reply) && rows.every((r) => !intersects(b, r));
  const place = (b: Box, side: Placement['side']) => ({
    left: b.left,
    top: b.top,
    width,
    maxHeight: view.height - 2 * M,
    side,
    covers: false,
  });
  const dock = reply.top - GAP;
  for (const left of [clampLeft(reply.left), clampLeft(reply.left + reply.width - width)]) {
    const b = at(left, dock);
    if (clear(b)) return place(b, 'strip');
  }
  // Above the newest rows that are in the way (newest first), keeping the reply box's left edge.
  const left = clampLeft(reply.left);
  let bottom = dock;
  for (const r of [...rows].reverse()) {
    if (!intersects(at(left, bottom), r)) continue;
    bottom = Math.min(bottom, r.top - GAP);
  }
  if (clear(at(left, bottom))) return place(at(left, bottom), 'strip');
  const below = reply.top + reply.height + GAP;
  if (below + height <= view.height - M) return place({ left, top: below, width, height }, 'strip');
  return { ...place(at(view.width - M - width, M + height), 'corner'), covers: true };
}
