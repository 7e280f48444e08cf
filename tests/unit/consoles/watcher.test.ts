// @vitest-environment happy-dom
import { createProfileAdapter } from '@/lib/consoles/profile';
import type { ChatMessage } from '@/lib/consoles/types';
import { watchConsole } from '@/lib/consoles/watcher';

const profile = {
  id: 't',
  name: 'T',
  matches: ['http://localhost/*'],
  messageList: '.log',
  message: '.msg',
  buyerMessage: '.buyer',
  replyBox: 'textarea',
  conversationName: '.nick',
  verified: false,
};

function row(text: string, side: 'buyer' | 'agent') {
  const el = document.createElement('div');
  el.className = `msg ${side}`;
  el.textContent = text;
  return el;
}

function setup(history: [string, 'buyer' | 'agent'][] = []) {
  document.body.textContent = '';
  const nick = document.createElement('span');
  nick.className = 'nick';
  nick.textContent = 'A';
  const log = document.createElement('div');
  log.className = 'log';
  log.append(...history.map(([t, s]) => row(t, s)));
  document.body.append(nick, log, document.createElement('textarea'));
  const buyer: ChatMessage[] = [];
  const agent: ChatMessage[] = [];
  const switches: string[] = [];
  const turns: [string, number][] = [];
  let clock = 0;
  const w = watchConsole(
    createProfileAdapter(profile),
    {
      onBuyerMessage: (m) => buyer.push(m),
      onAgentMessage: (m) => agent.push(m),
      onConversationChange: (c) => switches.push(c),
      onOpenTurn: (c, n) => turns.push([c, n]),
    },
    { settleMs: 100, now: () => clock },
  );
  const flush = () => new Promise((ok) => setTimeout(ok, 0));
  /** Waits until the open turn of the conversation opened `n`-th (1 = at start) was read. */
  const turnRead = (n: number) => vi.waitFor(() => expect(turns.length).toBeGreaterThanOrEqual(n), { timeout: 2000 });
  return { w, log, nick, buyer, agent, switches, turns, turnRead, flush, tick: (ms: number) => (clock += ms) };
}

/** Switch the fixture to conversation `name` showing `history` (a new set of rows in the same list). */
function open(s: ReturnType<typeof setup>, name: string, history: [string, 'buyer' | 'agent'][]) {
  s.nick.textContent = name;
  s.log.replaceChildren(...history.map(([t, side]) => row(t, side)));
}

describe('watchConsole', () => {
  it('ignores history, reports new buyer and agent messages once', async () => {
    const s = setup([
      ['在吗', 'buyer'],
      ['在的', 'agent'],
    ]);
    s.tick(200);
    s.log.append(row('什么时候发货', 'buyer'));
    await s.flush();
    s.log.append(row('今天发', 'agent'));
    await s.flush();
    expect(s.buyer.map((m) => m.text)).toEqual(['什么时候发货']);
    expect(s.agent.map((m) => m.text)).toEqual(['今天发']);
    expect(s.buyer[0].conversation).toBe('A');
    s.w.stop();
  });

  it('does not report rows re-rendered with the same texts', async () => {
    const s = setup([['在吗', 'buyer']]);
    s.tick(200);
    s.log.replaceChildren(row('在吗', 'buyer'));
    await s.flush();
    s.log.firstElementChild!.textContent = '在吗';
    await s.flush();
    expect(s.buyer).toEqual([]);
    s.w.stop();
  });

  it('reports the same text sent twice', async () => {
    const s = setup([['在吗', 'buyer']]);
    s.tick(200);
    s.log.append(row('在吗', 'buyer'));
    await s.flush();
    expect(s.buyer.map((m) => m.text)).toEqual(['在吗']);
    s.w.stop();
  });

  it('reports the open turn once the history of an opened conversation settled, not what the agent answered', async () => {
    const s = setup([
      ['在吗', 'buyer'],
      ['在的', 'agent'],
      ['什么时候发货', 'buyer'],
      ['能便宜点吗', 'buyer'],
    ]);
    expect(s.buyer).toEqual([]); // not before the history settled
    await s.turnRead(1);
    expect(s.buyer.map((m) => [m.text, m.openTurn])).toEqual([
      ['什么时候发货', true],
      ['能便宜点吗', true],
    ]);
    expect(s.turns).toEqual([['A', 2]]);
    s.w.stop();
  });

  it('reports nothing when the last message is the agent’s', async () => {
    const s = setup([
      ['什么时候发货', 'buyer'],
      ['今天发', 'agent'],
    ]);
    await s.turnRead(1);
    expect(s.buyer).toEqual([]);
    expect(s.turns).toEqual([['A', 0]]);
    s.w.stop();
  });

  it('reports at most the last five buyer rows of a long turn', async () => {
    const s = setup(['1', '2', '3', '4', '5', '6', '7'].map((t) => [t, 'buyer'] as [string, 'buyer']));
    await s.turnRead(1);
    expect(s.buyer.map((m) => m.text)).toEqual(['3', '4', '5', '6', '7']);
    s.w.stop();
  });

  it('a conversation switch reports the new open turn once; coming back or a re-render reports nothing', async () => {
    const s = setup([['在吗', 'buyer']]);
    await s.turnRead(1);
    expect(s.buyer.map((m) => [m.conversation, m.text])).toEqual([['A', '在吗']]);
    s.tick(200);
    open(s, 'B', [
      ['你好', 'buyer'],
      ['你好亲', 'agent'],
      ['有货吗', 'buyer'],
    ]);
    await s.flush();
    s.log.append(row('能便宜吗', 'buyer')); // still loading: part of the open turn, reported with it
    await s.flush();
    expect(s.switches).toEqual(['B']);
    expect(s.buyer).toHaveLength(1);
    await s.turnRead(2);
    expect(s.buyer.slice(1).map((m) => [m.conversation, m.text])).toEqual([
      ['B', '有货吗'],
      ['B', '能便宜吗'],
    ]);
    s.tick(200);
    open(s, 'A', [['在吗', 'buyer']]);
    await s.turnRead(3);
    open(s, 'B', [
      ['你好', 'buyer'],
      ['你好亲', 'agent'],
      ['有货吗', 'buyer'],
      ['能便宜吗', 'buyer'],
    ]);
    await s.turnRead(4);
    expect(s.turns.slice(2)).toEqual([
      ['A', 0],
      ['B', 0],
    ]);
    expect(s.buyer).toHaveLength(3);
    s.w.stop();
  });

  it('a new message reported live is not reported again when the conversation opens again', async () => {
    const s = setup([['在的', 'agent']]);
    await s.turnRead(1);
    s.tick(200);
    s.log.append(row('什么时候发货', 'buyer'));
    await s.flush();
    expect(s.buyer.map((m) => m.text)).toEqual(['什么时候发货']);
    open(s, 'B', [['hi', 'agent']]);
    await s.turnRead(2);
    s.tick(200);
    open(s, 'A', [
      ['在的', 'agent'],
      ['什么时候发货', 'buyer'],
    ]);
    await s.turnRead(3);
    expect(s.buyer.map((m) => m.text)).toEqual(['什么时候发货']);
    s.w.stop();
  });

  it('the same question in a later turn is open again', async () => {
    const s = setup([
      ['在吗', 'buyer'],
      ['在的', 'agent'],
      ['在吗', 'buyer'],
    ]);
    await s.turnRead(1);
    expect(s.buyer.map((m) => m.text)).toEqual(['在吗']);
    s.w.stop();
  });

  it('the list element replaced by a re-render of the same history reports nothing new', async () => {
    const s = setup([
      ['在的', 'agent'],
      ['有货吗', 'buyer'],
    ]);
    await s.turnRead(1);
    const fresh = document.createElement('div');
    fresh.className = 'log';
    fresh.append(row('在的', 'agent'), row('有货吗', 'buyer'));
    s.log.replaceWith(fresh);
    await s.turnRead(2);
    expect(s.turns).toEqual([
      ['A', 1],
      ['A', 0],
    ]);
    s.w.stop();
  });

  it('treats a large batch of rows (older history loading) as history', async () => {
    const s = setup([['在吗', 'buyer']]);
    s.tick(200);
    s.log.append(row('1', 'buyer'), row('2', 'agent'), row('3', 'buyer'), row('4', 'buyer'));
    await s.flush();
    expect(s.buyer).toEqual([]);
    s.w.stop();
  });

  it('keeps watching when a listener throws', async () => {
    const s = setup();
    const errors: unknown[] = [];
    s.w.stop();
    const w = watchConsole(
      createProfileAdapter(profile),
      {
        onBuyerMessage: () => {
          throw new Error('boom');
        },
      },
      { settleMs: 0, onError: (e) => errors.push(e) },
    );
    await new Promise((ok) => setTimeout(ok, 5));
    s.log.append(row('a', 'buyer'));
    await s.flush();
    s.log.append(row('b', 'buyer'));
    await s.flush();
    expect(errors).toHaveLength(2);
    w.stop();
  });

  it('resolves ready once the list is there and settled', async () => {
    const s = setup([['在吗', 'buyer']]);
    await expect(s.w.ready).resolves.toBeUndefined();
    s.w.stop();
  });
});

describe('watchConsole signals', () => {
  it('reports every check of the page with how many rows were new, and when history settled', async () => {
    document.body.textContent = '';
    const nick = document.createElement('span');
    nick.className = 'nick';
    nick.textContent = 'A';
    const log = document.createElement('div');
    log.className = 'log';
    log.append(row('在吗', 'buyer'));
    document.body.append(nick, log, document.createElement('textarea'));
    const checks: number[] = [];
    const settled: string[] = [];
    let clock = 0;
    const w = watchConsole(
      createProfileAdapter(profile),
      { onCheck: (fresh) => checks.push(fresh), onSettled: (c) => settled.push(c) },
      { settleMs: 20, now: () => clock },
    );
    expect(checks).toEqual([0]);
    await vi.waitFor(() => expect(settled).toEqual(['A']));
    clock += 100;
    log.append(row('什么时候发货', 'buyer'));
    await new Promise((ok) => setTimeout(ok, 0));
    expect(checks).toEqual([0, 1]);
    // A re-render of the same rows, or a change outside the list, is checked (a signal to wait for) and
    // passes nothing on.
    log.replaceChildren(row('在吗', 'buyer'), row('什么时候发货', 'buyer'));
    await new Promise((ok) => setTimeout(ok, 0));
    document.body.append(document.createElement('p'));
    await new Promise((ok) => setTimeout(ok, 0));
    expect(checks).toEqual([0, 1, 0, 0]);
    w.stop();
  });

  it('a throwing listener does not stop the watcher', async () => {
    const s = setup();
    const errors: unknown[] = [];
    const w = watchConsole(
      createProfileAdapter(profile),
      {
        onCheck: () => {
          throw new Error('listener');
        },
      },
      { onError: (e) => errors.push(e) },
    );
    expect(errors).toHaveLength(1);
    w.check();
    expect(errors).toHaveLength(2);
    w.stop();
    s.w.stop();
  });
});
