/**
 * Enabling a site from the side panel: Chrome's permission prompt for that one site, then the background
 * registers the content script for it (all frames) and starts it in the open tab. Call it synchronously
 * from the agent's click: Chrome shows the prompt only during a user gesture.
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging';

export function enableSite(pattern: string, tabId?: number): Promise<boolean> {
  return browser.permissions
    .request({ origins: [pattern] })
    .then(async (granted) => granted && (await sendMessage('enableSite', { pattern, tabId })).ok)
    .catch(() => false);
}
