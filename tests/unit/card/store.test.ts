/** The card state per conversation (components/card/store.ts). */
import {
  cardOf,
  createContentStore,
  currentCard,
  emptyCard,
  patchCard,
  settleQuestion,
  toModel,
  visibleSuggestions,
  withQuestion,
} from '@/components/card/store';
import type { SuggestReply } from '@/lib/messaging';

const reply = (needsAnswer: boolean) =>
  ({ needsAnswer, suggestions: [{ scriptId: 'a' }, { scriptId: 'b' }] }) as unknown as SuggestReply;

describe('content store', () => {
  it('keeps each conversation’s card apart and shows the open one', () => {
    const store = createContentStore({ conversation: 'A' });
    patchCard(store, 'A', () => ({ status: 'ready', reply: reply(true), message: 'a?' }));
    patchCard(store, 'B', () => ({ status: 'loading', message: 'b?' }));
    expect(toModel(store.getState())).toMatchObject({ status: 'ready', message: 'a?' });
    store.setState({ conversation: 'B' });
    expect(toModel(store.getState())).toMatchObject({ status: 'loading', message: 'b?' });
    store.setState({ conversation: 'C' });
    expect(currentCard(store.getState())).toMatchObject({ status: 'idle', seq: 0 });
  });

  it.each(['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'])(
    'a buyer nicknamed %s gets a card of their own',
    (name) => {
      const store = createContentStore({ conversation: name });
      expect(currentCard(store.getState()).status).toBe('idle');
      patchCard(store, name, () => ({ status: 'ready', message: 'hi' }));
      expect(currentCard(store.getState())).toMatchObject({ status: 'ready', message: 'hi', seq: 0 });
      expect(Object.getPrototypeOf(store.getState().cards)).toBe(Object.prototype);
    },
  );

  it('Alt+1…3 reach only suggestions the agent can see', () => {
    const store = createContentStore({ conversation: 'A' });
    patchCard(store, 'A', () => ({ status: 'ready', reply: reply(true) }));
    expect(visibleSuggestions(store.getState())).toHaveLength(2);
    store.setState({ collapsed: true });
    expect(visibleSuggestions(store.getState())).toHaveLength(0);
    store.setState({ collapsed: false });
    patchCard(store, 'A', () => ({ hidden: true }));
    expect(visibleSuggestions(store.getState())).toHaveLength(0);
    patchCard(store, 'A', () => ({ hidden: false, reply: reply(false) }));
    expect(visibleSuggestions(store.getState())).toHaveLength(0);
  });

  it('keeps the earlier questions of an open buyer turn, newest first, until the agent replies', () => {
    const store = createContentStore({ conversation: 'A' });
    const ask = (seq: number, text: string) =>
      store.setState((s) => ({ cards: { ...s.cards, A: withQuestion(cardOf(s, 'A') ?? emptyCard(), seq, text) } }));
    ask(1, 'q1');
    ask(2, 'q2');
    // The first answer arrives after the second question: it goes to its own question.
    expect(settleQuestion(store, 'A', 1, { status: 'ready', reply: reply(true) })).toBe(true);
    expect(settleQuestion(store, 'A', 2, { status: 'ready', reply: reply(false) })).toBe(true);
    expect(toModel(store.getState())).toMatchObject({
      message: 'q2',
      status: 'ready',
      earlier: [{ seq: 1, message: 'q1', status: 'ready' }],
    });
    for (let i = 3; i <= 8; i++) ask(i, `q${i}`);
    expect(currentCard(store.getState()).earlier.map((q) => q.message)).toEqual(['q7', 'q6', 'q5', 'q4']);
    expect(settleQuestion(store, 'A', 1, { status: 'error' })).toBe(false); // dropped from the card
    patchCard(store, 'A', () => ({ replied: true, earlier: [] }));
    ask(9, 'q9');
    expect(currentCard(store.getState())).toMatchObject({ message: 'q9', earlier: [] });
  });
});
