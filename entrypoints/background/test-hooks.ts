/**
 * Handles for browser tests, the browser benchmark and support sessions: reachable only by code running
 * in the service worker itself (Playwright's worker.evaluate, the DevTools console) — not by pages or
 * content scripts. TODO [2027-01-01]: browser tests can install packs through the import UI instead.
 */
import { db } from '@/lib/db/db';
import { engineCache, libraryReady } from './library';

export interface HuashuTestHooks {
  db: typeof db;
  engineCache: typeof engineCache;
  libraryReady(): Promise<unknown>;
}

export function setupTestHooks() {
  const hooks: HuashuTestHooks = { db, engineCache, libraryReady: () => libraryReady };
  (globalThis as { huashu?: HuashuTestHooks }).huashu = hooks;
}
