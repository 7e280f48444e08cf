/**
 * One engine for the background, built from the active packs on first use and rebuilt after the
 * library changes. Concurrent callers during a build share the same promise; a build that was started
 * before an invalidation is never handed out afterwards.
 */
import type { HuashuDB } from '../db/db';
import { buildEngine } from '../match/engine';
import type { Engine } from '../match/types';
import type { Pack } from '../pack/schema';
import { loadActivePacks } from './packs';

export interface EngineCache {
  get(): Promise<{ engine: Engine; packs: Pack[] }>;
  /** The review-reply engine (scripts of category `review` only), built on first use from the same packs. */
  reviews(): Promise<{ engine: Engine; packs: Pack[] }>;
  invalidate(): void;
}

export function createEngineCache(db: HuashuDB): EngineCache {
  let current: Promise<{ engine: Engine; packs: Pack[] }> | null = null;
  let reviews: { from: Promise<unknown>; built: Promise<{ engine: Engine; packs: Pack[] }> } | null = null;
  const cache: EngineCache = {
    get() {
      if (!current) {
        const build = loadActivePacks(db).then((packs) => ({ engine: buildEngine(packs), packs }));
        current = build;
        // A failed build must not stick: the next call retries.
        build.catch(() => {
          if (current === build) current = null;
        });
      }
      return current;
    },
    reviews() {
      const base = cache.get();
      if (!reviews || reviews.from !== base)
        reviews = {
          from: base,
          built: base.then(({ packs }) => ({ engine: buildEngine(packs, { scope: 'review' }), packs })),
        };
      return reviews.built;
    },
    invalidate() {
      current = null;
    },
  };
  return cache;
}

/** Dexie's cross-context change keys (`idb://<db>/<table>/…`) that affect the engine. */
export function touchesLibrary(dbName: string, changedParts: Record<string, unknown>): boolean {
  const prefixes = [`idb://${dbName}/packs/`, `idb://${dbName}/overrides/`];
  return Object.keys(changedParts).some((k) => prefixes.some((p) => k.startsWith(p)));
}
