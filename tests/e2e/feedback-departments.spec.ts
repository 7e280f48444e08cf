/// <reference types="chrome" />
/**
 * Feedback that departments must answer: an entry goes new → sent → answered with the department's text,
 * another becomes overdue in the meeting view once its deadline passes (the side panel's clock is
 * Playwright's, moved forward); the lead merges two agents' feedback files (two more profiles) without
 * duplicates, and a bad file changes nothing.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension } from '../../tools/browser/extension';
import { expect, test } from './fixtures';
import { SHANGHAI_SETTINGS, hasXdotool, pressShortcut, readFeedback, setSettings } from './promises-helpers';

// Real key presses and three browser profiles on a shared 2-core machine.
test.describe.configure({ timeout: 90_000 });

const DAY = 86_400_000;

test.beforeEach(() => {
  test.skip(!hasXdotool() && !process.env.CI, 'needs an X display and xdotool (run under tools/with-display.sh)');
});

/** Open a fixture console in `context` and wait until Huashu watches it. */
async function openConsoleIn(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-huashu', 'ready');
  return page;
}

/** File the conversation's last buyer message with the real shortcut; waits for the toast. */
async function fileLastMessage(page: Page): Promise<void> {
  await pressShortcut(page, 'alt+shift+l');
  await expect(page.getByTestId('huashu-toast')).toHaveAttribute('data-kind', 'feedback');
}

/** The Feedback tab's rows, with every topic opened. */
async function openAllTopics(panel: Page, total: number) {
  await expect(panel.getByTestId('feedback-total')).toContainText(String(total));
  const closed = panel.locator('details.hs-feedback-topic:not([open]) summary');
  while ((await closed.count()) > 0) await closed.first().click();
}

test('an entry goes new → sent → answered; another shows as overdue in the meeting view once its deadline passes', async ({
  context,
  extensionId,
  background,
  openConsole,
}) => {
  await setSettings(background, { ...SHANGHAI_SETTINGS, agentName: '小王', feedbackDueDays: { logistics: 2 } });
  const page = await openConsole('/promises.html');
  await fileLastMessage(page);
  await page.getByText('你好，我买的杯子收到是碎的').selectText();
  await pressShortcut(page, 'alt+shift+l');
  await expect(page.getByTestId('huashu-toast').getByTestId('toast-text')).toHaveText('你好，我买的杯子收到是碎的');
  await expect.poll(async () => (await readFeedback(background)).length).toBe(2);
  const filed = await readFeedback(background);
  for (const f of filed) {
    expect(f).toMatchObject({ status: 'new', agent: '小王' });
    // Filed now with 2 (logistics) or 3 working days: due within 2–5 calendar days, at 23:59 Shanghai.
    expect(f.dueAt! - f.createdAt).toBeGreaterThan(DAY);
    expect(f.dueAt! - f.createdAt).toBeLessThan(6 * DAY);
  }
  const doorstep = filed.find((f) => f.text.includes('送上楼'))!;
  const cup = filed.find((f) => f.text.includes('杯子'))!;

  // The side panel runs on Playwright's clock (starting at the real time, so the deadlines are ahead).
  const panel = await context.newPage();
  await panel.clock.install({ time: Date.now() });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html#feedback`);
  await openAllTopics(panel, 2);
  const rowA = panel.locator(`[data-testid="feedback-row"][data-uid="${doorstep.uid}"]`);
  const rowB = panel.locator(`[data-testid="feedback-row"][data-uid="${cup.uid}"]`);
  await expect(rowA).toHaveAttribute('data-status', 'new');
  await expect(rowA.getByTestId('feedback-agent')).toHaveText('小王');
  await expect(rowA).toHaveAttribute('data-overdue', 'false');

  await rowA.getByTestId('feedback-status').selectOption('sent');
  await expect(rowA).toHaveAttribute('data-status', 'sent');
  await rowA.getByTestId('feedback-answer').fill('物流公司已安排明天送货上楼');
  await rowA.getByTestId('feedback-answer-save').click();
  await expect(rowA).toHaveAttribute('data-status', 'answered');
  await rowB.getByTestId('feedback-status').selectOption('sent');
  await expect(rowB).toHaveAttribute('data-status', 'sent');
  const stored = Object.fromEntries((await readFeedback(background)).map((f) => [f.uid, f]));
  expect(stored[doorstep.uid]).toMatchObject({ status: 'answered', answer: '物流公司已安排明天送货上楼' });
  expect(stored[doorstep.uid].sentAt).toBeGreaterThan(0);
  expect(stored[doorstep.uid].answeredAt).toBeGreaterThanOrEqual(stored[doorstep.uid].sentAt!);
  expect(stored[cup.uid]).toMatchObject({ status: 'sent', dueAt: cup.dueAt });

  await panel.getByTestId('feedback-view-meeting').click();
  const meeting = panel.getByTestId('meeting-view');
  await expect(meeting.getByTestId('meeting-answer')).toHaveText(/送上楼.*→ 物流公司已安排明天送货上楼 — 小王/);
  await expect(meeting).toHaveAttribute('data-overdue', '0');
  await expect(meeting.getByTestId('meeting-overdue')).toHaveCount(0);

  // A week later (no answer has come for the cup): it is overdue; the answered one is not.
  await panel.clock.fastForward(7 * DAY + 60_000);
  await expect(meeting).toHaveAttribute('data-overdue', '1');
  await expect(meeting.getByTestId('meeting-overdue')).toHaveAttribute('data-uid', cup.uid);
  await expect(meeting.getByTestId('meeting-overdue')).toContainText('杯子收到是碎的');
  const [md] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('meeting-export-md').click()]);
  const text = readFileSync(await md.path(), 'utf8');
  expect(text).toContain('物流公司已安排明天送货上楼');
  expect(text).toMatch(
    /### 逾期未回复 \(1\)\n\n- 应回复 \d{4}-\d\d-\d\d 23:59 · 已转部门: 你好，我买的杯子收到是碎的 — 小王/,
  );

  await panel.getByTestId('feedback-view-list').click();
  await openAllTopics(panel, 2);
  await expect(rowB).toHaveAttribute('data-overdue', 'true');
  await expect(rowA).toHaveAttribute('data-overdue', 'false');
});

test('the lead merges two agents’ feedback files without duplicates; a bad file changes nothing', async ({
  context,
  extensionId,
  background,
  server,
}) => {
  const agentB = await launchWithExtension();
  const lead = await launchWithExtension();
  try {
    const files: string[] = [];
    const agents = [
      { name: '小王', ctx: context, id: extensionId, bg: background },
      { name: '小李', ctx: agentB.context, id: agentB.extensionId, bg: agentB.worker },
    ];
    for (const a of agents) {
      await setSettings(a.bg, { ...SHANGHAI_SETTINGS, agentName: a.name });
      const page = await openConsoleIn(a.ctx, server.url('/promises.html'));
      await fileLastMessage(page);
      const panel = await a.ctx.newPage();
      await panel.goto(`chrome-extension://${a.id}/sidepanel.html#feedback`);
      await expect(panel.getByTestId('feedback-total')).toContainText('1');
      const [download] = await Promise.all([
        panel.waitForEvent('download'),
        panel.getByTestId('feedback-export-file').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        new RegExp(`^huashu-feedback-${a.name}-\\d{4}-\\d\\d-\\d\\d\\.json$`),
      );
      const path = await download.path();
      expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({
        format: 'huashu.feedback',
        version: 2,
        agent: a.name,
        feedback: [{ agent: a.name, status: 'new' }],
      });
      files.push(path);
    }

    const panel = await lead.context.newPage();
    await panel.goto(`chrome-extension://${lead.extensionId}/sidepanel.html#feedback`);
    await expect(panel.getByTestId('feedback-empty')).toBeVisible();
    const input = panel.getByTestId('feedback-import-input');
    await input.setInputFiles(files);
    const results = panel.getByTestId('feedback-import-result');
    await expect(results).toHaveCount(2);
    await expect(results.nth(0)).toContainText('新增 1，更新 0，未变 0');
    await expect(results.nth(1)).toContainText('新增 1，更新 0，未变 0');
    await expect(panel.getByTestId('feedback-total')).toContainText('2');

    // Both files again: nothing is added twice.
    await input.setInputFiles(files);
    await expect(results.nth(0)).toContainText('新增 0，更新 0，未变 1');
    await expect(results.nth(1)).toContainText('新增 0，更新 0，未变 1');
    expect(await readFeedback(lead.worker)).toHaveLength(2);

    // A bad file: a clear message, and the lead's feedback is as it was.
    const before = await readFeedback(lead.worker);
    await input.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'huashu.feedback', version: 2, exportedAt: 1, feedback: [{}] })),
    });
    await expect(results).toHaveCount(1);
    await expect(results).toHaveText(/broken\.json：没有导入（内容有误：feedback\.0\.uid.*），数据未改动/);
    expect(await readFeedback(lead.worker)).toEqual(before);

    await panel.getByTestId('feedback-view-meeting').click();
    await expect(panel.getByTestId('meeting-agents')).toHaveText('客服: 小李, 小王');
    await expect(panel.locator('[data-testid="meeting-topic"][data-topic="doorstep"]')).toHaveAttribute(
      'data-count',
      '2',
    );
  } finally {
    await agentB.close();
    await lead.close();
  }
});

test('Options keep the working days per department and the public holidays', async ({
  openExtensionPage,
  background,
}) => {
  const page = await openExtensionPage('options.html');
  const logistics = page.locator('[data-testid="opt-due-days"][data-department="logistics"]');
  await expect(logistics).toHaveValue('3');
  await logistics.fill('5');
  await page.getByTestId('opt-holidays').fill('2027-01-01\n2026-13-01\n2026-12-31');
  await page.getByTestId('opt-save').click();
  await expect(page.getByTestId('opt-status')).toBeVisible();
  const { settings } = (await background.evaluate(() => chrome.storage.local.get('settings'))) as {
    settings: { feedbackDueDays: Record<string, number>; holidays: string[] };
  };
  expect(settings.feedbackDueDays).toEqual({ logistics: 5 });
  expect(settings.holidays).toEqual(['2026-12-31', '2027-01-01']);
  await page.reload();
  await expect(logistics).toHaveValue('5');
  await expect(page.locator('[data-testid="opt-due-days"][data-department="finance"]')).toHaveValue('3');
});
