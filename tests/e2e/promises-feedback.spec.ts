/// <reference types="chrome" />
/**
 * Feedback to departments: Alt+Shift+L files the buyer's last message with a suggested department,
 * editable in the toast; the Feedback tab groups it by department and topic with weekly counts and
 * exports the report.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { SHANGHAI_SETTINGS, hasXdotool, pressShortcut, readFeedback, setSettings } from './promises-helpers';

// Several real key presses per test on a shared 2-core machine.
test.describe.configure({ timeout: 60_000 });

test.beforeEach(async ({ background }) => {
  test.skip(!hasXdotool() && !process.env.CI, 'needs an X display and xdotool (run under tools/with-display.sh)');
  await setSettings(background, SHANGHAI_SETTINGS);
});

test('Alt+Shift+L files the last buyer message to the suggested department; the tab groups and exports it', async ({
  openConsole,
  openExtensionPage,
  background,
}) => {
  const panel = await openExtensionPage('sidepanel.html#feedback');
  await expect(panel.getByTestId('feedback-empty')).toBeVisible();

  const page = await openConsole('/promises.html');
  await pressShortcut(page, 'alt+shift+l');
  const toast = page.getByTestId('huashu-toast');
  await expect(toast).toHaveAttribute('data-kind', 'feedback');
  await expect(toast.getByTestId('toast-text')).toHaveText('[图片] 另外快递员没送上楼，家里老人搬不动');
  await expect(toast.getByTestId('toast-department')).toHaveValue('logistics');
  await expect(toast.getByTestId('toast-topic')).toHaveText('送货上门/上楼');
  const [f] = await readFeedback(background);
  expect(f).toMatchObject({
    department: 'logistics',
    topic: 'doorstep',
    buyer: '小雨',
    orderId: '3312456789012345678',
    source: 'lastBuyerMessage',
  });

  // A second one, selected by hand, then moved to another department in the toast.
  await page.getByText('你好，我买的杯子收到是碎的').selectText();
  await pressShortcut(page, 'alt+shift+l');
  await expect(toast.getByTestId('toast-text')).toHaveText('你好，我买的杯子收到是碎的');
  await toast.getByTestId('toast-department').selectOption('warehouse');
  await expect
    .poll(async () => (await readFeedback(background)).find((x) => x.text.includes('碎'))?.department)
    .toBe('warehouse');

  // Live in the tab: grouped by department, counts per week.
  const depts = panel.getByTestId('feedback-dept');
  await expect(depts).toHaveCount(2);
  await expect(panel.locator('[data-department="logistics"] [data-testid="feedback-topic-row"]')).toContainText(
    '送货上门/上楼',
  );
  await expect(panel.getByTestId('feedback-total')).toContainText('2');

  const [csv] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('feedback-export-csv').click()]);
  const csvText = readFileSync(await csv.path(), 'utf8');
  expect(csvText).toContain('week,date,department,topic,buyer,order,feedback');
  expect(csvText).toMatch(/\d{4}-W\d{2},.*,物流,送货上门\/上楼,小雨,3312456789012345678,\[图片\] 另外快递员没送上楼/);
  const [md] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('feedback-export-md').click()]);
  const mdText = readFileSync(await md.path(), 'utf8');
  expect(mdText).toContain('# 买家反馈');
  expect(mdText).toContain('## 物流 (1)');
  expect(mdText).toContain('## 仓库 (1)');
});
