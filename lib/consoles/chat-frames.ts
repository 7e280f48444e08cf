/**
 * Which sub-frames of each tab watch a chat (reported by the content script when it starts watching), kept
 * in storage.session so that it outlives the service worker being stopped, and forgotten with the browser
 * session or the tab. The log shortcuts and teach mode use it to address the chat frame by its frameId.
 */
import { storage } from 'wxt/utils/storage';
import { addChatFrame } from './frames';

const chatFramesItem = storage.defineItem<Record<string, number[]>>('session:chatFrames', { fallback: {} });

/** Sub-frames of the tab that watch a chat, most recent first (some may be gone). */
export async function chatFramesOf(tabId: number): Promise<number[]> {
  return (await chatFramesItem.getValue())[tabId] ?? [];
}

export async function rememberChatFrame(tabId: number, frameId: number): Promise<void> {
  const all = await chatFramesItem.getValue();
  await chatFramesItem.setValue({ ...all, [tabId]: addChatFrame(all[tabId] ?? [], frameId) });
}

export async function forgetTab(tabId: number): Promise<void> {
  const all = await chatFramesItem.getValue();
  if (!(tabId in all)) return;
  const { [tabId]: _gone, ...rest } = all;
  await chatFramesItem.setValue(rest);
}
