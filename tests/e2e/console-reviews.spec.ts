/**
 * Review replies (issue 14) on a fixture review-management page (tests/fixtures/consoles/reviews.html) with
 * the default pack: the agent clicks a row's 回复 button, the card answers that review with the scripts of
 * category `review`, a click inserts into that row's reply box, an extra chip appends its line.
 */
import { expect, test } from './fixtures';

const SELLING_POINT = /精梳棉|质检/;

async function openReviews(
  openConsole: (path: string, state?: 'ready' | 'waiting') => Promise<import('@playwright/test').Page>,
) {
  const page = await openConsole('/reviews.html', 'waiting');
  await expect(page.locator('html')).toHaveAttribute('data-huashu-reviews', 'ready');
  return page;
}

const row = (page: import('@playwright/test').Page, id: string) => page.locator(`[data-review-id="${id}"]`);

test('a good review: the thanks script with a selling point, inserted into that row; an extra appends', async ({
  openConsole,
}) => {
  const page = await openReviews(openConsole);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await row(page, 'r1').getByRole('button', { name: '回复' }).click();
  const card = page.getByTestId('huashu-card');
  await expect(card).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('huashu-review')).toHaveAttribute('data-sentiment', 'positive');
  await expect(page.getByTestId('huashu-review')).toHaveAttribute('data-rating', '5');
  const first = page.getByTestId('huashu-suggestion').first();
  await expect(first).toHaveAttribute('data-script-id', 'review-good-thanks');
  await expect(first.locator('.hs-text')).toHaveText(SELLING_POINT);

  await first.click();
  const box = row(page, 'r1').locator('textarea');
  await expect(box).toHaveValue(SELLING_POINT);
  const answer = await box.inputValue();
  const extra = page.getByTestId('huashu-extra').first();
  const line = (await extra.textContent()) ?? '';
  expect(line.length).toBeGreaterThan(0);
  await extra.click();
  await expect(box).toHaveValue(answer + line);
  // Only the review card: the page is not read as a chat.
  await expect(page.locator('[data-huashu-ui="card"]')).toHaveCount(1);
  await expect(page.locator('html')).toHaveAttribute('data-huashu', 'waiting');
  expect(errors).toEqual([]);
});

test('5 stars with negative text: the negative-review script, never the thanks', async ({ openConsole }) => {
  const page = await openReviews(openConsole);
  await row(page, 'r2').getByRole('button', { name: '回复' }).click();
  await expect(page.getByTestId('huashu-review')).toHaveAttribute('data-sentiment', 'mixed');
  const suggestions = page.getByTestId('huashu-suggestion');
  await expect(suggestions.first()).toHaveAttribute('data-script-id', 'review-five-star-complaint');
  const ids = await suggestions.evaluateAll((els) => els.map((e) => e.getAttribute('data-script-id')));
  expect(ids).not.toContain('review-good-thanks');
  expect(ids).not.toContain('good-review-thanks');
  await suggestions.first().click();
  await expect(row(page, 'r2').locator('textarea')).toHaveValue(/五星/);
  await expect(row(page, 'r1').locator('textarea')).toHaveValue('');
});

test('a reviewer with many negative reviews: the firm, factual reply first', async ({ openConsole }) => {
  const page = await openReviews(openConsole);
  await row(page, 'r3').getByRole('button', { name: '回复' }).click();
  await expect(page.getByTestId('huashu-review')).toHaveAttribute('data-professional', 'true');
  await expect(page.getByTestId('huashu-suggestion').first()).toHaveAttribute('data-script-id', 'review-firm-factual');
  // Another reviewer's bad review: the topic's reply, no firm variant.
  await row(page, 'r6').getByRole('button', { name: '回复' }).click();
  await expect(page.getByTestId('huashu-review')).toHaveAttribute('data-professional', 'false');
  await expect(page.getByTestId('huashu-suggestion').first()).toHaveAttribute('data-script-id', 'review-bad-logistics');
});
