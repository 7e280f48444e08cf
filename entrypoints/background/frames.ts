/**
 * Background wiring of chats in iframes: a sub-frame that starts watching a conversation reports itself
 * (remembered per tab, lib/consoles/chat-frames.ts), and the tab's top frame is told so that it marks
 * `data-huashu="in-frame"` instead of "waiting".
 */
import { browser } from 'wxt/browser';
import { chatFramesOf, forgetTab, rememberChatFrame } from '@/lib/consoles/chat-frames';
import { onMessage, sendMessage } from '@/lib/messaging';

export function setupFrames() {
  onMessage('chatFrame', async ({ sender }) => {
    const tabId = sender.tab?.id;
    const frameId = sender.frameId;
    if (tabId === undefined || !frameId) return;
    await rememberChatFrame(tabId, frameId);
    // The top frame may have no Huashu (its origin not enabled): nothing to tell then.
    await sendMessage('chatInFrame', undefined, { tabId, frameId: 0 }).catch(() => {});
  });
  onMessage('anyChatFrame', async ({ sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return false;
    for (const frameId of await chatFramesOf(tabId)) {
      const yes = await sendMessage('isWatching', undefined, { tabId, frameId }).catch(() => false);
      if (yes) return true;
    }
    return false;
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId).catch(() => {}));
}
