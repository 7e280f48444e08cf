/**
 * "Open the conversation": focus the console tab the promise was logged in (same URL, else same page
 * without the query/hash), else open its URL in a new tab. Tab URLs are visible for consoles Huashu has
 * host access to, which are the only ones it logs from.
 */
import { browser } from 'wxt/browser';

function stripHash(url: string): string {
  try {
    const u = new URL(url);
    return u.origin + u.pathname;
  } catch {
    return url;
  }
}

export async function openConversation(url: string): Promise<{ how: 'focused' | 'opened'; tabId?: number }> {
  const tabs = await browser.tabs.query({});
  const target = tabs.find((t) => t.url === url) ?? tabs.find((t) => t.url && stripHash(t.url) === stripHash(url));
  if (target?.id !== undefined) {
    await browser.tabs.update(target.id, { active: true });
    if (target.windowId !== undefined) await browser.windows.update(target.windowId, { focused: true });
    return { how: 'focused', tabId: target.id };
  }
  const tab = await browser.tabs.create({ url });
  return { how: 'opened', tabId: tab.id };
}
