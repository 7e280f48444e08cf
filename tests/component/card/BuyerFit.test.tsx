// @vitest-environment happy-dom
/** The card's reading of the buyer (issue 14): the calming opener, the buyer-type hint, the style switch. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { agentClick } from '../agent-input';
import { Card } from '@/components/card/Card';
import type { CardActions, CardModel } from '@/components/card/types';
import { setLocale } from '@/lib/i18n';
import type { SuggestReply, SuggestionView } from '@/lib/messaging';
import { openerSchema, scriptSchema, type Script } from '@/lib/pack/schema';

const script = (input: Parameters<typeof scriptSchema.parse>[0]): Script => scriptSchema.parse(input);
const late = script({
  id: 'logistics-stuck',
  questions: ['where is my parcel'],
  answers: [
    { text: 'Checking it now.', tone: 'formal', style: 'short' },
    {
      text: 'I am checking the courier record now; parcels stuck over 48 h are chased the same day.',
      tone: 'formal',
      style: 'detailed',
    },
  ],
  followUps: [{ text: 'Resend or refund?', options: ['resend', 'refund'] }],
});
const wrong = script({
  id: 'wrong-item',
  questions: ['you sent the wrong item'],
  answers: [{ text: 'We will send the right one today.', tone: 'formal' }],
  sellerError: true,
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
const openers = [
  openerSchema.parse({ text: 'I understand how frustrating this is.', tone: 'formal' }),
  openerSchema.parse({ text: 'We are sorry, this was our mistake.', tone: 'formal', apology: true }),
];

function model(reply: Partial<SuggestReply>, over: Partial<CardModel> = {}): CardModel {
  return {
    status: 'ready',
    message: 'WHERE IS MY PARCEL, this is ridiculous!!',
    reply: { needsAnswer: true, parts: ['x'], register: 'formal', suggestions: [view(late)], ...reply },
    earlier: [],
    tone: 'formal',
    selected: 0,
    showCompensations: false,
    hidden: false,
    collapsed: false,
    excuse: false,
    budgetLeft: 10,
    placeholders: {},
    search: { query: '', results: [], status: 'idle' },
    console: { name: 'Demo', source: 'generic' },
    theme: 'light',
    notice: null,
    ...over,
  };
}

function actions(): CardActions {
  const noop = () => vi.fn();
  return {
    insertAnswer: noop(),
    setOpen: noop(),
    insertFeatured: noop(),
    insertFollowUp: noop(),
    insertCompensation: noop(),
    insertExtra: noop(),
    insertSearchResult: noop(),
    setTone: noop(),
    setStyle: noop(),
    toggleCompensations: noop(),
    toggleCollapsed: noop(),
    hide: noop(),
    search: noop(),
    logPromise: noop(),
    logFeedback: noop(),
    teach: noop(),
  };
}

beforeAll(() => setLocale('en'));
afterEach(cleanup);

const before = (a: Element, b: Element) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

describe('Card: emotion first', () => {
  it('marks an upset buyer and puts the opener (no apology) before the answer', () => {
    render(<Card model={model({ emotion: 'upset', openers })} actions={actions()} />);
    expect(screen.getByTestId('huashu-card').dataset.emotion).toBe('upset');
    const opener = screen.getByTestId('huashu-opener');
    expect(opener.textContent).toContain('I understand how frustrating this is.');
    expect(opener.dataset.apology).toBe('false');
    expect(before(opener, screen.getByTestId('huashu-suggestion'))).toBe(true);
  });

  it('apologises only before a script marked sellerError', () => {
    render(<Card model={model({ emotion: 'upset', openers, suggestions: [view(wrong)] })} actions={actions()} />);
    expect(screen.getByTestId('huashu-opener').textContent).toContain('our mistake');
  });

  it('a calm buyer gets no opener, the card says calm', () => {
    render(<Card model={model({ emotion: 'calm', openers: [] })} actions={actions()} />);
    expect(screen.getByTestId('huashu-card').dataset.emotion).toBe('calm');
    expect(screen.queryByTestId('huashu-opener')).toBeNull();
    expect(screen.queryByTestId('huashu-emotion')).toBeNull();
  });
});

describe('Card: buyer type', () => {
  it('shows the hint line for the buyer type, none for "none"', () => {
    render(<Card model={model({ buyerType: 'expert' })} actions={actions()} />);
    expect(screen.getByTestId('huashu-buyer-type').dataset.buyerType).toBe('expert');
    expect(screen.getByTestId('huashu-buyer-type').textContent).toBe('Expert buyer: the detailed answer');
    cleanup();
    render(<Card model={model({ buyerType: 'none' })} actions={actions()} />);
    expect(screen.queryByTestId('huashu-buyer-type')).toBeNull();
  });

  it('shows the answer variant of the style, and switches it in one click (agent clicks only)', () => {
    const a = actions();
    render(<Card model={model({ buyerType: 'impatient' }, { style: 'short' })} actions={a} />);
    const item = screen.getByTestId('huashu-suggestion');
    expect(item.dataset.style).toBe('short');
    expect(item.textContent).toContain('Checking it now.');
    const toggle = screen.getByTestId('huashu-style');
    expect(toggle.dataset.style).toBe('short');
    fireEvent.click(toggle);
    expect(a.setStyle).not.toHaveBeenCalled();
    agentClick(toggle);
    expect(a.setStyle).toHaveBeenCalledWith('detailed');
    cleanup();
    render(<Card model={model({ buyerType: 'impatient' }, { style: 'detailed' })} actions={a} />);
    expect(screen.getByTestId('huashu-suggestion').textContent).toContain('chased the same day');
    expect(screen.getByTestId('huashu-style').dataset.style).toBe('detailed');
  });

  it('a hesitant buyer gets the multiple-choice follow-up before the answers', () => {
    render(<Card model={model({ buyerType: 'hesitant' })} actions={actions()} />);
    const chips = screen.getAllByTestId('huashu-followup');
    expect(chips).toHaveLength(1);
    expect(before(chips[0], screen.getByTestId('huashu-suggestion'))).toBe(true);
    cleanup();
    render(<Card model={model({ buyerType: 'none' })} actions={actions()} />);
    expect(before(screen.getByTestId('huashu-suggestion'), screen.getByTestId('huashu-followup'))).toBe(true);
  });

  it('no style switch when the script has one length only', () => {
    render(<Card model={model({ suggestions: [view(wrong)] })} actions={actions()} />);
    expect(screen.queryByTestId('huashu-style')).toBeNull();
  });
});
