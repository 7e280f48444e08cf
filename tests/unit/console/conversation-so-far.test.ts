// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { conversationSoFar, MAX_BUYER_ROWS, type RowSnapshot } from '@/components/console/conversation-so-far';
import type { ChatMessage, ConsoleAdapter } from '@/lib/consoles/types';
import { contextFrom, MAX_CONTEXT_TEXT } from '@/lib/match/context';
import { MAX_CONTEXT_TURNS } from '@/lib/match/types';

/** A conversation as rows: `b:` buyer, `a:` agent. */
function adapterOf(lines: string[]): { adapter: ConsoleAdapter; rows: Element[]; snap: RowSnapshot } {
  const rows = lines.map((l) => {
    const el = document.createElement('div');
    el.dataset.from = l.startsWith('b:') ? 'buyer' : 'agent';
    el.textContent = l.slice(2);
    return el;
  });
  const adapter: ConsoleAdapter = {
    id: 'test',
    name: 'test',
    messageList: () => null,
    messages: () => rows,
    isBuyer: (r) => (r as HTMLElement).dataset.from === 'buyer',
    text: (r) => r.textContent?.trim() ?? '',
    replyBox: () => null,
    conversationName: () => undefined,
    orderId: () => undefined,
  };
  return { adapter, rows, snap: { rows, texts: rows.map((r) => adapter.text(r)) } };
}

const message = (row: Element, text: string): ChatMessage => ({ text, from: 'buyer', conversation: 'c', row, at: 0 });

describe('conversationSoFar', () => {
  it('gives the rows before the message, both sides, oldest first, the message left out', () => {
    const { adapter, rows, snap } = adapterOf([
      'b:可以退货吗',
      'a:亲，支持七天无理由',
      'b:那拆了包装呢',
      'b:后面的不算',
    ]);
    const got = conversationSoFar(adapter, snap, message(rows[2], '那拆了包装呢'));
    expect(got.turns).toEqual([
      { from: 'buyer', text: '可以退货吗' },
      { from: 'agent', text: '亲，支持七天无理由' },
    ]);
    expect(got.buyerRows).toEqual(['可以退货吗', '那拆了包装呢']);
  });

  it('keeps the newest MAX_CONTEXT_TURNS rows and MAX_BUYER_ROWS buyer rows, skips empty rows', () => {
    const lines = Array.from({ length: 40 }, (_, i) => (i % 4 === 3 ? `a:答${i}` : `b:问${i}`));
    lines.splice(38, 0, 'a:  ');
    const { adapter, rows, snap } = adapterOf(lines);
    // rows[38] is the empty agent row, rows[39] the buyer's 问38, rows[40] the agent's 答39.
    const got = conversationSoFar(adapter, snap, message(rows[39], '问38'));
    expect(got.turns).toHaveLength(MAX_CONTEXT_TURNS);
    expect(got.turns.at(-1)).toEqual({ from: 'buyer', text: '问37' });
    expect(got.turns.some((t) => t.text === '')).toBe(false);
    expect(got.buyerRows).toHaveLength(MAX_BUYER_ROWS);
    expect(got.buyerRows.at(-1)).toBe('问38');
  });

  it('reads the whole history when the message row is no longer on screen', () => {
    const { adapter, rows, snap } = adapterOf(['b:在吗', 'a:在的亲']);
    const gone = document.createElement('div');
    expect(conversationSoFar(adapter, snap, message(gone, '发货了吗')).turns.map((t) => t.from)).toEqual([
      'buyer',
      'agent',
    ]);
    expect(rows).toHaveLength(2);
  });
});

describe('contextFrom (what the background accepts from a content script)', () => {
  it('keeps well-formed rows only, the newest ones, each cut', () => {
    const long = '长'.repeat(MAX_CONTEXT_TEXT + 50);
    const got = contextFrom({
      turns: [
        { from: 'system', text: '订单已发货' },
        { from: 'buyer', text: 42 },
        null,
        { from: 'buyer', text: '   ' },
        { from: 'agent', text: long },
        { from: 'buyer', text: '那明天呢' },
      ],
    });
    expect(got?.turns).toEqual([
      { from: 'agent', text: long.slice(0, MAX_CONTEXT_TEXT) },
      { from: 'buyer', text: '那明天呢' },
    ]);
  });

  it('reads nothing from what is not a context', () => {
    for (const v of [undefined, null, 'x', 3, {}, { turns: 'x' }, { turns: [] }, { turns: [{ from: 'x' }] }])
      expect(contextFrom(v)).toBeUndefined();
    const many = Array.from({ length: 20 }, (_, i) => ({ from: 'buyer', text: `t${i}` }));
    expect(contextFrom({ turns: many })?.turns.map((t) => t.text)).toEqual(
      many.slice(-MAX_CONTEXT_TURNS).map((t) => t.text),
    );
  });
});
