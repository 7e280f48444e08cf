// @vitest-environment happy-dom
/**
 * The card's actions on its state (components/card/actions.ts), with a fake console: what lands in the
 * reply box, what usage is recorded, the gift budget, the delayed library search.
 */
import { createCardActions, SEARCH_DELAY_MS, type CardActionDeps } from '@/components/card/actions';
import { createContentStore, patchCard } from '@/components/card/store';
import type { ConsoleAdapter } from '@/lib/consoles/types';
import type { UsageEvent } from '@/lib/library/usage';
import type { PageCapture, SuggestionView } from '@/lib/messaging';
import { scriptSchema, type Script } from '@/lib/pack/schema';

const script = (input: Parameters<typeof scriptSchema.parse>[0]): Script => scriptSchema.parse(input);
const shipping = script({
  id: 'ship-time',
  questions: ['when do you ship'],
  answers: [
    { text: '{buyer} 亲～今天下单今天发哦', tone: 'friendly' },
    { text: '{buyer} 您好，订单 {order_id} 将于今日发出。', tone: 'formal' },
  ],
  followUps: [{ text: '要黑色还是白色？', options: ['黑色', '白色'] }],
});
const discount = script({
  id: 'no-discount',
  questions: ['can you give a discount'],
  answers: [{ text: '价格已经是最低了。' }],
  refusal: true,
  compensations: [
    { kind: 'gift', text: '送您一个手机挂绳', cost: 5 },
    { kind: 'gift', text: '送您一个帆布袋', cost: 30 },
  ],
});
const view = (s: Script): SuggestionView => ({
  packId: 'p',
  scriptId: s.id,
  title: s.id,
  score: 1,
  confidence: 0.9,
  part: 'x',
  packName: 'P',
  script: s,
});

function setup(over: Partial<CardActionDeps> = {}, box: HTMLElement | null = document.createElement('textarea')) {
  document.body.replaceChildren(...(box ? [box] : []));
  const adapter = {
    id: 'fixture',
    replyBox: () => box,
    conversationName: () => '小雨',
    orderId: () => 'TB123',
  } as unknown as ConsoleAdapter;
  const store = createContentStore({ conversation: '小雨', budgetLeft: 10 });
  const usage: UsageEvent[] = [];
  const logged: PageCapture[] = [];
  let spent = 0;
  const timers: (() => void)[] = [];
  const deps: CardActionDeps = {
    store,
    adapter: () => adapter,
    search: async (q) => [view(q.includes('发') ? shipping : discount)],
    recordUsage: async (e) => void usage.push(e),
    budget: { left: async () => 10 - spent, spend: async (c) => void (spent += c) },
    later: (fn) => timers.push(fn),
    onLogPromise: (c) => logged.push(c),
    onLogFeedback: (c) => logged.push(c),
    teach: () => {},
    reposition: () => {},
    rememberCollapsed: async () => {},
    ...over,
  };
  return { actions: createCardActions(deps), store, usage, logged, timers, box, spent: () => spent };
}

const settle = () => new Promise((ok) => setTimeout(ok, 0));

describe('createCardActions', () => {
  it('inserts the answer in the card’s tone with the buyer filled in, and records the insert with its rank', () => {
    const s = setup();
    patchCard(s.store, '小雨', () => ({ status: 'ready', message: '啥时候发货', toneOverride: 'formal' }));
    s.actions.insertAnswer(view(shipping), 1);
    expect((s.box as HTMLTextAreaElement).value).toBe('小雨 您好，订单 TB123 将于今日发出。');
    expect(s.usage).toEqual([
      expect.objectContaining({ kind: 'insert', scriptId: 'ship-time', rank: 1, message: '啥时候发货' }),
    ]);
    expect(s.store.getState().cards['小雨'].selected).toBe(1);
  });

  it('records a miss with the buyer’s message when the agent inserts a search result or one ranked below 3', () => {
    const s = setup();
    patchCard(s.store, '小雨', () => ({ status: 'ready', message: '邮费谁出' }));
    s.actions.insertSearchResult(view(discount), 0);
    s.actions.insertAnswer(view(shipping), 3); // the same question: one miss is enough
    patchCard(s.store, '小雨', () => ({ message: '包邮吗', missed: false }));
    s.actions.insertAnswer(view(shipping), 2);
    s.actions.insertAnswer(view(shipping), 3);
    expect(s.usage).toEqual([
      expect.objectContaining({ kind: 'insert', scriptId: 'no-discount', rank: -1, message: '邮费谁出' }),
      { kind: 'miss', packId: 'p', scriptId: 'no-discount', rank: -1, message: '邮费谁出' },
      expect.objectContaining({ kind: 'insert', scriptId: 'ship-time', rank: 3, message: '邮费谁出' }),
      expect.objectContaining({ kind: 'insert', scriptId: 'ship-time', rank: 2, message: '包邮吗' }),
      expect.objectContaining({ kind: 'insert', scriptId: 'ship-time', rank: 3, message: '包邮吗' }),
      { kind: 'miss', packId: 'p', scriptId: 'ship-time', rank: 3, message: '包邮吗' },
    ]);
  });

  it('an answer to an earlier question of the turn is recorded with that question', () => {
    const s = setup();
    patchCard(s.store, '小雨', () => ({ status: 'ready', message: '能便宜吗' }));
    s.actions.insertAnswer(view(shipping), 0, '什么时候发货');
    expect(s.usage).toEqual([expect.objectContaining({ kind: 'insert', rank: 0, message: '什么时候发货' })]);
  });

  it('without a reply box says so on the card and records nothing', () => {
    const s = setup({}, null);
    s.actions.insertAnswer(view(shipping), 0);
    expect(s.store.getState().notice).toBe('noReplyBox');
    expect(s.usage).toEqual([]);
  });

  it('a gift over the budget left is not inserted; one within it is, and spends', async () => {
    const s = setup();
    s.actions.insertCompensation(view(discount), discount.compensations[1]);
    await settle();
    expect((s.box as HTMLTextAreaElement).value).toBe('');
    s.actions.insertCompensation(view(discount), discount.compensations[0]);
    await vi.waitFor(() => expect(s.store.getState().budgetLeft).toBe(5));
    expect((s.box as HTMLTextAreaElement).value).toBe('送您一个手机挂绳');
    expect(s.spent()).toBe(5);
  });

  it('inserts a follow-up’s options as a multiple-choice question', () => {
    const s = setup();
    s.actions.insertFollowUp(view(shipping), shipping.followUps[0]);
    expect((s.box as HTMLTextAreaElement).value).toMatch(/黑色.*白色/);
  });

  it('searches after the typing pause and keeps only the latest query’s results', async () => {
    const delays: number[] = [];
    const timers: (() => void)[] = [];
    const s = setup({ later: (fn, ms) => (delays.push(ms), timers.push(fn)) });
    s.actions.search('便宜');
    s.actions.search('发货');
    expect(s.store.getState().search.status).toBe('loading');
    expect(delays).toEqual([SEARCH_DELAY_MS, SEARCH_DELAY_MS]);
    timers[1]();
    await vi.waitFor(() => expect(s.store.getState().search.status).toBe('done'));
    timers[0](); // the older query answers late: dropped
    await settle();
    expect(s.store.getState().search.results.map((r) => r.scriptId)).toEqual(['ship-time']);
    s.actions.search('  ');
    expect(s.store.getState().search).toMatchObject({ status: 'idle', results: [] });
  });

  it('logs the reply box text as the promise, else the agent’s last message', () => {
    const s = setup();
    patchCard(s.store, '小雨', () => ({ lastAgentMessage: '明天给您补发' }));
    s.actions.logPromise();
    (s.box as HTMLTextAreaElement).value = '今天下午给您发出';
    s.actions.logPromise();
    expect(s.logged.map((c) => [c.text, c.buyer, c.orderId, c.source])).toEqual([
      ['明天给您补发', '小雨', 'TB123', 'card'],
      ['今天下午给您发出', '小雨', 'TB123', 'card'],
    ]);
  });

  it('collapsing is remembered for the site; the strip opens on hover or pin, hover never unpins', () => {
    const remembered: boolean[] = [];
    const s = setup({ rememberCollapsed: async (c) => void remembered.push(c) });
    s.actions.setOpen('pinned');
    expect(s.store.getState().open).toBe(false); // not a strip: nothing to open
    s.store.setState({ layout: 'strip' });
    s.actions.setOpen('hover');
    expect(s.store.getState().open).toBe('hover');
    s.actions.setOpen('pinned');
    s.actions.setOpen('hover');
    expect(s.store.getState().open).toBe('pinned');
    s.actions.toggleCollapsed();
    expect(s.store.getState()).toMatchObject({ collapsed: true, open: false });
    s.actions.toggleCollapsed();
    expect(remembered).toEqual([true, false]);
  });

  it('an adapter that throws is reported, never thrown into the page', () => {
    const s = setup({
      adapter: () => {
        throw new Error('DOM changed');
      },
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => s.actions.insertAnswer(view(shipping), 0)).not.toThrow();
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});

describe('createCardActions: emotion first, buyer types (issue 14)', () => {
  const short = script({
    id: 'stuck',
    questions: ['物流不动了'],
    answers: [
      { text: '马上帮您查。', style: 'short' },
      { text: '我这就联系快递查轨迹，超过48小时不动的包裹今天催件。', style: 'detailed' },
    ],
  });
  const openers = [
    { text: '非常理解您的心情，', tone: 'neutral' as const, apology: false },
    { text: '实在抱歉，是我们发错了，', tone: 'neutral' as const, apology: true },
  ];

  it('inserts the calming opener before the answer, in the buyer type’s length', () => {
    const s = setup();
    const reply = { needsAnswer: true, parts: ['x'], register: 'friendly' as const, suggestions: [view(short)] };
    patchCard(s.store, '小雨', () => ({
      status: 'ready',
      message: '等了三天还不动！！',
      reply: { ...reply, emotion: 'upset', buyerType: 'impatient', openers },
    }));
    s.actions.insertAnswer(view(short), 0);
    expect((s.box as HTMLTextAreaElement).value).toBe('非常理解您的心情，马上帮您查。');
  });

  it('the agent’s style switch wins over the buyer type; no opener for a calm buyer', () => {
    const s = setup();
    const reply = { needsAnswer: true, parts: ['x'], register: 'friendly' as const, suggestions: [view(short)] };
    patchCard(s.store, '小雨', () => ({
      status: 'ready',
      message: '物流不动了',
      reply: { ...reply, emotion: 'calm', buyerType: 'impatient', openers: [] },
    }));
    s.actions.setStyle('detailed');
    s.actions.insertAnswer(view(short), 0);
    expect((s.box as HTMLTextAreaElement).value).toBe('我这就联系快递查轨迹，超过48小时不动的包裹今天催件。');
  });
});

describe('createCardActions: extras and the strip’s opener (issue 14)', () => {
  const care = script({
    id: 'material',
    questions: ['what material'],
    answers: [{ text: '亲～是纯棉的哦。', tone: 'friendly' }],
    extras: ['纯棉衣物建议冷水手洗～'],
  });

  it('appends an extra after the answer, at the end of the box whatever the caret', async () => {
    const s = setup();
    const box = s.box as HTMLTextAreaElement;
    patchCard(s.store, '小雨', () => ({ status: 'ready', message: '什么材质' }));
    s.actions.insertAnswer(view(care), 0);
    await settle();
    box.setSelectionRange(0, 0);
    s.actions.insertExtra(view(care), '纯棉衣物建议冷水手洗～');
    await settle();
    expect(box.value).toBe('亲～是纯棉的哦。纯棉衣物建议冷水手洗～');
    expect(s.usage.at(-1)).toMatchObject({ kind: 'insert', scriptId: 'material' });
  });

  it('the strip and the full card insert the same opener before the answer (one insertAnswer for both)', async () => {
    const s = setup();
    s.store.setState({ layout: 'strip' });
    patchCard(s.store, '小雨', () => ({
      status: 'ready',
      message: '什么破质量！！',
      reply: {
        needsAnswer: true,
        parts: [],
        register: 'friendly',
        suggestions: [view(care)],
        emotion: 'upset',
        openers: [{ text: '亲，非常理解您的心情～', tone: 'friendly', apology: false }],
      },
    }));
    s.actions.insertAnswer(view(care), 0);
    await settle();
    expect((s.box as HTMLTextAreaElement).value).toBe('亲，非常理解您的心情～是纯棉的哦。');
  });
});
