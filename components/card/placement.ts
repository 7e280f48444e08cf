/**
 * Where the card goes: next to the reply box but never over the open conversation. Tried in order:
 * right of the conversation, left of it, below the reply box; when none fits, the top-right corner of
 * the window (page headers matter less than the reply box and its Send button) with `covers: true` (the
 * card then stays collapsed, a small bar, until the agent opens it).
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
  maxHeight: number;
  side: 'right' | 'left' | 'below' | 'corner';
  covers: boolean;
}

const M = 8;

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
