/// <reference types="chrome" />
/**
 * The evening review: alarms created on start, the review alarm at the end of the shift sets the badge to
 * the open count, shows a notification and puts the Promises tab in review mode, listing exactly the open
 * promises — also after the service worker was stopped.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SHANGHAI_SETTINGS, hasXdotool, logWithShortcut, setSettings, shanghaiEpoch } from './promises-helpers';

// Several real key presses per test on a shared 2-core machine.
test.describe.configure({ timeout: 60_000 });

test.beforeEach(async ({ background }) => {
  test.skip(!hasXdotool() && !process.env.CI, 'needs an X display and xdotool (run under tools/with-display.sh)');
  await setSettings(background, SHANGHAI_SETTINGS);
});

const badge = (page: Page) => page.evaluate(() => chrome.action.getBadgeText({}));
const nextShiftEnd = () => {
  const today = shanghaiEpoch(0, 21);
  return today > Date.now() ? today : shanghaiEpoch(1, 21);
};

test('the review lists exactly the open promises; badge and notification follow', async ({
  openConsole,
  openExtensionPage,
  context,
  background,
}) => {
  const page = await openConsole('/promises.html');
  const texts = ['今天一定给您发出', '明天上午给您补发', '周五前给您退运费'];
  for (const text of texts) await logWithShortcut(page, text);

  const panel = await openExtensionPage('sidepanel.html');
  // Alarms exist from the start: review at the next end of shift (21:00 Shanghai), overdue check periodic.
  const alarms = await panel.evaluate(() => chrome.alarms.getAll());
  const review = alarms.find((a) => a.name === 'huashu:promises-review');
  expect(review?.scheduledTime).toBe(nextShiftEnd());
  expect(alarms.find((a) => a.name === 'huashu:promises-tick')?.periodInMinutes).toBe(5);
  await expect.poll(() => badge(panel)).toBe('3');

  await panel.getByTestId('promise-row').filter({ hasText: texts[1] }).getByTestId('promise-done').click();
  await expect.poll(() => badge(panel)).toBe('2');

  // Stop the service worker: the alarm must still be handled (it wakes the worker).
  await background.evaluate(() => Object.assign(globalThis, { __beforeStop: true }));
  const cdp = await context.newCDPSession(panel);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await panel.evaluate(() => chrome.alarms.create('huashu:promises-review', { when: Date.now() + 300 }));

  // The open panel switches to review mode by itself.
  const reviewList = panel.getByTestId('review').getByTestId('promise-row');
  await expect(reviewList).toHaveCount(2, { timeout: 10_000 });
  await expect(reviewList.getByTestId('promise-text')).toHaveText([texts[0], texts[2]]);
  await expect(panel.getByTestId('review-summary')).toContainText('2');
  await expect.poll(() => badge(panel)).toBe('2');
  // It was a fresh worker that handled the alarm.
  const worker = context.serviceWorkers().at(-1)!;
  expect(await worker.evaluate(() => '__beforeStop' in globalThis)).toBe(false);
  const notifications = await panel.evaluate(() => chrome.notifications.getAll());
  expect(Object.keys(notifications)).toContain('huashu-review');
  // Rescheduled for the next end of shift.
  await expect
    .poll(async () => (await panel.evaluate(() => chrome.alarms.get('huashu:promises-review')))?.scheduledTime)
    .toBe(nextShiftEnd());

  // The review URL opens the same list.
  const fresh = await openExtensionPage('sidepanel.html#promises?review=1');
  await expect(fresh.getByTestId('review').getByTestId('promise-row')).toHaveCount(2);

  // Carry one over (default: end of tomorrow's shift) with a note, mark the other done.
  const first = reviewList.filter({ hasText: texts[0] });
  await first.getByTestId('review-note').fill('买家同意明天');
  await first.getByTestId('review-carry').click();
  await expect(first).toHaveAttribute('data-due', String(shanghaiEpoch(1, 21)));
  await expect(first.getByTestId('promise-notes')).toContainText('买家同意明天');
  await reviewList.filter({ hasText: texts[2] }).getByTestId('promise-done').click();
  await expect(reviewList).toHaveCount(1);
  await expect.poll(() => badge(panel)).toBe('1');
  await first.getByTestId('promise-done').click();
  await expect(panel.getByTestId('review-summary')).toHaveClass(/hs-ok/);
  await expect.poll(() => badge(panel)).toBe('');

  await panel.getByTestId('review-finish').click();
  await expect(panel.getByTestId('promises-tab')).toHaveAttribute('data-review', '0');
  await expect(panel.getByTestId('group-done').getByTestId('promise-row')).toHaveCount(3);
});
