/**
 * What the page gives for a promise or a feedback entry: the selection, else (promises) the reply box,
 * else the last message of the agent (promises) or of the buyer (feedback) in the open conversation; with
 * the buyer, an order number (the console's, else one mentioned in the text or the conversation), the
 * console id and the URL. The window is passed in (tested with happy-dom; runs in the content script).
 */
import type { ConsoleAdapter } from '../consoles/types';
import type { PageCapture } from '../capture';
import { findOrderId } from '../text/order-id';

export type CaptureKind = 'promise' | 'feedback';
export type CaptureError = 'noConversation' | 'empty';
export type CaptureResult = { ok: true; capture: PageCapture } | { ok: false; error: CaptureError };

/** Selected text, including a selection inside a textarea or text input (which getSelection misses). */
export function selectedText(win: Window): string {
  const active = win.document.activeElement as HTMLTextAreaElement | HTMLInputElement | null;
  if (active && (active.tagName === 'TEXTAREA' || (active.tagName === 'INPUT' && active.type === 'text'))) {
    const { selectionStart: a, selectionEnd: b, value } = active;
    if (a !== null && b !== null && b > a) return value.slice(a, b).trim();
  }
  return (win.getSelection()?.toString() ?? '').trim();
}

export function replyBoxText(adapter: ConsoleAdapter): string {
  const box = adapter.replyBox();
  if (!box) return '';
  if ('value' in box && typeof (box as HTMLTextAreaElement).value === 'string')
    return (box as HTMLTextAreaElement).value.trim();
  return (box.innerText ?? box.textContent ?? '').trim();
}

/** Text of the last message from the agent or the buyer in the open conversation. */
export function lastMessage(adapter: ConsoleAdapter, from: 'agent' | 'buyer'): string {
  const rows = adapter.messages();
  for (let i = rows.length - 1; i >= 0; i--) {
    if (adapter.isBuyer(rows[i]) === (from === 'buyer')) {
      const text = adapter.text(rows[i]);
      if (text) return text;
    }
  }
  return '';
}

/** The console's order number, else one in the text, else the latest one mentioned in the conversation. */
export function orderIdFor(adapter: ConsoleAdapter, text: string): string | undefined {
  const fromConsole = adapter.orderId();
  if (fromConsole) return fromConsole;
  const inText = findOrderId(text.slice(0, 5000));
  if (inText) return inText;
  const rows = adapter.messages();
  for (let i = rows.length - 1; i >= Math.max(0, rows.length - 50); i--) {
    const found = findOrderId(adapter.text(rows[i]));
    if (found) return found;
  }
  return undefined;
}

export function capturePage(adapter: ConsoleAdapter, win: Window, kind: CaptureKind): CaptureResult {
  const conversationOpen = adapter.messageList() !== null;
  let text = selectedText(win);
  let source: PageCapture['source'] = 'selection';
  if (!text && conversationOpen) {
    if (kind === 'promise') {
      text = replyBoxText(adapter);
      source = 'replyBox';
      if (!text) {
        text = lastMessage(adapter, 'agent');
        source = 'lastAgentMessage';
      }
    } else {
      text = lastMessage(adapter, 'buyer');
      source = 'lastBuyerMessage';
    }
  }
  if (!text) return { ok: false, error: conversationOpen ? 'empty' : 'noConversation' };
  return {
    ok: true,
    capture: {
      text,
      source,
      buyer: conversationOpen ? adapter.conversationName() : undefined,
      orderId: orderIdFor(adapter, text),
      consoleId: adapter.id,
      url: win.location.href,
    },
  };
}
