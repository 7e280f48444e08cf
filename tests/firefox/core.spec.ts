/**
 * The core flows in Firefox ESR with the Firefox build (MV2, sidebar instead of side panel): the card on a
 * fixture console with the default pack, insertion into a textarea and a contenteditable by a real click, a
 * promise logged from the card and shown live on the sidebar page, a pack imported on the sidebar page.
 */
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { attr, buyerSays, expect, inCard, test } from './fixtures';

const TEA = resolve(import.meta.dirname, '../fixtures/packs/tea-shop.json');

const sent = (page: Page) => page.evaluate(() => (window as unknown as { fixture: { sent: string[] } }).fixture.sent);

/** The first suggestion's answer as the card shows it (placeholders filled). */
async function firstSuggestion(page: Page) {
  const first = await inCard(page, 'huashu-suggestion');
  const text = await first.evaluate((e) => e.querySelector('.hs-text')?.textContent ?? '');
  return { first, text, scriptId: await attr(first, 'data-script-id') };
}

test('a buyer question gets the card; a click inserts into the textarea and sends nothing', async ({ openConsole }) => {
  const page = await openConsole('/textarea.html');
  await buyerSays(page, '能便宜点吗亲');
  const { first, text, scriptId } = await firstSuggestion(page);
  expect(scriptId).toBeTruthy();
  expect(text.length).toBeGreaterThan(4);
  await first.click();
  await page.waitForFunction(() => (document.querySelector('#reply') as HTMLTextAreaElement).value !== '');
  expect(await page.$eval('#reply', (e) => (e as HTMLTextAreaElement).value)).toBe(text);
  expect(await sent(page)).toEqual([]);
  // A refusal offers compensations.
  expect(await attr(await inCard(page, 'huashu-compensation'), 'data-testid')).toBe('huashu-compensation');
});

test('a click inserts into a contenteditable editor (the page model sees it)', async ({ openConsole }) => {
  const page = await openConsole('/contenteditable.html');
  await buyerSays(page, '请问什么时候发货');
  const { first, text } = await firstSuggestion(page);
  await first.click();
  await page.waitForFunction(
    () => (window as unknown as { fixture: { model: { text: string } } }).fixture.model.text !== '',
  );
  const model = await page.evaluate(
    () => (window as unknown as { fixture: { model: { text: string } } }).fixture.model.text,
  );
  expect(model.trim()).toBe(text);
  expect(await page.$eval('.editor', (e) => (e as HTMLElement).innerText.trim())).toBe(text);
  expect(await sent(page)).toEqual([]);
});

test('a promise logged from the card shows live on the sidebar page', async ({ openConsole, openExtensionPage }) => {
  const panel = await openExtensionPage('sidepanel.html', '[data-testid="promises-empty"]');
  const page = await openConsole('/promises.html');
  const text = '好的亲，明天上午给您补发一个新的杯子';
  await page.type('#reply', text);
  // The card's own button (Firefox's WebDriver key actions do not reach browser.commands shortcuts).
  const collapse = await inCard(page, 'huashu-collapse');
  if ((await attr(collapse, 'aria-expanded')) === 'false') await collapse.click();
  // A full-width chat has no free column: the card is the strip; its handle opens the full card (footer).
  const card = await inCard(page, 'huashu-card');
  if ((await attr(card, 'data-layout')) === 'strip') await (await inCard(page, 'huashu-expand')).click();
  await (await inCard(page, 'huashu-log-promise')).click();
  const toast = await inCard(page, 'huashu-toast', 'huashu-toast');
  expect(await attr(toast, 'data-kind')).toBe('promise');

  const row = await panel.waitForSelector('[data-testid="promise-row"]');
  expect(await row!.$eval('[data-testid="promise-text"]', (e) => e.textContent)).toBe(text);
  expect(await row!.$eval('[data-testid="promise-buyer"]', (e) => e.textContent)).toBe('小雨');
});

test('a pack imported on the sidebar page answers on the card', async ({ openConsole, openExtensionPage }) => {
  const panel = await openExtensionPage('sidepanel.html#scripts', '[data-testid="pack-import-input"]');
  const input = await panel.$('[data-testid="pack-import-input"]');
  await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(TEA);
  const counts = await panel.waitForSelector('[data-testid="preview-counts"]');
  expect(await attr(counts!, 'data-added')).toBe('3');
  await panel.click('[data-testid="pack-import-confirm"]');
  await panel.waitForSelector('[data-testid="pack-import-done"]');

  const page = await openConsole('/textarea.html');
  await buyerSays(page, '绿茶用多少度的水泡呀？');
  const { first } = await firstSuggestion(page);
  expect(await attr(first, 'data-script-id')).toBe('brew-temperature');
  expect(await attr(first, 'data-pack-id')).toBe('tea-shop');
});
