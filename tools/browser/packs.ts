/**
 * Put a pack into a running Huashu through the service worker's test hooks: used by `npm run demo`
 * (`--pack`), the browser benchmarks and the browser tests.
 */
import { readFileSync } from 'node:fs';
import type { Worker } from 'playwright-core';
import { parsePack } from '../../lib/pack';
import type { Pack } from '../../lib/pack/schema';
import type { HuashuTestHooks } from '../../entrypoints/background/test-hooks';

/** Read and validate a pack file; throws with the parser's messages when it is not a valid pack. */
export function readPackFile(path: string): Pack {
  const parsed = parsePack(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.errors.join('; ')}`);
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
