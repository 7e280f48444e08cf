/**
 * Helpers for the console browser tests: read a fixture pack, drive fixture consoles. Installing a pack
 * goes through tools/browser/packs.ts (shared with the demo and the benchmarks).
 */
import { resolve } from 'node:path';
import type { Frame } from 'playwright-core';
import type { Pack } from '../../lib/pack/schema';
import { readPackFile } from '../../tools/browser/packs';

export { installPack, packCount } from '../../tools/browser/packs';

/** A fixture console page, or the frame of one that holds the chat (same `window.fixture`). */
type Doc = Pick<Frame, 'evaluate'>;

export const PACKS_DIR = resolve(import.meta.dirname, '../fixtures/packs');

/** A pack from tests/fixtures/packs/. */
export function readPack(file: string): Pack {
  return readPackFile(resolve(PACKS_DIR, file));
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
