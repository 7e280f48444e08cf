/**
 * Adapter for Huashu's own fixture consoles (tests/fixtures/consoles/*.html):
 *   .chat-header .nick   the open conversation's buyer nickname
 *   .order-id[data-order] the order shown beside the conversation
 *   .chat-log            the message list (absent when no conversation is open)
 *   .chat-log .msg       one message; .buyer / .agent (or data-from) says who wrote it
 *   #reply               the reply box (textarea or contenteditable)
 *
 * TODO [2026-12-31]: used by the promise-log branch until the console adapters land; the integrator
 * swaps in the real adapter and watcher.
 */
import type { ChatMessage, ConsoleAdapter } from './types';

export function createFixtureAdapter(doc: Document): ConsoleAdapter {
  return {
    id: 'fixture',
    name: 'Fixture console',
    messageList: () => doc.querySelector('.chat-log'),
    messages: () => [...doc.querySelectorAll('.chat-log .msg')],
    isBuyer: (row) => row.classList.contains('buyer') || (row as HTMLElement).dataset.from === 'buyer',
    text: (row) => (row.querySelector('.text') ?? row).textContent?.trim() ?? '',
    replyBox: () => doc.querySelector<HTMLElement>('#reply'),
    conversationName: () => doc.querySelector('.chat-header .nick')?.textContent?.trim() || undefined,
    orderId: () => doc.querySelector<HTMLElement>('.order-id[data-order]')?.dataset.order || undefined,
  };
}

/** A minimal watcher: agent messages added to the open conversation after start. Returns stop. */
export function watchAgentMessages(
  doc: Document,
  adapter: ConsoleAdapter,
  onAgentMessage: (m: ChatMessage) => void,
): () => void {
  const observer = new MutationObserver((records) => {
    for (const r of records)
      for (const node of r.addedNodes) {
        if (!(node instanceof Element) || !node.matches('.chat-log .msg') || adapter.isBuyer(node)) continue;
        onAgentMessage({
          text: adapter.text(node),
          from: 'agent',
          conversation: adapter.conversationName() ?? 'fixture',
          row: node,
          at: Date.now(),
        });
      }
  });
  observer.observe(doc.body, { childList: true, subtree: true });
  return () => observer.disconnect();
}
