/**
 * The buyer's open turn (issue 9): on a three-column workbench read by the generic adapter, the buyer rows
 * after the agent's last message get suggestions as soon as the conversation opens; history and re-renders
 * get nothing. Fixture: tests/fixtures/consoles/workbench.html (contenteditable or textarea reply box).
 */
import type { Page } from '@playwright/test';
import { agentSays, answeredCount, answeredDuring, answeredOnOpen, installPack, readPack } from './console-helpers';
import { expect, test } from './fixtures';

const pack = readPack('console-test.json');
const question = (page: Page) => page.getByTestId('huashu-question');
const rerender = (page: Page) =>
  page.evaluate(() => (window as unknown as { fixture: { rerender(): void } }).fixture.rerender());
/**
 * The three-column workbench leaves no free column beside the chat: the card is the strip docked to the
 * reply box (components/card/placement.ts), which shows each open question without a click.
 */
async function openWorkbench(openConsole: (path: string) => Promise<Page>, editor = 'contenteditable') {
  const page = await openConsole(`/workbench.html?editor=${editor}`);
  await expect(page.getByTestId('huashu-card')).toHaveAttribute('data-layout', 'strip');
  return page;
}
const replyText = (page: Page) =>
  page.evaluate(() => (window as unknown as { fixture: { replyText(): string } }).fixture.replyText());

for (const editor of ['contenteditable', 'textarea'] as const) {
  test(`${editor}: a conversation opened with two unanswered buyer questions shows suggestions for both`, async ({
    background,
    openConsole,
  }) => {
    await installPack(background, pack);
    const page = await openWorkbench(openConsole, editor);
    // Newest first, each labelled with the message it answers.
    await expect(question(page)).toHaveCount(2);
    await expect(question(page).nth(0).getByTestId('huashu-question-text')).toHaveText('能便宜点吗亲');
    await expect(question(page).nth(0).getByTestId('huashu-suggestion').first()).toHaveAttribute(
      'data-script-id',
      'discount',
    );
    await expect(question(page).nth(1).getByTestId('huashu-question-text')).toHaveText('请问什么时候发货呀');
    const earlier = question(page).nth(1).getByTestId('huashu-suggestion').first();
    await expect(earlier).toHaveAttribute('data-script-id', 'shipping-time');
    // The greeting before the agent's reply is history: two buyer messages went to the engine, not three.
    expect(await answeredCount(page)).toBe(2);

    // The earlier question's answer inserts like any other, into the reply box, and sends nothing.
    await earlier.click();
    await expect.poll(() => replyText(page)).toMatch(/16/);

    // The agent's reply closes the turn: the card keeps only the newest question's suggestions.
    await agentSays(page, '亲，今天就能发哦');
    await expect(question(page)).toHaveCount(1);
    await expect(page.getByTestId('huashu-question-text')).toHaveCount(0);
  });
}

test('switching to an unread conversation shows its open question’s suggestions within 1 s', async ({
  background,
  openConsole,
}) => {
  await installPack(background, pack);
  const page = await openWorkbench(openConsole);
  await expect(question(page)).toHaveCount(2);
  const first = page.getByTestId('huashu-suggestion').first();
  const started = Date.now();
  await page.getByRole('option', { name: /小美/ }).click();
  await expect(first).toHaveAttribute('data-script-id', 'return-policy');
  expect(Date.now() - started).toBeLessThan(1000);
  await expect(question(page)).toHaveCount(1);
  // Each buyer keeps their own open questions.
  await page.getByRole('option', { name: /阿杰/ }).click();
  await expect(question(page)).toHaveCount(2);
  await expect(first).toHaveAttribute('data-script-id', 'discount');
});

test('a conversation whose last message is the agent’s shows nothing', async ({ background, openConsole }) => {
  await installPack(background, pack);
  const page = await openWorkbench(openConsole);
  await expect(question(page)).toHaveCount(2);
  expect(await answeredOnOpen(page, () => page.getByRole('option', { name: /老周/ }).click())).toBe(0);
  await expect(page.getByTestId('huashu-card')).toHaveAttribute('data-status', 'idle');
  await expect(page.getByTestId('huashu-suggestion')).toHaveCount(0);
});

test('a re-render of the same history shows nothing new', async ({ background, openConsole }) => {
  await installPack(background, pack);
  const page = await openWorkbench(openConsole);
  await expect(question(page)).toHaveCount(2);
  const answered = await answeredCount(page);
  // The chat pane rebuilds the rows (a virtualised list re-rendering): nothing is passed on.
  expect(await answeredDuring(page, () => rerender(page))).toBe(0);
  // Leaving and coming back re-reads the open turn, which was answered already.
  expect(await answeredOnOpen(page, () => page.getByRole('option', { name: /老周/ }).click())).toBe(0);
  expect(await answeredOnOpen(page, () => page.getByRole('option', { name: /阿杰/ }).click())).toBe(0);
  expect(await answeredCount(page)).toBe(answered);
  await expect(question(page)).toHaveCount(2);
});
