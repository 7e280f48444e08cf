import { CARD_WIDTH, placeCard, placeStrip, type Box } from '@/components/card/placement';

const view = { width: 1366, height: 768 };
const intersects = (a: Box, b: Box) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
const stripBox = (p: { left: number; top: number; width?: number }, height: number): Box => ({
  left: p.left,
  top: p.top,
  width: p.width ?? 0,
  height,
});

describe('placeCard', () => {
  it('uses a free column beside the conversation', () => {
    const list = { left: 0, top: 0, width: 620, height: 680 };
    const reply = { left: 14, top: 690, width: 590, height: 60 };
    expect(placeCard(view, list, reply, { width: CARD_WIDTH, height: 300 })).toMatchObject({
      side: 'right',
      covers: false,
    });
  });

  it('reports no free column on a three-column workbench at 1366 px (the strip takes over)', () => {
    const list = { left: 200, top: 42, width: 818, height: 636 };
    const reply = { left: 215, top: 686, width: 737, height: 74 };
    expect(placeCard(view, list, reply, { width: CARD_WIDTH, height: 300 }).covers).toBe(true);
  });
});

describe('placeStrip', () => {
  const reply = { left: 215, top: 686, width: 737, height: 74 };

  it('docks to the reply box’s top edge, left-aligned, when the newest rows are elsewhere', () => {
    const rows = [{ left: 215, top: 170, width: 104, height: 33 }];
    const p = placeStrip(view, reply, rows, 80);
    expect(p).toMatchObject({ side: 'strip', left: 215, covers: false });
    expect(p.top + 80).toBe(reply.top - 4);
    expect(p.width).toBe(560);
  });

  it('right-aligns when the newest row sits at the reply box’s left, above it', () => {
    const rows = [{ left: 215, top: 630, width: 104, height: 33 }];
    const p = placeStrip(view, reply, rows, 80);
    const b = stripBox(p, 80);
    expect(p.left + p.width!).toBe(reply.left + reply.width);
    expect(rows.some((r) => intersects(b, r)) || intersects(b, reply)).toBe(false);
  });

  it('moves up above the newest rows when they span the reply box’s width', () => {
    const rows = [
      { left: 215, top: 560, width: 737, height: 40 },
      { left: 215, top: 606, width: 737, height: 70 },
    ];
    const p = placeStrip(view, reply, rows, 80);
    const b = stripBox(p, 80);
    expect(p.side).toBe('strip');
    expect(rows.some((r) => intersects(b, r)) || intersects(b, reply)).toBe(false);
    expect(p.top + 80).toBe(560 - 4);
  });

  it('goes below the reply box when there is no room above, keeps at least its minimum width', () => {
    const top = { left: 10, top: 10, width: 200, height: 40 };
    const p = placeStrip(view, top, [], 80);
    expect(p.top).toBe(54);
    expect(p.width).toBe(280);
  });
});
