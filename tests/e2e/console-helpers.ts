/**
 * Helpers for the console browser tests, the browser benchmark and the demo: install a pack through the
 * service worker's test hooks (until the import UI lands), drive fixture consoles.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Worker } from 'playwright-core';

/** A fixture console page, or the frame of one that holds the chat (same `window.fixture`). */
type Doc = Pick<Frame, 'evaluate'>;
import { parsePack } from '../../lib/pack';
import type { Pack } from '../../lib/pack/schema';
import type { HuashuTestHooks } from '../../entrypoints/background/test-hooks';

export const PACKS_DIR = resolve(import.meta.dirname, '../fixtures/packs');

export function readPack(file: string): Pack {
  const parsed = parsePack(readFileSync(resolve(PACKS_DIR, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.join('; ')}`);
  return parsed.pack;
}

/** Make `pack` the only active pack (after the default pack's first-run install settled). */
export async function installPack(background: Worker, pack: Pack, opts: { only?: boolean } = {}): Promise<void> {
  await background.evaluate(
    async ({ pack, only }) => {
      const { db, engineCache, libraryReady } = (globalThis as unknown as { huashu: HuashuTestHooks }).huashu;
      await libraryReady();
      if (only) await db.packs.toCollection().modify({ active: false });
      await db.packs.put({
        id: pack.pack.id,
        pack,
        priority: 0,
        active: true,
        source: 'import',
        installedAt: Date.now(),
      });
      engineCache.invalidate();
    },
    { pack, only: opts.only ?? true },
  );
}

/** How many packs the library holds once the first-run install settled. */
export async function packCount(background: Worker): Promise<number> {
  return background.evaluate(async () => {
    const { db, libraryReady } = (globalThis as unknown as { huashu: HuashuTestHooks }).huashu;
    await libraryReady();
    return db.packs.count();
  });
}

export async function buyerSays(page: Doc, text: string, buyer?: string): Promise<void> {
  await page.evaluate(
    ([t, b]) => (window as unknown as { fixture: { buyerSays(t: string, b?: string): void } }).fixture.buyerSays(t, b),
    [text, buyer] as const,
  );
}

export async function agentSays(page: Doc, text: string): Promise<void> {
  await page.evaluate(
    (t) => (window as unknown as { fixture: { agentSays(t: string): void } }).fixture.agentSays(t),
    text,
  );
}

export async function sent(page: Doc): Promise<unknown[]> {
  return page.evaluate(() => [...(window as unknown as { fixture: { sent: unknown[] } }).fixture.sent]);
}
