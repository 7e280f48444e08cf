// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { agentClick } from '../agent-input';
import { Card } from '@/components/card/Card';
import type { CardActions, CardModel } from '@/components/card/types';
import { setLocale } from '@/lib/i18n';
import type { SuggestionView } from '@/lib/messaging';
import { scriptSchema, type Script } from '@/lib/pack/schema';

const script = (input: Parameters<typeof scriptSchema.parse>[0]): Script => scriptSchema.parse(input);

const shipping = script({
  id: 'ship-time',
  title: 'When it ships',
  questions: ['when do you ship'],
  answers: [
    { text: '{buyer} 亲～今天下单今天发哦', tone: 'friendly' },
    { text: '{buyer} 您好，订单 {order_id} 将于今日发出。', tone: 'formal' },
  ],
  followUps: [{ text: 'Which color?', options: ['black', 'white'] }],
});
const discount = script({
  id: 'no-discount',
  questions: ['can you give a discount'],
  answers: [{ text: 'Prices are fixed.' }],
  refusal: true,
  compensations: [
    { kind: 'shift', text: 'Free shipping insurance included' },
    { kind: 'gift', text: 'A phone strap', cost: 5 },
    { kind: 'gift', text: 'A tote bag', cost: 30 },
  ],
});
const view = (s: Script, confidence: number): SuggestionView => ({
  packId: 'p',
  scriptId: s.id,
  title: s.title ?? s.questions[0],
  score: confidence,
  confidence,
  part: 'x',
  packName: 'Test pack',
  script: s,
});

function model(over: Partial<CardModel> = {}): CardModel {
  return {
    status: 'ready',
    message: 'when will it ship',
    reply: {
      needsAnswer: true,
      parts: ['x'],
      register: 'formal',
      suggestions: [view(shipping, 0.9), view(discount, 0.4)],
    },
    earlier: [],
    tone: 'formal',
    selected: 0,
    showCompensations: false,
    hidden: false,
    collapsed: false,
    excuse: false,
    budgetLeft: 10,
    placeholders: { buyer: '小雨' },
    search: { query: '', results: [], status: 'idle' },
    console: { name: 'Demo', verified: false, source: 'pack' },
    theme: 'light',
    notice: null,
    ...over,
  };
}

function actions(): CardActions {
  return {
    insertAnswer: vi.fn(),
    insertFeatured: vi.fn(),
    insertFollowUp: vi.fn(),
    insertCompensation: vi.fn(),
    insertExtra: vi.fn(),
    insertSearchResult: vi.fn(),
    setTone: vi.fn(),
    setStyle: vi.fn(),
    toggleCompensations: vi.fn(),
    toggleCollapsed: vi.fn(),
    setOpen: vi.fn(),
    hide: vi.fn(),
    search: vi.fn(),
    logPromise: vi.fn(),
    logFeedback: vi.fn(),
    teach: vi.fn(),
  };
}

beforeAll(() => setLocale('en'));
afterEach(cleanup);

describe('Card', () => {
  it('lists suggestions in rank order, in the buyer’s register, placeholders filled when known', () => {
    render(<Card model={model()} actions={actions()} />);
    const items = screen.getAllByTestId('huashu-suggestion');
    expect(items.map((i) => i.dataset.scriptId)).toEqual(['ship-time', 'no-discount']);
    expect(items[0].textContent).toContain('小雨 您好，订单 {order_id} 将于今日发出。');
    expect(items[0].dataset.tone).toBe('formal');
    expect(screen.getByTestId('huashu-unverified')).toBeTruthy();
  });

  it('ignores clicks a page script makes (no isTrusted): nothing inserted, no tone switched', () => {
    const a = actions();
    render(<Card model={model()} actions={a} />);
    fireEvent.click(screen.getByTestId('huashu-tone'));
    fireEvent.click(screen.getAllByTestId('huashu-suggestion')[0]);
    fireEvent.click(screen.getByTestId('huashu-log-promise'));
    expect(a.setTone).not.toHaveBeenCalled();
    expect(a.insertAnswer).not.toHaveBeenCalled();
    expect(a.logPromise).not.toHaveBeenCalled();
  });

  it('switches tone in one click and inserts on click', () => {
    const a = actions();
    const m = model();
    render(<Card model={m} actions={a} />);
    agentClick(screen.getByTestId('huashu-tone'));
    expect(a.setTone).toHaveBeenCalledWith('friendly');
    agentClick(screen.getAllByTestId('huashu-suggestion')[1]);
    expect(a.insertAnswer).toHaveBeenCalledWith(m.reply!.suggestions[1], 1);
  });

  it('puts the featured product’s pitch first, named, on Alt+1; the suggestions follow on Alt+2…3', () => {
    const a = actions();
    const base = model();
    const featured = {
      id: 'w49',
      packId: 'p',
      name: 'Cloud Chair Pro',
      pitch: '{buyer}, this week’s pick: Cloud Chair Pro',
      from: '2026-12-01',
      until: '2026-12-07',
      keywords: [],
    };
    render(<Card model={model({ reply: { ...base.reply!, featured } })} actions={a} />);
    const pitch = screen.getByTestId('huashu-featured');
    expect(pitch.textContent).toContain('Cloud Chair Pro');
    expect(pitch.textContent).toContain('小雨, this week’s pick');
    expect(pitch.getAttribute('aria-keyshortcuts')).toBe('Alt+1');
    expect(screen.getAllByTestId('huashu-suggestion').map((b) => b.getAttribute('aria-keyshortcuts'))).toEqual([
      'Alt+2',
      'Alt+3',
    ]);
    agentClick(pitch);
    expect(a.insertFeatured).toHaveBeenCalledWith(featured);
  });

  it('shows earlier open questions of the turn below the newest, each labelled with its message', () => {
    const a = actions();
    const base = model();
    const earlier = [{ seq: 1, message: 'can I get a discount', status: 'ready' as const, reply: base.reply }];
    render(<Card model={model({ earlier })} actions={a} />);
    const questions = screen.getAllByTestId('huashu-question');
    expect(questions).toHaveLength(2);
    expect(screen.getAllByTestId('huashu-question-text').map((e) => e.textContent)).toEqual([
      'when will it ship',
      'can I get a discount',
    ]);
    const older = questions[1].querySelector<HTMLElement>('[data-testid="huashu-suggestion"]')!;
    expect(older.getAttribute('aria-keyshortcuts')).toBeNull(); // Alt+1…3 belong to the newest question
    agentClick(older);
    expect(a.insertAnswer).toHaveBeenCalledWith(base.reply!.suggestions[0], 0, 'can I get a discount');
  });

  it('shows the selected script’s follow-ups as chips', () => {
    const a = actions();
    render(<Card model={model()} actions={a} />);
    const chip = screen.getByTestId('huashu-followup');
    expect(chip.textContent).toContain('black / white');
    agentClick(chip);
    expect(a.insertFollowUp).toHaveBeenCalledWith(
      expect.objectContaining({ scriptId: 'ship-time' }),
      shipping.followUps[0],
    );
    expect(screen.queryByTestId('huashu-compensation')).toBeNull();
  });

  it('offers compensations for a refusal, gifts only within the budget left', () => {
    render(<Card model={model({ selected: 1 })} actions={actions()} />);
    const comps = screen.getAllByTestId('huashu-compensation');
    expect(comps.map((c) => c.dataset.kind)).toEqual(['shift', 'gift']);
    expect(comps[1].textContent).toContain('A phone strap');
    expect(screen.getByTestId('huashu-over-budget').textContent).toContain('1');
  });

  it('hides compensations of a non-refusal script behind a toggle', () => {
    const withComp = script({ ...shipping, compensations: [{ kind: 'shift', text: 'Express upgrade' }] });
    const m = model();
    m.reply!.suggestions[0] = view(withComp, 0.9);
    const a = actions();
    const { rerender } = render(<Card model={m} actions={a} />);
    expect(screen.queryByTestId('huashu-compensation')).toBeNull();
    agentClick(screen.getByTestId('huashu-compensations-toggle'));
    expect(a.toggleCompensations).toHaveBeenCalled();
    rerender(<Card model={{ ...m, showCompensations: true }} actions={a} />);
    expect(screen.getAllByTestId('huashu-compensation')).toHaveLength(1);
  });

  it('shows nothing to insert for messages that need no answer', () => {
    render(
      <Card
        model={model({ reply: { needsAnswer: false, parts: [], register: 'friendly', suggestions: [] } })}
        actions={actions()}
      />,
    );
    expect(screen.queryAllByTestId('huashu-suggestion')).toHaveLength(0);
    expect(screen.getByTestId('huashu-empty')).toBeTruthy();
  });

  it('is hidden for this message, collapsible, and shows the excuse hint', () => {
    const { rerender } = render(<Card model={model({ hidden: true })} actions={actions()} />);
    expect(screen.getByTestId('huashu-card').hidden).toBe(true);
    rerender(<Card model={model({ collapsed: true })} actions={actions()} />);
    expect(screen.queryAllByTestId('huashu-suggestion')).toHaveLength(0);
    expect(screen.getByTestId('huashu-count').textContent).toBe('2');
    rerender(<Card model={model({ excuse: true })} actions={actions()} />);
    expect(screen.getByTestId('huashu-hint').textContent).toMatch(/but/);
  });

  it('wires the promise and feedback buttons to the given callbacks', () => {
    const a = actions();
    render(<Card model={model()} actions={a} />);
    agentClick(screen.getByTestId('huashu-log-promise'));
    agentClick(screen.getByTestId('huashu-log-feedback'));
    expect(a.logPromise).toHaveBeenCalledTimes(1);
    expect(a.logFeedback).toHaveBeenCalledTimes(1);
  });

  it('searches and inserts a result', () => {
    const a = actions();
    const results = [view(discount, 0.5)];
    render(<Card model={model({ search: { query: 'disc', results, status: 'done' } })} actions={a} />);
    fireEvent.change(screen.getByTestId('huashu-search'), { target: { value: 'discount' } });
    expect(a.search).toHaveBeenCalledWith('discount');
    agentClick(within(screen.getByTestId('huashu-card')).getByTestId('huashu-search-result'));
    expect(a.insertSearchResult).toHaveBeenCalledWith(results[0], 0);
  });
});

describe('Card as a strip (no free column beside the conversation)', () => {
  const four = [view(shipping, 0.9), view(discount, 0.6), view(shipping, 0.5), view(discount, 0.4)].map((v, i) => ({
    ...v,
    scriptId: `s${i}`,
  }));
  const strip = (over: Partial<CardModel> = {}) =>
    model({
      layout: 'strip',
      open: false,
      reply: { needsAnswer: true, parts: ['x'], register: 'formal', suggestions: four },
      ...over,
    });

  it('shows the top three one line each with Alt+1…3, without the search box or footer', () => {
    const a = actions();
    render(<Card model={strip()} actions={a} />);
    const card = screen.getByTestId('huashu-card');
    expect(card.dataset.layout).toBe('strip');
    expect(card.dataset.open).toBe('false');
    const rows = screen.getAllByTestId('huashu-suggestion');
    expect(rows.map((r) => r.dataset.scriptId)).toEqual(['s0', 's1', 's2']);
    expect(rows.map((r) => r.getAttribute('aria-keyshortcuts'))).toEqual(['Alt+1', 'Alt+2', 'Alt+3']);
    expect(rows[0].textContent).toContain('When it ships');
    expect(rows[0].textContent).toContain('订单');
    expect(screen.queryByTestId('huashu-search')).toBeNull();
    expect(screen.queryByTestId('huashu-log-promise')).toBeNull();
    agentClick(rows[1]);
    expect(a.insertAnswer).toHaveBeenCalledWith(four[1], 1);
  });

  it('its handle pins the full card open, and back', () => {
    const a = actions();
    const { rerender } = render(<Card model={strip()} actions={a} />);
    agentClick(screen.getByTestId('huashu-expand'));
    expect(a.setOpen).toHaveBeenCalledWith('pinned');
    rerender(<Card model={strip({ open: 'pinned' })} actions={a} />);
    expect(screen.getByTestId('huashu-card').dataset.open).toBe('true');
    expect(screen.getAllByTestId('huashu-suggestion')).toHaveLength(4);
    expect(screen.getByTestId('huashu-search')).toBeTruthy();
    agentClick(screen.getByTestId('huashu-expand'));
    expect(a.setOpen).toHaveBeenLastCalledWith(false);
  });

  it('collapsed by the agent, it is the bar with the count', () => {
    render(<Card model={strip({ collapsed: true })} actions={actions()} />);
    expect(screen.getByTestId('huashu-card').dataset.layout).toBe('card');
    expect(screen.queryAllByTestId('huashu-suggestion')).toHaveLength(0);
    expect(screen.getByTestId('huashu-count').textContent).toBe('4');
  });
});

describe('Card languages', () => {
  afterAll(() => setLocale('en'));
  it.each([
    ['zh_CN', '记承诺', '追问'],
    ['zh_TW', '記承諾', '追問'],
    ['en', 'Log promise', 'Ask next'],
  ] as const)('%s', (locale, promise, followUps) => {
    setLocale(locale);
    render(<Card model={model()} actions={actions()} />);
    expect(screen.getByTestId('huashu-log-promise').textContent).toBe(promise);
    expect(screen.getByText(followUps)).toBeTruthy();
  });
});
