/// <reference types="chrome" />
/**
 * The daily work log with two agents in two Chromium profiles: each logs promises with the real shortcut
 * (one closes one), each gets a buyer question no script answered, each exports their log; the lead merges
 * both files (one of them twice) into one report with the right totals.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { BrowserContext, Worker } from 'playwright-core';
import { launchWithExtension } from '../../tools/browser/extension';
import { expect, test } from './fixtures';
import { SHANGHAI_SETTINGS, hasXdotool, logWithShortcut, setSettings } from './promises-helpers';

test.describe.configure({ timeout: 90_000 });

async function download(page: Page, testid: string): Promise<{ name: string; text: string; path: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8'), path };
}

/** A buyer question the card had nothing for, as the card records it (kind "miss"). */
function recordMiss(bg: Worker, message: string) {
  return bg.evaluate(
    (m) =>
      (
        globalThis as unknown as { huashu: { db: { usage: { add(r: object): Promise<unknown> } } } }
      ).huashu.db.usage.add({ at: Date.now(), kind: 'miss', message: m }),
    message,
  );
}

async function agentDay(
  context: BrowserContext,
  bg: Worker,
  consoleUrl: string,
  extensionId: string,
  promises: string[],
  close: number,
  miss: string,
) {
  const chat = await context.newPage();
  await chat.goto(consoleUrl);
  await expect(chat.locator('html')).toHaveAttribute('data-huashu', 'ready');
  for (const p of promises) await logWithShortcut(chat, p);
  await recordMiss(bg, miss);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await expect(panel.getByTestId('promise-row')).toHaveCount(promises.length);
  for (let i = 0; i < close; i++)
    await panel.locator('[data-status="open"]').first().getByTestId('promise-done').click();
  await expect(panel.locator('[data-testid="promise-row"][data-status="done"]')).toHaveCount(close);
  await panel.getByTestId('tab-worklog').click();
  await expect(panel.getByTestId('wl-made')).toHaveText(String(promises.length));
  await expect(panel.getByTestId('wl-kept')).toHaveText(String(close));
  await expect(panel.getByTestId('wl-open')).toHaveText(String(promises.length - close));
  await expect(panel.getByTestId('wl-missed')).toContainText(miss);
  await panel.getByTestId('wl-problems').fill('系统下午卡了十分钟');
  await panel.getByTestId('wl-needs').fill('好几位买家想要大码');
  return panel;
}

test('two agents’ work logs merged into one report with the right totals', async ({
  context,
  background,
  extensionId,
  server,
}) => {
  test.skip(!hasXdotool() && !process.env.CI, 'needs an X display and xdotool (run under tools/with-display.sh)');
  await setSettings(background, { ...SHANGHAI_SETTINGS, agentName: '小王' });
  const panelA = await agentDay(
    context,
    background,
    server.url('/promises.html?buyer=小雨'),
    extensionId,
    ['今天下班前给您回电话', '明天上午给您补发一个新杯子'],
    1,
    '可以开专票吗',
  );
  const md = await download(panelA, 'wl-export-md');
  expect(md.name).toMatch(/^huashu-worklog-\d{4}-\d{2}-\d{2}-小王\.md$/);
  expect(md.text).toContain('| 2 | 1 | 1 | 0 |');
  expect(md.text).toContain('> 系统下午卡了十分钟');
  const csv = await download(panelA, 'wl-export-csv');
  expect(csv.name).toMatch(/^huashu-worklog-\d{4}-\d{2}-\d{2}-小王\.csv$/);
  expect(csv.text).toMatch(/小王,promises,made,2\r\n/);
  const logA = await download(panelA, 'wl-export-json');

  const other = await launchWithExtension();
  try {
    await setSettings(other.worker, { ...SHANGHAI_SETTINGS, agentName: '小李' });
    const panelB = await agentDay(
      other.context,
      other.worker,
      server.url('/promises.html?buyer=Tom'),
      other.extensionId,
      ['一小时内给您答复'],
      0,
      '可以开专票吗？',
    );
    const logB = await download(panelB, 'wl-export-json');
    expect(logB.name).toMatch(/^huashu-worklog-\d{4}-\d{2}-\d{2}-小李\.json$/);

    // The lead (in 小王's profile) merges both files, 小王's twice: it counts once.
    await panelA.getByTestId('wl-merge-file').setInputFiles([logA.path, logB.path, logA.path]);
    const report = panelA.getByTestId('wl-report');
    await expect(report).toHaveAttribute('data-logs', '2');
    const row = (agent: string) => report.locator(`[data-testid="report-agent"][data-agent="${agent}"]`);
    await expect(row('小王').getByTestId('report-made')).toHaveText('2');
    await expect(row('小王').getByTestId('report-kept')).toHaveText('1');
    await expect(row('小王').getByTestId('report-open')).toHaveText('1');
    await expect(row('小李').getByTestId('report-made')).toHaveText('1');
    await expect(row('小李').getByTestId('report-open')).toHaveText('1');
    const total = report.getByTestId('report-total');
    await expect(total.getByTestId('report-made')).toHaveText('3');
    await expect(total.getByTestId('report-kept')).toHaveText('1');
    await expect(total.getByTestId('report-open')).toHaveText('2');
    await expect(report.getByTestId('report-owner')).toHaveCount(2);
    await expect(report.locator('[data-testid="report-owner"][data-owner="小王"]')).toHaveAttribute('data-count', '1');
    // The same question, worded a little differently by two agents' buyers, is one group.
    await expect(report.getByTestId('report-missed')).toHaveCount(1);
    await expect(report.getByTestId('report-missed')).toHaveAttribute('data-agents', '小李,小王');
    await expect(report.getByTestId('report-missed')).toHaveAttribute('data-count', '2');
    const merged = await download(panelA, 'wl-report-md');
    expect(merged.text).toContain('| **Σ** | 3 | 1 | 2 | 0 | 0 |');
    expect(merged.text).toContain('- 小李');
    expect(merged.text).toContain('好几位买家想要大码');

    // A bad file is named with the reason, and the report is made of the good ones only.
    await panelA.getByTestId('wl-merge-file').setInputFiles([
      { name: logB.name, mimeType: 'application/json', buffer: Buffer.from(logB.text) },
      {
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"format":"huashu-worklog","version":7}'),
      },
    ]);
    await expect(panelA.getByTestId('wl-merge-error')).toContainText('broken.json');
    await expect(panelA.getByTestId('wl-merge-error')).toContainText('version 7');
    await expect(report).toHaveAttribute('data-logs', '1');
  } finally {
    await other.close();
  }
});
