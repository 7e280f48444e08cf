// @vitest-environment happy-dom
/**
 * The watcher reads only what a mutation touched (issue 12 item 6): its snapshot must stay what a full read
 * gives after appends, prepends, edits, removals and a replaced pane, without listing every row per message.
 */
import fc from 'fast-check';
import { createGenericAdapter } from '@/lib/consoles/generic';
import { createProfileAdapter } from '@/lib/consoles/profile';
import type { ChatMessage, ConsoleAdapter } from '@/lib/consoles/types';
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

type Side = 'buyer' | 'agent';

function row(text: string, side: Side) {
  const el = document.createElement('div');
  el.className = `msg ${side}`;
  // A bubble inside the row, like real consoles (an edit changes a descendant's text).
  const bubble = document.createElement('span');
  bubble.className = 'bubble';
  bubble.textContent = text;
  el.append(bubble);
  return el;
}

/** Counts full listings (messages()) of an adapter. */
function counted(adapter: ConsoleAdapter) {
  let listings = 0;
  const wrapped: ConsoleAdapter = Object.create(adapter);
  wrapped.messages = () => {
    listings++;
    return adapter.messages();
  };
  return { adapter: wrapped, listings: () => listings };
}

/** The same adapter without the incremental methods: the watcher then lists every row on each change. */
function fullOnly(adapter: ConsoleAdapter): ConsoleAdapter {
  const wrapped: ConsoleAdapter = Object.create(adapter);
  Object.defineProperty(wrapped, 'messagesAfter', { value: undefined });
  Object.defineProperty(wrapped, 'messagesBefore', { value: undefined });
  return wrapped;
}

const kinds = {
  profile: () => createProfileAdapter(profile),
  generic: () => createGenericAdapter(),
};

function setup(kind: keyof typeof kinds, history: [string, Side][]) {
  document.body.textContent = '';
  const nick = document.createElement('span');
  nick.className = 'nick';
  nick.textContent = 'A';
  const log = document.createElement('div');
  log.className = 'log';
  log.setAttribute('role', 'log');
  log.append(...history.map(([t, s]) => row(t, s)));
  document.body.append(nick, log, document.createElement('textarea'));
  const base = kinds[kind]();
  const { adapter, listings } = counted(base);
  let clock = 0;
  const buyer: ChatMessage[] = [];
  const agent: ChatMessage[] = [];
  const w = watchConsole(
    adapter,
    { onBuyerMessage: (m) => buyer.push(m), onAgentMessage: (m) => agent.push(m) },
    { settleMs: 1, now: () => clock },
  );
  clock = 100; // history settled
  const flush = () => new Promise((ok) => setTimeout(ok, 0));
  /** What a full read of the page gives. */
  const full = () =>
    base
      .messages()
      .map((r) => base.text(r))
      .filter(Boolean);
  return { w, log, nick, buyer, agent, flush, full, listings, base, tick: (ms: number) => (clock += ms) };
}

const history: [string, Side][] = Array.from({ length: 50 }, (_, i) => [`第 ${i} 条`, i % 2 ? 'agent' : 'buyer']);

describe.each(['profile', 'generic'] as const)('incremental reading (%s adapter)', (kind) => {
  it('appends: reports the new row without listing every row again', async () => {
    const s = setup(kind, history);
    await s.flush();
    const before = s.listings();
    for (let i = 0; i < 5; i++) {
      s.log.append(row(`新消息 ${i}`, 'buyer'));
      await s.flush();
    }
    expect(s.buyer.map((m) => m.text)).toEqual([0, 1, 2, 3, 4].map((i) => `新消息 ${i}`));
    expect(s.listings() - before).toBe(0);
    expect(s.w.texts()).toEqual(s.full());
    s.w.stop();
  });

  it('prepends older history: kept as history, nothing reported, no full listing', async () => {
    const s = setup(kind, history);
    await s.flush();
    const before = s.listings();
    s.log.prepend(row('更早的 1', 'buyer'), row('更早的 2', 'agent'));
    await s.flush();
    expect(s.w.texts()).toEqual(s.full());
    expect(s.w.texts().slice(0, 2)).toEqual(['更早的 1', '更早的 2']);
    expect(s.buyer).toEqual([]);
    expect(s.listings() - before).toBe(0);
    s.log.append(row('现在的问题', 'buyer'));
    await s.flush();
    expect(s.buyer.map((m) => m.text)).toEqual(['现在的问题']);
    s.w.stop();
  });

  it('edits in place: the row’s new text is read; a middle edit reports nothing, the last row’s is new', async () => {
    const s = setup(kind, history);
    await s.flush();
    const before = s.listings();
    s.log.children[10].querySelector('.bubble')!.firstChild!.nodeValue = '改过的第 10 条';
    await s.flush();
    expect(s.w.texts()[10]).toBe('改过的第 10 条');
    expect(s.w.texts()).toEqual(s.full());
    expect(s.buyer).toEqual([]);
    s.log.append(row('对方正在输入…', 'buyer'));
    await s.flush();
    s.log.lastElementChild!.querySelector('.bubble')!.textContent = '什么时候发货';
    await s.flush();
    expect(s.buyer.map((m) => m.text)).toEqual(['对方正在输入…', '什么时候发货']);
    expect(s.w.texts().at(-1)).toBe('什么时候发货');
    expect(s.listings() - before).toBe(0);
    s.w.stop();
  });

  it('a row rendered empty is picked up when its text arrives', async () => {
    const s = setup(kind, history);
    await s.flush();
    const empty = row('', 'buyer');
    s.log.append(empty);
    await s.flush();
    expect(s.buyer).toEqual([]);
    empty.querySelector('.bubble')!.textContent = '有货吗';
    await s.flush();
    expect(s.buyer.map((m) => m.text)).toEqual(['有货吗']);
    expect(s.w.texts()).toEqual(s.full());
    s.w.stop();
  });

  it('removes: rows leave the snapshot, nothing is reported, the next message still is', async () => {
    const s = setup(kind, history);
    await s.flush();
    s.log.children[3].remove();
    s.log.lastElementChild!.remove();
    await s.flush();
    expect(s.w.texts()).toEqual(s.full());
    expect(s.w.texts()).not.toContain('第 3 条');
    expect(s.buyer).toEqual([]);
    expect(s.agent).toEqual([]);
    s.log.append(row('还在吗', 'buyer'));
    await s.flush();
    expect(s.buyer.map((m) => m.text)).toEqual(['还在吗']);
    s.w.stop();
  });

  it('replace-all with the same rows (a re-render) reports nothing; with other rows the snapshot follows', async () => {
    const s = setup(kind, history);
    await s.flush();
    s.log.replaceChildren(...history.map(([t, side]) => row(t, side)));
    await s.flush();
    expect(s.buyer).toEqual([]);
    expect(s.agent).toEqual([]);
    expect(s.w.texts()).toEqual(s.full());
    s.log.replaceChildren(row('另一段', 'agent'), row('别的', 'buyer'));
    await s.flush();
    expect(s.w.texts()).toEqual(['另一段', '别的']);
    s.w.stop();
  });

  it('a row inserted in the middle is read (history, not reported)', async () => {
    const s = setup(kind, history);
    await s.flush();
    s.log.insertBefore(row('插入的', 'buyer'), s.log.children[20]);
    await s.flush();
    expect(s.w.texts()).toEqual(s.full());
    expect(s.buyer).toEqual([]);
    s.w.stop();
  });
});

/** One change to the chat pane, drawn by fast-check. */
type Op =
  | { op: 'append'; text: string; side: Side; n: number }
  | { op: 'prepend'; text: string; side: Side; n: number }
  | { op: 'insert'; text: string; side: Side; at: number }
  | { op: 'edit'; at: number; text: string }
  | { op: 'remove'; at: number }
  | { op: 'move'; at: number }
  | { op: 'replace'; texts: string[] };

const text = fc.constantFrom('在吗', '有货吗', '好的', '什么时候发货', '能便宜点吗', '', '谢谢');
const side = fc.constantFrom<Side>('buyer', 'agent');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('append' as const), text, side, n: fc.integer({ min: 1, max: 5 }) }),
  },
  fc.record({ op: fc.constant('prepend' as const), text, side, n: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ op: fc.constant('insert' as const), text, side, at: fc.nat() }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant('edit' as const), at: fc.nat(), text }) },
  fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('move' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), texts: fc.array(text, { maxLength: 6 }) }),
);

function apply(log: Element, o: Op) {
  const rows = log.children;
  const pick = (at: number) => rows[at % Math.max(1, rows.length)] ?? null;
  switch (o.op) {
    case 'append':
      for (let i = 0; i < o.n; i++) log.append(row(o.text && `${o.text}${i}`, o.side));
      break;
    case 'prepend':
      log.prepend(...Array.from({ length: o.n }, (_, i) => row(o.text && `${o.text}-${i}`, o.side)));
      break;
    case 'insert':
      log.insertBefore(row(o.text, o.side), pick(o.at));
      break;
    case 'edit': {
      const b = pick(o.at)?.querySelector('.bubble');
      if (b) b.textContent = o.text;
      break;
    }
    case 'remove':
      pick(o.at)?.remove();
      break;
    case 'move': {
      const r = pick(o.at);
      if (r) log.append(r);
      break;
    }
    case 'replace':
      log.replaceChildren(...o.texts.map((t, i) => row(t, i % 2 ? 'agent' : 'buyer')));
      break;
  }
}

describe.each(['profile', 'generic'] as const)('incremental = full reading, random changes (%s)', (kind) => {
  it('keeps the snapshot of a full read and reports what a full-reading watcher reports', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        const s = setup(kind, history.slice(0, 8));
        const ref: string[] = [];
        const got: string[] = [];
        const key = (m: ChatMessage) => `${m.from}:${m.text}`;
        s.w.stop();
        let clock = 0;
        const opts = { settleMs: 1, now: () => clock };
        const incremental = watchConsole(
          s.base,
          { onBuyerMessage: (m) => got.push(key(m)), onAgentMessage: (m) => got.push(key(m)) },
          opts,
        );
        const reference = watchConsole(
          fullOnly(s.base),
          { onBuyerMessage: (m) => ref.push(key(m)), onAgentMessage: (m) => ref.push(key(m)) },
          opts,
        );
        clock = 100;
        await new Promise((ok) => setTimeout(ok, 5)); // both read the (answered) open turn
        try {
          for (const o of ops) {
            apply(s.log, o);
            await s.flush();
            expect(incremental.texts()).toEqual(s.full());
            expect(got).toEqual(ref);
          }
        } finally {
          incremental.stop();
          reference.stop();
        }
      }),
      { numRuns: 60 },
    );
  });
});
