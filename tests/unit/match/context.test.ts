import { describe, expect, it } from 'vitest';
import { followUpOf, isAcknowledgement } from '@/lib/match/context';
import { detect } from '@/lib/match/question-detect';
import { buildEngine } from '@/lib/match/engine';
import { parsePack } from '@/lib/pack/parse';
import type { ConversationContext } from '@/lib/match/types';

/** A small shop written for these tests. */
const parsed = parsePack(
  JSON.stringify({
    format: 'huashu.pack',
    version: 1,
    pack: { id: 'ctx', name: '测试店' },
    scripts: [
      {
        id: 'cancel-order',
        questions: ['怎么取消订单', '拍错了能取消吗'],
        keywords: ['取消', '取消订单'],
        answers: [{ text: '亲，没发货的话直接申请退款就行～', tone: 'friendly' }],
      },
      {
        id: 'ship-time',
        questions: ['什么时候发货', '今天能发吗'],
        keywords: ['发货'],
        answers: [{ text: '亲，四点前付款当天发～', tone: 'friendly' }],
      },
      {
        id: 'damaged',
        questions: ['收到破损怎么办', '箱子压坏了'],
        keywords: ['破损', '压坏', '拍照'],
        answers: [{ text: '亲，拍下破损的图片发我，给您补发～', tone: 'friendly' }],
      },
    ],
  }),
);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const engine = buildEngine([parsed.pack]);
const afterAgent: ConversationContext = {
  turns: [
    { from: 'buyer', text: '拍错了能取消吗' },
    { from: 'agent', text: '亲，没发货的话直接申请退款就行' },
  ],
};
const ids = (text: string, context?: ConversationContext) =>
  engine.suggest(text, { context }).suggestions.map((s) => s.scriptId);

describe('conversation context', () => {
  it.each(['好的那我取消', '好吧 那我取消', '嗯嗯 我取消一下', 'ok 那我取消'])(
    '%s after the agent replied needs no card, on its own it is matched',
    (text) => {
      expect(ids(text, afterAgent)).toEqual([]);
      expect(ids(text)).toContain('cancel-order');
    },
  );

  it('an acknowledgement that asks something is still answered', () => {
    expect(ids('好的 今天能发吗', afterAgent)[0]).toBe('ship-time');
  });

  it('reads the context only right after an agent row', () => {
    const afterBuyer: ConversationContext = { turns: [...afterAgent.turns, { from: 'buyer', text: '嗯' }] };
    expect(isAcknowledgement('好的那我取消', afterBuyer)).toBe(false);
    expect(isAcknowledgement('好的那我取消', afterAgent)).toBe(true);
    expect(isAcknowledgement('好看吗', afterAgent)).toBe(false);
    expect(ids('好的那我取消', { turns: [] })).toContain('cancel-order');
  });
});

describe('follow-ups', () => {
  const asked: ConversationContext = {
    turns: [
      { from: 'buyer', text: '箱子压坏了' },
      { from: 'agent', text: '亲，拍下图片发我' },
    ],
  };
  it('a follow-up question that finds nothing alone is read with the buyer’s previous row', () => {
    expect(ids('那要是没拍呢')).toEqual([]);
    expect(ids('那要是没拍呢', asked)[0]).toBe('damaged');
  });
  it('a statement or a long unrelated question is not', () => {
    expect(followUpOf('我再看看', 'statement', asked)).toBeUndefined();
    expect(followUpOf('你们的实体店在什么地方呀请问一下', 'question', asked)).toBeUndefined();
    expect(followUpOf('那要是没拍呢', 'question', { turns: asked.turns.slice(0, 1) })).toBeUndefined();
  });
});

describe('console placeholders and order references', () => {
  it.each([
    '[图片]',
    '[表情] [图片]',
    '订单4208812273651',
    '订单号：5520193847721',
    '单号 YT8830192746',
    'order #12345678',
  ])('%s alone needs no card', (text) => {
    expect(detect(text).needsAnswer).toBe(false);
    expect(ids(text)).toEqual([]);
  });

  it('the question around them is still matched', () => {
    expect(ids('订单4208812273651 [图片] 箱子压坏了怎么办')[0]).toBe('damaged');
  });
});
