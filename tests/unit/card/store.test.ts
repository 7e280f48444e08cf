/** The card state per conversation (components/card/store.ts). */
import { createContentStore, currentCard, patchCard, toModel, visibleSuggestions } from '@/components/card/store';
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
});
