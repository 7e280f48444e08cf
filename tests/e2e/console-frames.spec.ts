/**
 * Chat pane in an iframe (frames.html: same-origin chat frame, an ad frame that keeps changing, a 1×1
 * tracking frame; ?nested puts the chat two levels down, ?cross serves it from localhost, another origin
 * that Huashu runs on). Only the chat frame watches and shows the card;
 * insert writes into the frame's reply box; the page and the other frames stay inert.
 */
import type { FrameLocator, Page } from '@playwright/test';
import { buyerSays, installPack, readPack, sent } from './console-helpers';
import { expect, test } from './fixtures';

const pack = readPack('console-test.json');

function chatFrame(page: Page) {
  const frame = page.frames().find((f) => f.url().includes('/textarea.html?frame'));
  if (!frame) throw new Error('no chat frame');
  return frame;
}

const CASES = [
  { query: '', name: 'a same-origin iframe', nested: false },
  { query: '?nested', name: 'a same-origin iframe, two levels down', nested: true },
  { query: '?cross', name: 'an iframe from another enabled origin', nested: false },
];

for (const { query, name, nested } of CASES)
  test(`chat in ${name}: card and insert in that frame only`, async ({ background, context, server }) => {
    await installPack(background, pack);
    const page = await context.newPage();
    await page.goto(server.url(`/frames.html${query}`));
    const chat: FrameLocator = nested ? page.frameLocator('#chat').frameLocator('#inner') : page.frameLocator('#chat');
    await expect(chat.locator('html')).toHaveAttribute('data-huashu', 'ready');
    // The page shell knows the chat is watched in a frame; the frames around it mark nothing.
    await expect(page.locator('html')).toHaveAttribute('data-huashu', 'in-frame');
    if (nested) await expect(page.frameLocator('#chat').locator('html')).not.toHaveAttribute('data-huashu');
    await expect(page.frameLocator('#ad').locator('html')).not.toHaveAttribute('data-huashu');
    await expect(page.frameLocator('#pixel').locator('html')).not.toHaveAttribute('data-huashu');

    const frame = chatFrame(page);
    await buyerSays(frame, '请问什么时候发货呀');
    const first = chat.getByTestId('huashu-suggestion').first();
    await expect(first).toHaveAttribute('data-script-id', 'shipping-time');
    await expect(first).toContainText('阿杰'); // {buyer} from the frame's own header
    await first.click();
    await expect(chat.locator('#reply')).toHaveValue('亲～阿杰，16点前付款当天就发哦，一般2-3天到～');
    expect(await sent(frame)).toEqual([]);

    // No card, no toast, no Huashu UI anywhere but in the chat frame.
    await expect(page.locator('[data-huashu-ui]')).toHaveCount(0);
    await expect(page.getByTestId('huashu-card')).toHaveCount(0);
    await expect(page.frameLocator('#ad').locator('[data-huashu-ui]')).toHaveCount(0);
    if (nested) await expect(page.frameLocator('#chat').locator('[data-huashu-ui]')).toHaveCount(0);
  });
