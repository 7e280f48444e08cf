import {
  addChatFrame,
  checkDelay,
  foreignChatFrames,
  frameEligible,
  holdsConversation,
  MIN_CHAT_FRAME,
  whileWatching,
} from '@/lib/consoles/frames';
import type { ConsoleAdapter } from '@/lib/consoles/types';

describe('frameEligible', () => {
  it.each([
    [{ top: true, width: 0, height: 0 }, true, 'the top frame, even hidden'],
    [{ top: false, width: 800, height: 600 }, true, 'a chat-sized frame'],
    [{ top: false, width: MIN_CHAT_FRAME.width, height: MIN_CHAT_FRAME.height }, true, 'exactly the minimum'],
    [{ top: false, width: 1, height: 1 }, false, 'a tracking pixel'],
    [{ top: false, width: 0, height: 0 }, false, 'a hidden frame (display: none)'],
    [{ top: false, width: 728, height: 90 }, false, 'a banner'],
    [{ top: false, width: 120, height: 600 }, false, 'a skyscraper'],
  ])('%o → %s (%s)', (view, expected) => {
    expect(frameEligible(view)).toBe(expected);
  });
});

describe('holdsConversation', () => {
  const el = {} as HTMLElement;
  it('needs a reply box and a message list', () => {
    expect(holdsConversation({ replyBox: () => el, messageList: () => el })).toBe(true);
    expect(holdsConversation({ replyBox: () => el, messageList: () => null })).toBe(false);
    expect(holdsConversation({ replyBox: () => null, messageList: () => el })).toBe(false);
  });
  it('does not search for a list where there is no reply box', () => {
    const messageList = vi.fn(() => el);
    expect(holdsConversation({ replyBox: () => null, messageList })).toBe(false);
    expect(messageList).not.toHaveBeenCalled();
  });
});

describe('checkDelay', () => {
  it('checks quickly at first, then backs off to the maximum', () => {
    expect(checkDelay(0)).toBe(500);
    expect(checkDelay(9)).toBe(500);
    expect(checkDelay(10)).toBe(1000);
    expect(checkDelay(20)).toBe(2000);
    expect(checkDelay(30)).toBe(4000);
    expect(checkDelay(1000)).toBe(4000);
  });
});

describe('addChatFrame', () => {
  it('keeps the most recent first, once, and at most max', () => {
    expect(addChatFrame([], 3)).toEqual([3]);
    expect(addChatFrame([3, 5], 5)).toEqual([5, 3]);
    expect(addChatFrame([1, 2, 3], 4, 3)).toEqual([4, 1, 2]);
  });
});

describe('whileWatching', () => {
  const row = {} as Element;
  const adapter: ConsoleAdapter = {
    id: 'generic',
    name: 'Generic',
    messageList: () => row,
    messages: () => [row],
    isBuyer: () => true,
    text: () => '在吗',
    replyBox: () => ({}) as HTMLElement,
    conversationName: () => '小雨',
    orderId: () => '2024110512345',
  };

  it('shows no conversation while the frame does not watch, the adapter’s once it does', () => {
    let watching = false;
    const seen = whileWatching(adapter, () => watching);
    expect([seen.messageList(), seen.messages(), seen.replyBox(), seen.conversationName(), seen.orderId()]).toEqual([
      null,
      [],
      null,
      undefined,
      undefined,
    ]);
    watching = true;
    expect(seen.messageList()).toBe(row);
    expect(seen.conversationName()).toBe('小雨');
    expect(seen.orderId()).toBe('2024110512345');
    expect(seen.id).toBe('generic');
  });
});

describe('foreignChatFrames', () => {
  const page = 'https://seller.example.com/workbench';
  it('lists chat-sized frames of other sites, one per site', () => {
    expect(
      foreignChatFrames(page, [
        { src: 'https://im.example-cdn.com/chat?id=1', width: 800, height: 600 },
        { src: 'https://im.example-cdn.com/chat?id=2', width: 800, height: 600 },
        { src: 'https://seller.example.com/inbox', width: 800, height: 600 }, // same site: already covered
        { src: 'https://ads.example.net/banner', width: 728, height: 90 }, // too small for a chat
        { src: 'about:blank', width: 800, height: 600 }, // not a site
        { src: '', width: 800, height: 600 },
        { src: 'http://helpdesk.example.org/widget', width: 360, height: 560 },
      ]),
    ).toEqual([
      { pattern: 'https://im.example-cdn.com/*', url: 'https://im.example-cdn.com/chat?id=1' },
      { pattern: 'http://helpdesk.example.org/*', url: 'http://helpdesk.example.org/widget' },
    ]);
  });
});
