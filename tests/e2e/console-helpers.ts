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
type Doc = Pick<Frame, 'evaluate' | 'waitForFunction'>;

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

/** The content script's counters on `<html>` (lib/consoles/page-signals.ts). */
async function counters(page: Doc): Promise<{ checks: number; answered: number; turns: number }> {
  return page.evaluate(() => ({
    checks: Number(document.documentElement.dataset.huashuChecks ?? 0),
    answered: Number(document.documentElement.dataset.huashuAnswered ?? 0),
    turns: Number(document.documentElement.dataset.huashuTurns ?? 0),
  }));
}

/** Waits until the open conversation's history has settled (its name contains `conversation` if given). */
export async function settled(page: Doc, conversation?: string): Promise<void> {
  await page.waitForFunction((c) => {
    const s = document.documentElement.dataset.huashuSettled;
    return s !== undefined && (c === undefined || s.includes(c));
  }, conversation);
}

/**
 * Runs `action` once the conversation has settled, waits until the content script has checked the page
 * after it, and returns how many buyer messages it passed to the engine meanwhile: the positive signal
 * behind a claim that "nothing happened".
 */
export async function answeredDuring(page: Doc, action: () => Promise<unknown>): Promise<number> {
  await settled(page);
  const before = await counters(page);
  await action();
  await page.waitForFunction((n) => Number(document.documentElement.dataset.huashuChecks ?? 0) > n, before.checks);
  return (await counters(page)).answered - before.answered;
}

/**
 * Runs `action` (opening a conversation, or re-rendering its list), waits until the content script has read
 * the open turn of the conversation it opened (`data-huashu-turns` moved) and returns how many buyer
 * messages it passed to the engine meanwhile.
 */
export async function answeredOnOpen(page: Doc, action: () => Promise<unknown>): Promise<number> {
  const before = await counters(page);
  await action();
  await page.waitForFunction((n) => Number(document.documentElement.dataset.huashuTurns ?? 0) > n, before.turns);
  return (await counters(page)).answered - before.answered;
}

/** How many buyer messages the content script has passed to the engine on this page. */
export async function answeredCount(page: Doc): Promise<number> {
  return (await counters(page)).answered;
}
