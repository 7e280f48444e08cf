/** The background's check of who sent a message (lib/sender.ts holds the rules; this passes our origin in). */
import { browser } from 'wxt/browser';
import { isExtensionPage, type SenderInfo } from '@/lib/sender';

export function extensionOrigin(): string {
  return browser.runtime.getURL('/');
}

/** True for Huashu's own pages; a content script's message is refused (and logged once per call). */
export function fromExtensionPage(sender: SenderInfo, what: string): boolean {
  if (isExtensionPage(sender, extensionOrigin())) return true;
  console.warn(`[huashu] ${what} refused from a page`, sender.url);
  return false;
}
