/// <reference types="chrome" />
/**
 * The console page cannot act for the agent (issue 12): a page script's `el.click()` and
 * `dispatchEvent(new MouseEvent('click'))` on the card and the toast, or a synthetic Alt+1 on window,
 * change nothing — no promise stored, edited or undone, no gift budget spent, the reply box untouched,
 * no teach mode — while the agent's real clicks and keys (Playwright's input) still work.
 */
import type { Page } from '@playwright/test';
import { buyerSays, installPack, readPack, sent } from './console-helpers';
import { expect, test } from './fixtures';
import { readPromises } from './promises-helpers';

const pack = readPack('console-test.json');

/**
 * Page script: click every element with this testid inside Huashu's open shadow roots, both ways a script
 * can (`click()` and a dispatched MouseEvent). Returns how many elements it found (0 would prove nothing).
 */
async function forgeClick(page: Page, testid: string, filter?: { attr: string; value: string }): Promise<number> {
  return page.evaluate(
    ([id, f]) => {
      const found = [...document.querySelectorAll('*')].flatMap((host) =>
        host.shadowRoot ? [...host.shadowRoot.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)] : [],
      );
      const els = f ? found.filter((el) => el.getAttribute(f.attr) === f.value) : found;
      for (const el of els) {
        el.click();
        el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
      }
      return els.length;
    },
    [testid, filter] as const,
  );
}

/** Page script: a synthetic Alt+1 keydown on window; returns whether anyone cancelled it. */
async function forgeAlt1(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const e = new KeyboardEvent('keydown', {
      key: '1',
      code: 'Digit1',
      altKey: true,
      bubbles: true,
      cancelable: true,
      composed: true,
    });
    // On window (where Huashu listens) and from the reply box, as a key press there would come.
    window.dispatchEvent(e);
    const fromBox = new KeyboardEvent('keydown', {
      key: '1',
      code: 'Digit1',
      altKey: true,
      bubbles: true,
      cancelable: true,
    });
    document.getElementById('reply')!.dispatchEvent(fromBox);
    return e.defaultPrevented || fromBox.defaultPrevented;
  });
}

const budgetUse = (bg: Parameters<typeof installPack>[0]) =>
  bg.evaluate(
    async () => (await chrome.storage.local.get('giftBudgetUse')).giftBudgetUse as { used: number } | undefined,
  );

test('page-dispatched clicks and keys on the card change nothing; real ones work', async ({
  background,
  openConsole,
}) => {
  await installPack(background, pack);
  const page = await openConsole('/textarea.html');
  const reply = page.locator('#reply');
  await buyerSays(page, '能便宜点吗亲');
  await expect(page.getByTestId('huashu-suggestion').first()).toHaveAttribute('data-script-id', 'discount');
  await expect(page.getByTestId('huashu-compensation').filter({ hasText: '鞋带' })).toBeVisible();
  const typed = '明天上午一定给您发出';
  await reply.fill(typed);

  // Inserting: suggestions, a gift, Alt+1 (synchronous handlers: the reply box would change at once).
  expect(await forgeClick(page, 'huashu-suggestion')).toBeGreaterThan(0);
  expect(await forgeClick(page, 'huashu-compensation', { attr: 'data-kind', value: 'gift' })).toBe(1);
  expect(await forgeAlt1(page)).toBe(false);
  await expect(reply).toHaveValue(typed);

  // Logging a promise, teach mode, hiding the card.
  expect(await forgeClick(page, 'huashu-log-promise')).toBe(1);
  expect(await forgeClick(page, 'huashu-teach')).toBe(1);
  expect(await forgeClick(page, 'huashu-close')).toBe(1);
  await expect(page.getByTestId('huashu-card')).toBeVisible();

  // The agent's real click logs exactly one promise: the forged click (sent first) stored none.
  await page.getByTestId('huashu-log-promise').click();
  await expect(page.getByTestId('huashu-toast')).toHaveAttribute('data-kind', 'promise');
  await expect.poll(async () => (await readPromises(background)).length).toBeGreaterThan(0);
  expect((await readPromises(background)).map((p) => [p.text, p.source])).toEqual([[typed, 'card']]);
  await expect(page.getByTestId('huashu-teach-panel')).toHaveCount(0);

  // A real gift click inserts once and spends once: the forged ones spent nothing.
  await reply.fill('');
  await page.getByTestId('huashu-compensation').filter({ hasText: '鞋带' }).click();
  await expect(reply).toHaveValue(/替换鞋带/);
  await expect.poll(async () => (await budgetUse(background))?.used).toBe(3);
  expect((await reply.inputValue()).split('替换鞋带').length - 1).toBe(1);

  // A real Alt+1 inserts the first suggestion.
  await reply.fill('');
  await reply.click();
  await page.keyboard.press('Alt+1');
  await expect(reply).toHaveValue(/活动价/);
  expect(await sent(page)).toEqual([]);
});

test('page-dispatched clicks on the toast neither undo nor edit a promise; real ones do', async ({
  background,
  openConsole,
}) => {
  await installPack(background, pack);
  const page = await openConsole('/textarea.html');
  await buyerSays(page, '什么时候发货');
  await expect(page.getByTestId('huashu-card')).toBeVisible();
  await page.locator('#reply').fill('明天上午给您发出');
  await page.getByTestId('huashu-log-promise').click();
  const toast = page.getByTestId('huashu-toast');
  await expect(toast).toHaveAttribute('data-kind', 'promise');
  await expect.poll(async () => (await readPromises(background)).length).toBe(1);

  expect(await forgeClick(page, 'toast-undo')).toBe(1);
  expect(await forgeClick(page, 'toast-edit')).toBe(1);
  expect(await forgeClick(page, 'toast-close')).toBe(1);
  await expect(toast).toHaveAttribute('data-kind', 'promise');
  await expect(toast.getByTestId('toast-edit-text')).toHaveCount(0);

  // The real Edit opens the form; a forged Save (submit) neither saves nor closes it.
  await toast.getByTestId('toast-edit').click();
  await toast.getByTestId('toast-edit-text').fill('页面脚本改的');
  expect(await forgeClick(page, 'toast-save')).toBe(1);
  await page.evaluate(() => {
    const toastHost = [...document.querySelectorAll('*')].find((h) => h.shadowRoot?.querySelector('form'));
    toastHost!.shadowRoot!.querySelector('form')!.requestSubmit();
  });
  expect(await forgeClick(page, 'toast-cancel')).toBe(1);
  await expect(toast.getByTestId('toast-edit-text')).toHaveValue('页面脚本改的');

  // A real Enter in the due field saves (the browser clicks Save): the promise was never undone (an
  // update of a deleted one fails).
  await toast.getByTestId('toast-edit-text').fill('后天上午给您发出');
  await toast.getByTestId('toast-edit-due').press('Enter');
  await expect(toast.getByTestId('toast-text')).toHaveText('后天上午给您发出');
  await expect(toast).toHaveAttribute('data-kind', 'promise');
  expect((await readPromises(background)).map((p) => p.text)).toEqual(['后天上午给您发出']);

  // And the real Undo takes it back (a soft delete: kept as 'deleted', restorable in the Promises tab).
  await toast.getByTestId('toast-undo').click();
  await expect(toast).toHaveAttribute('data-kind', 'undone');
  await expect.poll(async () => (await readPromises(background)).map((p) => p.status)).toEqual(['deleted']);
});
