import { describe, expect, it } from 'vitest';
import { detect, isSocial, partKind } from '@/lib/match/question-detect';
import { detectRegister } from '@/lib/match/register';

describe('question detection', () => {
  it.each([
    '什么时候发货',
    '能开发票吗',
    '这个耳机防不防水',
    '保修多久？',
    '能便宜点不',
    '有发票没有',
    '选黑色还是白色',
    'when will it ship',
    'Can I get a refund?',
    'is it waterproof',
  ])('%s is a question', (text) => {
    expect(partKind(text, false)).toBe('question');
  });

  it.each(['想换个颜色', '麻烦帮我改一下地址', 'I want to return it'])('%s is a request', (text) => {
    expect(partKind(text, false)).toBe('request');
  });

  it.each(['屏幕碎了', '发错货了', '买了好几次了'])('%s is a statement', (text) => {
    expect(partKind(text, false)).toBe('statement');
  });

  it.each([
    '在吗',
    '好的亲',
    '谢谢～',
    '嗯嗯',
    '已拍 多谢',
    '收到啦 很喜欢💕',
    '快递到了 谢谢',
    '谢谢 问题已经解决了',
    '修好了 能用了',
    '行吧 我再对比对比',
    '我先去逛逛别家',
    '好的 我等你们通知',
    '那我先去付款',
    '那我再考虑一下',
    'OK thanks!',
    'Thank you, got it',
    "I'll think about it",
    '👍',
    '哈哈哈',
  ])('%s needs no answer', (text) => {
    expect(detect(text).needsAnswer).toBe(false);
  });

  it.each([
    '你们收到了吗',
    '好了没',
    '货到了吗',
    '收到货了 怎么少了一件',
    '等快递等得太慢了',
    '我去申请退款了 多久到账',
  ])('a social word asked about or next to a complaint (%s) still needs an answer', (text) => {
    expect(detect(text).needsAnswer).toBe(true);
  });

  it('asking someone else first is not dropped: stores keep a script for that moment', () => {
    expect(detect('那我回去问问我老公吧').needsAnswer).toBe(true);
  });

  it.each(['还是', '那个', '是不是'])('a bare function word (%s) is not social', (text) => {
    expect(isSocial(text)).toBe(false);
  });

  it('a statement complaint still needs an answer', () => {
    const d = detect('耳机左边没声音了');
    expect(d.needsAnswer).toBe(true);
    expect(d.parts).toEqual([{ text: '耳机左边没声音了', kind: 'statement' }]);
  });

  it('drops the greeting and keeps the question', () => {
    const d = detect('你好，在吗？请问什么时候发货');
    expect(d.parts.map((p) => p.text)).toEqual(['请问什么时候发货']);
  });
});

describe('splitting', () => {
  it('splits two questions', () => {
    expect(detect('什么时候发货？能开发票吗').parts.map((p) => p.text)).toEqual(['什么时候发货', '能开发票吗']);
  });

  it('splits on spaces between Chinese questions', () => {
    expect(detect('保修多久 电池能用几年').parts).toHaveLength(2);
  });

  it('keeps context clauses with their question', () => {
    const d = detect('上周买的耳机，订单尾号 5521，左边没声音，怎么处理');
    expect(d.parts).toHaveLength(1);
    expect(d.parts[0].kind).toBe('question');
    expect(d.parts[0].focus).toBe('怎么处理');
  });

  it('attaches a trailing statement to the question before it', () => {
    expect(detect('能换白色吗 不想要黑的了').parts).toEqual([{ text: '能换白色吗 不想要黑的了', kind: 'question' }]);
  });

  it('keeps an English sentence whole', () => {
    expect(detect('What size should I get? I am 170cm').parts).toHaveLength(1);
  });

  it('"好几次" is not a question', () => {
    expect(partKind('买了好几次了', false)).toBe('statement');
  });
});

describe('register', () => {
  it.each([
    ['您好，请问什么时候发货', 'formal'],
    ['麻烦您帮我看一下物流', 'formal'],
    ['Could you kindly tell me when it ships?', 'formal'],
    ['亲 啥时候发货呀😂', 'friendly'],
    ['发了没啦', 'friendly'],
    ['什么时候发货', 'friendly'],
    ['hey when u ship lol', 'friendly'],
  ])('%s → %s', (text, register) => {
    expect(detectRegister(text)).toBe(register);
  });
});
