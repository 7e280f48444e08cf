import { budgetLeft, dayKey, followUpText, pickAnswer, soundsLikeExcuse } from '@/components/card/logic';
import { placeCard } from '@/components/card/placement';
import { isDarkColor } from '@/components/card/theme';
import { scriptSchema } from '@/lib/pack/schema';

describe('card logic', () => {
  const s = scriptSchema.parse({
    id: 'x',
    questions: ['q'],
    answers: [{ text: 'neutral' }, { text: 'formal', tone: 'formal' }],
  });

  it('picks the register, else neutral, else the first', () => {
    expect(pickAnswer(s, 'formal').text).toBe('formal');
    expect(pickAnswer(s, 'friendly').text).toBe('neutral');
    const onlyFormal = { ...s, answers: [s.answers[1]] };
    expect(pickAnswer(onlyFormal, 'friendly').text).toBe('formal');
  });

  it('formats a multiple-choice follow-up', () => {
    expect(followUpText({ text: '要哪种材质？', options: ['PU皮', '网面'] })).toBe('要哪种材质？ A. PU皮 / B. 网面');
    expect(followUpText({ text: '还有别的问题吗？', options: [] })).toBe('还有别的问题吗？');
  });

  it.each([
    ['亲，但是这个不行', true],
    ['可是库存没了', true],
    ['Sorry, but no', true],
    ['butter is fine', false],
    ['好的亲', false],
  ])('excuse hint for %s → %s', (text, hint) => expect(soundsLikeExcuse(text)).toBe(hint));

  it('counts the gift budget per day', () => {
    const day = dayKey(new Date('2026-11-05T10:00:00Z'), 'Asia/Shanghai');
    expect(day).toBe('2026-11-05');
    expect(dayKey(new Date('2026-11-05T20:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-06');
    expect(budgetLeft(50, { day, used: 45 }, day)).toBe(5);
    expect(budgetLeft(50, { day: '2026-11-04', used: 45 }, day)).toBe(50);
    expect(budgetLeft(50, { day, used: 80 }, day)).toBe(0);
  });

  it('reads page colours', () => {
    expect(isDarkColor('rgb(20, 22, 25)')).toBe(true);
    expect(isDarkColor('rgb(250, 250, 250)')).toBe(false);
    expect(isDarkColor('rgba(0, 0, 0, 0)')).toBeNull();
  });
});

describe('placeCard', () => {
  const card = { width: 340, height: 400 };
  const overlaps = (
    a: { left: number; top: number; width: number; height: number },
    p: { left: number; top: number },
  ) =>
    p.left < a.left + a.width &&
    p.left + card.width > a.left &&
    p.top < a.top + a.height &&
    p.top + card.height > a.top;

  it('goes right of the conversation when there is room, bottom-aligned with the reply box', () => {
    const list = { left: 200, top: 60, width: 600, height: 560 };
    const reply = { left: 200, top: 630, width: 600, height: 100 };
    const p = placeCard({ width: 1280, height: 800 }, list, reply, card);
    expect(p.side).toBe('right');
    expect(p.left).toBe(808);
    expect(p.top + card.height).toBe(730);
    expect(overlaps(list, p)).toBe(false);
  });

  it('goes left when the conversation fills the right side', () => {
    const list = { left: 500, top: 0, width: 780, height: 600 };
    const p = placeCard({ width: 1280, height: 800 }, list, { left: 500, top: 600, width: 780, height: 100 }, card);
    expect(p.side).toBe('left');
    expect(overlaps(list, p)).toBe(false);
  });

  it('falls back to a corner, flagged as covering, on a narrow full-width console', () => {
    const list = { left: 0, top: 0, width: 800, height: 700 };
    const p = placeCard({ width: 800, height: 800 }, list, { left: 0, top: 700, width: 800, height: 100 }, card);
    expect(p.side).toBe('corner');
    expect(p.covers).toBe(true);
  });
});
