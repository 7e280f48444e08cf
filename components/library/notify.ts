/**
 * Tell the background that the library changed so its engine is rebuilt before the next answer. The
 * background also watches Dexie's cross-context change events; the message makes it immediate.
 */
import { sendMessage } from '@/lib/messaging';

export async function notifyLibraryChanged(): Promise<void> {
  try {
    await sendMessage('libraryChanged', undefined);
  } catch {
    // No background (component tests) or it is restarting: it rebuilds from the database on start anyway.
  }
}
