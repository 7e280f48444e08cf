/**
 * Background wiring of the script library: default pack on install, engine cache, suggest/search,
 * usage recording. The side panel and options page write the database in their own contexts; they send
 * `libraryChanged`, and Dexie's cross-context `storagemutated` event is a second signal, so the card
 * answers from a newly imported pack at once.
 */
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { db } from '@/lib/db/db';
import { createEngineCache, touchesLibrary } from '@/lib/library/engine-cache';
import { ensureDefaultPack } from '@/lib/library/packs';
import { recordUsage } from '@/lib/library/usage';
import { detectBuyerType, guaranteeFirst } from '@/lib/match/buyer-type';
import { detectEmotion } from '@/lib/match/emotion';
import { contextFrom } from '@/lib/match/context';
import { openersFor } from '@/lib/match/openers';
import { isNegative, readReview } from '@/lib/match/review';
import { rankReview } from '@/lib/match/review-rank';
import { detectRegister } from '@/lib/match/register';
import type { Engine, Suggestion } from '@/lib/match/types';
import { onMessage, type SuggestionView } from '@/lib/messaging';
import { parsePack, type Pack } from '@/lib/pack';
import { defaultPackFlag } from '@/lib/settings';
import { fromExtensionPage } from './senders';

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
  const installDefault = () =>
    ensureDefaultPack(db, loadBundledDefaultPack, defaultPackFlag).catch((e) =>
      console.error('[huashu] could not install the default pack', e),
    );
  const ready = installDefault();
  libraryReady = ready;

  const view = (engine: Engine, packs: Pack[], s: Suggestion): SuggestionView => ({
    ...s,
    packName: packs.find((p) => p.pack.id === s.packId)?.pack.name ?? s.packId,
    script: engine.script(s.packId, s.scriptId)!,
  });

  onMessage('suggest', async ({ data }) => {
    await ready;
    const { engine, packs } = await engineCache.get();
    const answer = engine.suggest(data.text, { context: contextFrom(data.context) });
    const emotion = detectEmotion(data.text);
    const buyerType = detectBuyerType(data.buyerRows?.length ? data.buyerRows : [data.text]);
    const suggestions = answer.suggestions.map((s) => view(engine, packs, s));
    return {
      ...answer,
      suggestions: buyerType === 'suspicious' ? guaranteeFirst(suggestions) : suggestions,
      emotion,
      buyerType,
      openers: openersFor(packs, emotion),
    };
  });

  onMessage('suggestReview', async ({ data }) => {
    await ready;
    const { engine, packs } = await engineCache.reviews();
    const others = (data.reviewerReviews ?? []).slice(0, 200);
    const negatives = others.filter((r) => isNegative(readReview(r))).length;
    const reviewerNegatives = negatives + (isNegative(readReview(data)) ? 1 : 0);
    const { reading, suggestions } = rankReview(engine, packs, {
      text: data.text,
      rating: data.rating,
      reviewerNegatives,
    });
    return {
      needsAnswer: true,
      parts: [data.text],
      suggestions: suggestions.map((s) => view(engine, packs, s)),
      register: detectRegister(data.text),
      emotion: 'calm',
      buyerType: 'none',
      openers: [],
      review: reading,
    };
  });

  onMessage('search', async ({ data }) => {
    await ready;
    const { engine, packs } = await engineCache.get();
    return engine.search(data.query, data.limit).map((s) => view(engine, packs, s));
  });

  onMessage('recordUsage', async ({ data }) => {
    await recordUsage(db, data);
  });

  // Rebuild now rather than on the next buyer message, so the card does not pay for the build.
  const rebuild = () => {
    engineCache.invalidate();
    engineCache.get().catch((e) => console.error('[huashu] engine rebuild failed', e));
  };
  // Our pages send libraryChanged after each write; Dexie's cross-context event catches any other
  // writer. The same write raises both, so the event waits a moment and yields to the message.
  let pending: ReturnType<typeof setTimeout> | undefined;
  let lastMessage = 0;
  onMessage('libraryChanged', async ({ sender }) => {
    // Sent by the side panel and options after their own writes; a content script writes no library.
    if (!fromExtensionPage(sender, 'libraryChanged')) return;
    clearTimeout(pending);
    lastMessage = Date.now();
    // After "delete all data" the flag is gone: the library starts again from the default pack.
    await installDefault();
    rebuild();
    await engineCache.get();
  });
  const onMutated = (parts: Record<string, unknown>) => {
    if (!touchesLibrary(db.name, parts) || Date.now() - lastMessage < 1000) return;
    clearTimeout(pending);
    pending = setTimeout(rebuild, 300);
  };
  Dexie.on('storagemutated', onMutated);
  return () => Dexie.on('storagemutated').unsubscribe(onMutated);
}
