import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUYER_TYPES, detectBuyerType, type BuyerType } from '@/lib/match/buyer-type';

type Label = BuyerType | 'none';
const conversations = readFileSync('tests/fixtures/buyer-types.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; type: Label; turns: { from: 'buyer' | 'agent'; text: string }[] });
const buyerRows = (c: (typeof conversations)[number]) => c.turns.filter((t) => t.from === 'buyer').map((t) => t.text);

describe('detectBuyerType', () => {
  it.each([
    [['在吗', '在吗', '人呢'], 'impatient'],
    [['多少毫安的', '支持65W快充吗'], 'expert'],
    [['我再想想', '问问我老婆'], 'hesitant'],
    [['是正品吗', '能保证吗'], 'suspicious'],
    [['发货前检查一下有没有线头', '不能有瑕疵'], 'picky'],
    [['包邮吗'], 'none'],
  ] as const)('%j → %s', (rows, type) => {
    expect(detectBuyerType(rows)).toBe(type);
  });

  it('reads all buyer rows, not one message', () => {
    expect(detectBuyerType(['是正品吗'])).toBe('none');
    expect(detectBuyerType(['是正品吗', '包邮吗', '能保证吗'])).toBe('suspicious');
  });

  it('labelled conversations (tests/fixtures/buyer-types.jsonl): accuracy', () => {
    const wrong = conversations.filter((c) => detectBuyerType(buyerRows(c)) !== c.type);
    const accuracy = 1 - wrong.length / conversations.length;
    const per = (['none', ...BUYER_TYPES] as Label[]).map((t) => {
      const of = conversations.filter((c) => c.type === t);
      return `${t} ${of.filter((c) => detectBuyerType(buyerRows(c)) === t).length}/${of.length}`;
    });
    console.log(
      `buyer-type accuracy ${accuracy.toFixed(3)} on ${conversations.length} conversations (${per.join(', ')})`,
      wrong
        .map((c) => `\n  ${c.id} ${c.type} ← ${detectBuyerType(buyerRows(c))}: ${buyerRows(c).join(' / ')}`)
        .join(''),
    );
    expect(conversations.length).toBeGreaterThanOrEqual(60);
    for (const t of ['none', ...BUYER_TYPES]) expect(conversations.some((c) => c.type === t)).toBe(true);
    expect(accuracy).toBeGreaterThanOrEqual(0.75);
  });
});
