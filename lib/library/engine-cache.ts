/**
 * One engine for the background, built from the active packs on first use and rebuilt after the
 * library changes. Concurrent callers during a build share the same promise.
 */
import type { HuashuDB } from '../db/db';
import { buildEngine } from '../match/engine';
import type { Engine } from '../match/types';
import type { Pack } from '../pack/schema';
import { loadActivePacks } from './packs';

export interface EngineCache {
  get(): Promise<{ engine: Engine; packs: Pack[] }>;
  invalidate(): void;
}

export function createEngineCache(db: HuashuDB): EngineCache {
  let current: Promise<{ engine: Engine; packs: Pack[] }> | null = null;
  return {
    get() {
      current ??= loadActivePacks(db).then((packs) => ({ engine: buildEngine(packs), packs }));
      // A failed build must not stick: the next call retries.
      current.catch(() => (current = null));
      return current;
    },
    invalidate() {
      current = null;
    },
  };
}
