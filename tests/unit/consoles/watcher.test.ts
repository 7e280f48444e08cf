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
  let clock = 0;
  const w = watchConsole(
    createProfileAdapter(profile),
    {
      onBuyerMessage: (m) => buyer.push(m),
      onAgentMessage: (m) => agent.push(m),
      onConversationChange: (c) => switches.push(c),
    },
    { settleMs: 100, now: () => clock },
  );
  const flush = () => new Promise((ok) => setTimeout(ok, 0));
  return { w, log, nick, buyer, agent, switches, flush, tick: (ms: number) => (clock += ms) };
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

  it('treats a conversation switch and what loads right after it as history', async () => {
    const s = setup([['在吗', 'buyer']]);
    s.tick(200);
    s.nick.textContent = 'B';
    s.log.replaceChildren(row('你好', 'buyer'));
    await s.flush();
    s.log.append(row('有货吗', 'buyer'));
    await s.flush();
    expect(s.switches).toEqual(['B']);
    expect(s.buyer).toEqual([]);
    s.tick(200);
    s.log.append(row('能便宜吗', 'buyer'));
    await s.flush();
    expect(s.buyer.map((m) => [m.conversation, m.text])).toEqual([['B', '能便宜吗']]);
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
