/// <reference types="chrome" />
/** Helpers for the Scripts-tab browser tests (library-import, library-xlsx). */
import type { Page } from '@playwright/test';

/** Ask the background exactly as the content script does (@webext-core/messaging's wire format). */
export async function ask<T>(page: Page, type: string, data: unknown): Promise<T> {
  const reply = await page.evaluate(
    ([type, data]) => chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() }),
    [type, data] as const,
  );
  if (reply?.err) throw new Error(JSON.stringify(reply.err));
  return reply.res as T;
}

export interface SuggestWire {
  suggestions: { packId: string; scriptId: string; script: { answers: { text: string }[]; questions: string[] } }[];
}
export const suggest = (page: Page, text: string) =>
  ask<SuggestWire>(page, 'suggest', { text, url: 'http://127.0.0.1/x' });

/** "packId/scriptId" of each suggestion, in rank order. */
export const topIds = async (page: Page, text: string) =>
  (await suggest(page, text)).suggestions.map((s) => `${s.packId}/${s.scriptId}`);

/** Packs and overrides as stored in IndexedDB (read with the raw API, not through the app). */
export async function dumpLibrary(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('huashu');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((ok, fail) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
    const out = { packs: await all('packs'), overrides: await all('overrides') };
    db.close();
    return out;
  });
}
