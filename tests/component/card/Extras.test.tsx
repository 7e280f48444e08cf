// @vitest-environment happy-dom
/** Issue 14: the extras chips, the review-reply card's reading line, the strip's opener. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { agentClick } from '../agent-input';
import { Card } from '@/components/card/Card';
import type { CardActions, CardModel } from '@/components/card/types';
import { setLocale } from '@/lib/i18n';
import { readReview } from '@/lib/match/review';
import type { SuggestReply, SuggestionView } from '@/lib/messaging';
import { openerSchema, scriptSchema, type Script } from '@/lib/pack/schema';

const script = (input: Parameters<typeof scriptSchema.parse>[0]): Script => scriptSchema.parse(input);
const material = script({
  id: 'product-material',
  questions: ['what material'],
  answers: [{ text: 'Pure cotton.', tone: 'formal' }],
  extras: ['Wash it cold and dry it inside out.', 'Iron on low heat.'],
});
const plain = script({ id: 'plain', questions: ['x'], answers: [{ text: 'Plain answer.', tone: 'formal' }] });
const thanks = script({
  id: 'review-good-thanks',
  category: 'review',
  questions: ['great quality'],
  answers: [{ text: 'Thank you! Our combed cotton is checked piece by piece.', tone: 'formal' }],
  review: { sentiment: 'positive' },
});
const complaint = script({
  id: 'review-five-star-complaint',
  category: 'review',
  questions: ['five stars but'],
  answers: [{ text: 'Thank you for the stars and for telling us what to fix.', tone: 'formal' }],
  review: { sentiment: 'mixed' },
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

function model(reply: Partial<SuggestReply>, over: Partial<CardModel> = {}): CardModel {
  return {
    status: 'ready',
    message: 'x',
    reply: { needsAnswer: true, parts: ['x'], register: 'formal', suggestions: [view(material)], ...reply },
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
  const fn = () => vi.fn();
  return {
    insertAnswer: fn(),
    setOpen: fn(),
    insertFeatured: fn(),
    insertFollowUp: fn(),
    insertCompensation: fn(),
    insertExtra: fn(),
    insertSearchResult: fn(),
    setTone: fn(),
    setStyle: fn(),
    toggleCompensations: fn(),
    toggleCollapsed: fn(),
    hide: fn(),
    search: fn(),
    logPromise: fn(),
    logFeedback: fn(),
    teach: fn(),
  };
}

beforeAll(() => setLocale('en'));
afterEach(cleanup);

const before = (a: Element, b: Element) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

describe('Card: extras', () => {
  it('offers the selected script’s extras as chips after the answer; an agent click appends the line', () => {
    const a = actions();
    render(<Card model={model({})} actions={a} />);
    const chips = screen.getAllByTestId('huashu-extra');
    expect(chips.map((c) => c.textContent)).toEqual(['Wash it cold and dry it inside out.', 'Iron on low heat.']);
    expect(before(screen.getByTestId('huashu-suggestion'), chips[0])).toBe(true);
    fireEvent.click(chips[1]); // a page script's click: nothing
    expect(a.insertExtra).not.toHaveBeenCalled();
    agentClick(chips[1]);
    expect(a.insertExtra).toHaveBeenCalledWith(
      expect.objectContaining({ scriptId: 'product-material' }),
      'Iron on low heat.',
    );
  });

  it('shows no extras for a script without them, nor in the strip', () => {
    render(<Card model={model({ suggestions: [view(plain)] })} actions={actions()} />);
    expect(screen.queryByTestId('huashu-extra')).toBeNull();
    cleanup();
    render(<Card model={model({}, { layout: 'strip', open: false })} actions={actions()} />);
    expect(screen.queryByTestId('huashu-extra')).toBeNull();
  });
});

describe('Card: review replies', () => {
  it('a good review: the reading line says positive and the thanks script is offered', () => {
    const review = readReview({ text: 'great quality, love it', rating: 5 });
    render(<Card model={model({ suggestions: [view(thanks)], review })} actions={actions()} />);
    const hint = screen.getByTestId('huashu-review');
    expect(hint.dataset.sentiment).toBe('positive');
    expect(hint.dataset.rating).toBe('5');
    expect(hint.textContent).toBe('Good review: thank them and name a selling point');
    expect(screen.getByTestId('huashu-suggestion').dataset.scriptId).toBe('review-good-thanks');
  });

  it('5 stars with complaints reads as mixed; a possible professional is named', () => {
    const review = readReview({ text: 'arrived broken, disappointed', rating: 5, reviewerNegatives: 4 });
    render(<Card model={model({ suggestions: [view(complaint)], review })} actions={actions()} />);
    const hint = screen.getByTestId('huashu-review');
    expect(hint.dataset.sentiment).toBe('mixed');
    expect(hint.dataset.professional).toBe('true');
    expect(hint.textContent).toContain('possibly a professional');
  });

  it('a chat card has no review line', () => {
    render(<Card model={model({})} actions={actions()} />);
    expect(screen.queryByTestId('huashu-review')).toBeNull();
  });
});

describe('Card: the strip shows the opener the full card shows', () => {
  const openers = [openerSchema.parse({ text: 'I understand how frustrating this is.', tone: 'formal' })];

  it('an upset buyer: the closed strip shows the same opener line before its suggestions', () => {
    render(<Card model={model({ emotion: 'upset', openers }, { layout: 'strip', open: false })} actions={actions()} />);
    expect(screen.getByTestId('huashu-strip')).toBeTruthy();
    const opener = screen.getByTestId('huashu-opener');
    expect(opener.textContent).toContain('I understand how frustrating this is.');
    expect(before(opener, screen.getByTestId('huashu-suggestion'))).toBe(true);
    cleanup();
    render(<Card model={model({ emotion: 'upset', openers })} actions={actions()} />);
    expect(screen.getByTestId('huashu-opener').textContent).toContain('I understand how frustrating this is.');
  });

  it('a calm buyer: no opener in the strip', () => {
    render(
      <Card model={model({ emotion: 'calm', openers: [] }, { layout: 'strip', open: false })} actions={actions()} />,
    );
    expect(screen.queryByTestId('huashu-opener')).toBeNull();
  });
});
