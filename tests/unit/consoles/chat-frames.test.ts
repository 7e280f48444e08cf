import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chatFramesOf, forgetTab, rememberChatFrame } from '@/lib/consoles/chat-frames';

beforeEach(() => fakeBrowser.reset());

describe('chat frames per tab', () => {
  it('remembers the frames that watch a chat, most recent first, per tab, until the tab goes', async () => {
    expect(await chatFramesOf(1)).toEqual([]);
    await rememberChatFrame(1, 5);
    await rememberChatFrame(1, 9);
    await rememberChatFrame(2, 3);
    await rememberChatFrame(1, 5);
    expect(await chatFramesOf(1)).toEqual([5, 9]);
    expect(await chatFramesOf(2)).toEqual([3]);
    await forgetTab(1);
    expect(await chatFramesOf(1)).toEqual([]);
    expect(await chatFramesOf(2)).toEqual([3]);
    // Kept in the session area (outlives the service worker, not the browser session).
    expect(await fakeBrowser.storage.session.get('chatFrames')).toEqual({ chatFrames: { 2: [3] } });
  });
});
