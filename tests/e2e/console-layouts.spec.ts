/**
 * A card the agent can read without a click (issue 9 item 2): on each fixture layout, read by the generic
 * adapter, the first suggestion of the buyer's open question is visible at once and its box is clear of the
 * reply box and of the newest message row. With no free column beside the conversation, the card is a strip
 * docked to the reply box (opened to the full card by its handle or Alt+0); the corner bar is only for an
 * agent who collapses it, and that choice is remembered per site.
 */
import type { Locator, Page } from '@playwright/test';
import { buyerSays, installPack, readPack } from './console-helpers';
import { expect, test } from './fixtures';

const pack = readPack('console-test.json');

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, view: { width: number; height: number }) =>
  a.x >= 0 && a.y >= 0 && a.x + a.width <= view.width && a.y + a.height <= view.height;

async function boxOf(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  if (!b) throw new Error('no box');
  return b;
}

/** The first suggestion is on screen, not covered, and clear of the reply box and the newest message row. */
async function readableAtOnce(page: Page, newestRow: Locator, scriptId: string) {
  const first = page.getByTestId('huashu-suggestion').first();
  await expect(first).toHaveAttribute('data-script-id', scriptId);
  await expect(first).toBeVisible();
  await expect(newestRow).toBeVisible();
  const view = page.viewportSize()!;
  const card = await boxOf(page.getByTestId('huashu-card'));
  const suggestion = await boxOf(first);
  const reply = await boxOf(page.locator('#reply'));
  const row = await boxOf(newestRow);
  expect(inside(suggestion, view)).toBe(true);
  for (const b of [card, suggestion]) {
    expect(overlaps(b, reply), 'over the reply box').toBe(false);
    expect(overlaps(b, row), 'over the newest message row').toBe(false);
  }
  // Nothing of the page lies on top of it: the point at its centre is the suggestion itself.
  const hit = await first.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const root = el.getRootNode() as ShadowRoot;
    return root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest('button') === el;
  });
  expect(hit).toBe(true);
}

const layouts: {
  name: string;
  path: string;
  size: { width: number; height: number };
  newest: (page: Page) => Locator;
  ask?: [string, string];
  first: string;
  layout: 'strip' | 'card';
  theme?: 'dark';
}[] = [
  {
    name: 'three-column workbench at 1366×768',
    path: '/workbench.html',
    size: { width: 1366, height: 768 },
    newest: (p) => p.locator('.msg').last(),
    first: 'discount',
    layout: 'strip',
  },
  {
    name: 'three-column workbench, long history (newest row right above the reply box)',
    path: '/workbench.html?history=40&editor=textarea',
    size: { width: 1366, height: 768 },
    newest: (p) => p.locator('.msg').last(),
    first: 'discount',
    layout: 'strip',
  },
  {
    name: 'full-width chat',
    path: '/fullwidth.html',
    size: { width: 1366, height: 768 },
    newest: (p) => p.locator('.msg').last(),
    ask: ['请问什么时候发货呀', 'shipping-time'],
    first: 'shipping-time',
    layout: 'strip',
  },
  {
    name: '1024-px window',
    path: '/workbench.html?history=20',
    size: { width: 1024, height: 768 },
    newest: (p) => p.locator('.msg').last(),
    first: 'discount',
    layout: 'strip',
  },
  {
    name: 'chat widget in the lower-right corner',
    path: '/widget.html',
    size: { width: 1280, height: 800 },
    newest: (p) => p.locator('.msg').last(),
    ask: ['可以开专票吗', 'vat-invoice'],
    first: 'vat-invoice',
    layout: 'card',
  },
  {
    name: 'dark mode (full-width chat)',
    path: '/fullwidth.html?dark',
    size: { width: 1366, height: 768 },
    newest: (p) => p.locator('.msg').last(),
    ask: ['能便宜点吗亲', 'discount'],
    first: 'discount',
    layout: 'strip',
    theme: 'dark',
  },
  {
    name: 'dark mode (workbench at 1366×768)',
    path: '/workbench.html?dark&history=30',
    size: { width: 1366, height: 768 },
    newest: (p) => p.locator('.msg').last(),
    first: 'discount',
    layout: 'strip',
    theme: 'dark',
  },
];

for (const l of layouts)
  test(`${l.name}: the first suggestion is readable without a click, clear of the reply box and newest row`, async ({
    background,
    context,
    server,
  }) => {
    await installPack(background, pack);
    // The window size first: the page opens in it, as in the agent's browser.
    const page = await context.newPage();
    await page.setViewportSize(l.size);
    await page.goto(server.url(l.path));
    await expect(page.locator('html')).toHaveAttribute('data-huashu', 'ready');
    if (l.ask) await buyerSays(page, l.ask[0]);
    const card = page.getByTestId('huashu-card');
    await expect(card).toHaveAttribute('data-layout', l.layout);
    await expect(card).toHaveAttribute('data-collapsed', 'false');
    if (l.theme) await expect(card).toHaveAttribute('data-theme', l.theme);
    await readableAtOnce(page, l.newest(page), l.first);
    // The page's own layout stays as it was: the reply box is still usable.
    await page.locator('#reply').click();
    await expect(page.locator('#reply')).toBeFocused();
  });

test('the strip shows the top three with Alt+1…3; its handle, a click or Alt+0 opens the full card', async ({
  background,
  openConsole,
}) => {
  await installPack(background, pack);
  const page = await openConsole('/workbench.html?editor=textarea');
  await page.setViewportSize({ width: 1366, height: 768 });
  const card = page.getByTestId('huashu-card');
  await expect(card).toHaveAttribute('data-layout', 'strip');
  await expect(card).toHaveAttribute('data-open', 'false');
  const newest = page.getByTestId('huashu-question').first();
  await expect(newest.getByTestId('huashu-suggestion').first()).toContainText('Alt+1');
  expect(await newest.getByTestId('huashu-suggestion').count()).toBeLessThanOrEqual(3);
  // The strip's row inserts like the card's; Alt+1 inserts the first suggestion.
  await page.locator('#reply').click();
  await page.keyboard.press('Alt+1');
  await expect(page.locator('#reply')).toHaveValue(/./);
  await page.locator('#reply').fill('');

  // Hovering the handle opens the full card (search, footer); leaving it goes back to the strip.
  await page.getByTestId('huashu-expand').hover();
  await expect(card).toHaveAttribute('data-open', 'true');
  await expect(page.getByTestId('huashu-search')).toBeVisible();
  await page.locator('.order-panel').hover();
  await expect(card).toHaveAttribute('data-open', 'false');
  await expect(page.getByTestId('huashu-search')).toHaveCount(0);

  // A click pins it open; Alt+0 (the reply box focused) goes back and opens again.
  await page.getByTestId('huashu-expand').click();
  await expect(card).toHaveAttribute('data-open', 'true');
  await page.locator('.order-panel').hover();
  await expect(card).toHaveAttribute('data-open', 'true');
  await page.locator('#reply').click();
  await page.keyboard.press('Alt+0');
  await expect(card).toHaveAttribute('data-open', 'false');
  await page.keyboard.press('Alt+0');
  await expect(card).toHaveAttribute('data-open', 'true');
  // The opened card stays on screen, above the reply box.
  const box = await boxOf(card);
  const reply = await boxOf(page.locator('#reply'));
  expect(overlaps(box, reply)).toBe(false);
  expect(box.y).toBeGreaterThanOrEqual(0);
});

test('collapsing is the agent’s choice, remembered per site across a reload', async ({
  background,
  context,
  openConsole,
}) => {
  await installPack(background, pack);
  const page = await openConsole('/workbench.html');
  await page.setViewportSize({ width: 1366, height: 768 });
  const card = page.getByTestId('huashu-card');
  await expect(page.getByTestId('huashu-suggestion').first()).toBeVisible();
  await page.getByTestId('huashu-collapse').click();
  await expect(card).toHaveAttribute('data-collapsed', 'true');
  await expect(page.getByTestId('huashu-suggestion')).toHaveCount(0);
  await expect(page.getByTestId('huashu-count')).toHaveText(/^[1-9]$/);
  // Stored for this site (the fixture server's origin) in extension storage.
  const origin = new URL(page.url()).origin;
  await expect
    .poll(async () =>
      background.evaluate(async () => (await chrome.storage.local.get('cardCollapsedSites')).cardCollapsedSites),
    )
    .toEqual({ [origin]: true });

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-huashu', 'ready');
  await expect(card).toHaveAttribute('data-collapsed', 'true');
  await expect(page.getByTestId('huashu-count')).toHaveText(/^[1-9]$/);
  await expect(page.getByTestId('huashu-suggestion')).toHaveCount(0);

  // Another site keeps its own choice (the same fixture server under another host name).
  const other = await context.newPage();
  await other.goto(origin.replace('127.0.0.1', 'localhost') + '/workbench.html');
  const otherCard = other.getByTestId('huashu-card');
  await expect(other.getByTestId('huashu-suggestion').first()).toBeVisible();
  await expect(otherCard).toHaveAttribute('data-collapsed', 'false');

  // Expanding again is remembered too.
  await page.getByTestId('huashu-collapse').click();
  await expect(card).toHaveAttribute('data-collapsed', 'false');
  await page.reload();
  await expect(page.getByTestId('huashu-suggestion').first()).toBeVisible();
  await expect(card).toHaveAttribute('data-collapsed', 'false');
});
