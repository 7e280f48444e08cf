/**
 * Adapter for Huashu's own fixture consoles (tests/fixtures/consoles/*.html):
 *   .chat-header .nick   the open conversation's buyer nickname
 *   .order-id[data-order] the order shown beside the conversation
 *   .chat-log            the message list (absent when no conversation is open)
 *   .chat-log .msg       one message; .buyer / .agent (or data-from) says who wrote it
 *   #reply               the reply box (textarea or contenteditable)
 *
 * A fixed adapter for unit tests of the capture logic (the extension itself uses lib/consoles adapters).
 */
import type { ConsoleAdapter } from '@/lib/consoles/types';

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
