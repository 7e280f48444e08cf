/**
 * Insertion into editors whose page keeps its own state: a React-style controlled input (the page's
 * state must see the text, or its next render wipes it) and a model-driven contenteditable editor.
 */
import { answeredDuring, buyerSays, installPack, readPack, sent } from './console-helpers';
import { expect, test } from './fixtures';

const pack = readPack('console-test.json');

test('React-controlled input: the page state sees the inserted text and sends it itself', async ({
  background,
  openConsole,
}) => {
  await installPack(background, pack);
  const page = await openConsole('/react.html');
  const card = page.getByTestId('huashu-card');
  // History (a buyer question and the agent's answer) triggered nothing.
  await expect(card).toHaveAttribute('data-status', 'idle');

  await buyerSays(page, '可以开专票吗');
  const first = page.getByTestId('huashu-suggestion').first();
  await expect(first).toHaveAttribute('data-script-id', 'vat-invoice');
  await first.click();
  const draft = () =>
    page.evaluate(() => (window as unknown as { fixture: { state: { draft: string } } }).fixture.state.draft);
  await expect.poll(draft).toMatch(/开户行及账号/);
  // A re-render from state keeps the text (it would be wiped had the page not seen it).
  await page.evaluate(() => (window as unknown as { fixture: { rerender(): void } }).fixture.rerender());
  await expect(page.getByPlaceholder('回复买家…')).toHaveValue(/开户行及账号/);
  expect(await sent(page)).toEqual([]);

  // The agent's own message (re-rendered thread) does not trigger a new suggestion round.
  expect(await answeredDuring(page, () => page.getByRole('button', { name: '发送' }).click())).toBe(0);
  expect((await sent(page))[0]).toMatch(/开户行及账号/);
  await expect(page.getByTestId('huashu-suggestion').first()).toHaveAttribute('data-script-id', 'vat-invoice');
});

test('contenteditable editor: text lands at the caret and the editor’s model sees it', async ({
  background,
  openConsole,
}) => {
  await installPack(background, pack);
  const page = await openConsole('/contenteditable.html');
  const editor = page.locator('.editor');
  await editor.click();
  await page.keyboard.type('Hello! ');

  await buyerSays(page, 'When will you ship my order?');
  const first = page.getByTestId('huashu-suggestion').first();
  await expect(first).toHaveAttribute('data-script-id', 'shipping-time-en');
  await first.click();
  // {buyer} comes from the header (.buyer-name).
  await expect(editor).toContainText(/^Hello!\s.*Lily.*2–3 days/);
  const model = () =>
    page.evaluate(
      () => (window as unknown as { fixture: { model: { text: string; events: string[] } } }).fixture.model,
    );
  await expect.poll(async () => (await model()).text).toMatch(/^Hello!\s.*2–3 days/);
  // Taken through the editor's paste handler (the way model-driven editors take text).
  expect((await model()).events).toContain('paste');
  expect(await sent(page)).toEqual([]);

  await page.getByRole('button', { name: 'Send' }).click();
  expect((await sent(page))[0]).toMatch(/^Hello!\s.*2–3 days/);
});

test('an editor that takes text only through beforeinput gets it exactly once', async ({ background, openConsole }) => {
  await installPack(background, pack);
  const page = await openConsole('/contenteditable.html?strict');
  await buyerSays(page, 'When will you ship my order?');
  await page.getByTestId('huashu-suggestion').first().click();
  const model = () =>
    page.evaluate(
      () => (window as unknown as { fixture: { model: { text: string; events: string[] } } }).fixture.model,
    );
  await expect.poll(async () => (await model()).text).toMatch(/2–3 days/);
  const { text, events } = await model();
  expect(text.match(/2–3 days/g)).toHaveLength(1);
  expect(events.filter((e) => e === 'beforeinput:insertText').length).toBeGreaterThan(0);
  await expect(page.locator('.editor')).toHaveText(text);
});
