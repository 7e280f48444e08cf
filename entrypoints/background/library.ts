/** Background wiring of the script library: default pack on install, engine cache, suggest/search. */
import { browser } from 'wxt/browser';
import { db } from '@/lib/db/db';
import { createEngineCache } from '@/lib/library/engine-cache';
import { ensureDefaultPack } from '@/lib/library/packs';
import type { Engine, Suggestion } from '@/lib/match/types';
import { onMessage, type SuggestionView } from '@/lib/messaging';
import { parsePack, type Pack } from '@/lib/pack';

export const DEFAULT_PACK_PATH = '/packs/default.json';

async function loadBundledDefaultPack(): Promise<Pack> {
  // A file inside the extension package: no network involved.
  const res = await fetch(browser.runtime.getURL(DEFAULT_PACK_PATH as '/'));
  const parsed = parsePack(await res.text());
  if (!parsed.ok) throw new Error(`bundled default pack is invalid: ${parsed.errors.join('; ')}`);
  return parsed.pack;
}

export const engineCache = createEngineCache(db);

/** Settles once the default pack is installed (or failed to); for tests and tools. */
export let libraryReady: Promise<unknown> = Promise.resolve();

export function setupLibrary() {
  const ready = ensureDefaultPack(db, loadBundledDefaultPack).catch((e) =>
    console.error('[huashu] could not install the default pack', e),
  );
  libraryReady = ready;

  const view = (engine: Engine, packs: Pack[], s: Suggestion): SuggestionView => ({
    ...s,
    packName: packs.find((p) => p.pack.id === s.packId)?.pack.name ?? s.packId,
    script: engine.script(s.packId, s.scriptId)!,
  });

  onMessage('suggest', async ({ data }) => {
    await ready;
    const { engine, packs } = await engineCache.get();
    const answer = engine.suggest(data.text);
    return { ...answer, suggestions: answer.suggestions.map((s) => view(engine, packs, s)) };
  });

  onMessage('search', async ({ data }) => {
    await ready;
    const { engine, packs } = await engineCache.get();
    return engine.search(data.query, data.limit).map((s) => view(engine, packs, s));
  });
}
