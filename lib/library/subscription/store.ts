/**
 * Where subscriptions live: the extension's own storage.local (never a page's). The list is one item (the
 * side panel watches it for the status lines); a file waiting for its preview is an item of its own, so the
 * list stays small. Only the background writes them (lib/library/subscription/manager.ts).
 */
import { storage } from 'wxt/utils/storage';
import type { Subscription } from './check';

export const subscriptionsItem = storage.defineItem<Subscription[]>('local:subscriptions', { fallback: [] });

export const pendingFileKey = (id: string) => `local:subscriptionFile:${id}` as const;

export async function readPendingFile(id: string): Promise<string | null> {
  return storage.getItem<string>(pendingFileKey(id));
}

export async function savePendingFile(id: string, text: string | null): Promise<void> {
  if (text === null) await storage.removeItem(pendingFileKey(id));
  else await storage.setItem(pendingFileKey(id), text);
}
