/// <reference types="chrome" />
/**
 * Shift handover between two agents, each in their own Chromium profile (two fresh user data dirs, two
 * extension launches): 小王 (day shift) logs promises and hands over; 小李 (evening shift) imports the
 * file twice, sees each promise once with its owner, reviews them, contacts a buyer (the follow-up lands in
 * the reply box, unsent) and closes one (recorded as closed by 小李).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../../tools/browser/extension';
import { expect, test } from './fixtures';
import { SHANGHAI_SETTINGS, hasXdotool, logWithShortcut, readPromises, setSettings } from './promises-helpers';

test.describe.configure({ timeout: 90_000 });

const ALL_DAY = [{ name: '白班', start: '00:00', end: '24:00' }];

async function download(page: Page, testid: string): Promise<{ name: string; text: string; path: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8'), path };
}

test('handover: export in one profile, import twice in another, owner shown once, contact, close', async ({
  openConsole,
  openExtensionPage,
  background,
}) => {
  test.skip(!hasXdotool() && !process.env.CI, 'needs an X display and xdotool (run under tools/with-display.sh)');
  await setSettings(background, { ...SHANGHAI_SETTINGS, agentName: '小王', shifts: ALL_DAY });

  // 小王 logs two promises with the real shortcut, in two conversations.
  const chat1 = await openConsole('/promises.html?buyer=小雨');
  await logWithShortcut(chat1, '明天上午给您补发一个新杯子');
  const chat2 = await openConsole('/promises.html?buyer=Tom&order=A100');
  await logWithShortcut(chat2, '今天下班前给您回电话');
  const logged = await readPromises(background);
  expect(logged.map((p) => [p.owner, p.shift])).toEqual([
    ['小王', '白班'],
    ['小王', '白班'],
  ]);

  const panelA = await openExtensionPage('sidepanel.html');
  await expect(panelA.getByTestId('promise-row')).toHaveCount(2);
  // His own promises show no "from" badge.
  await expect(panelA.getByTestId('promise-owner')).toHaveCount(0);
  const file = await download(panelA, 'handover-export');
  expect(file.name).toMatch(/^huashu-handover-\d{4}-\d{2}-\d{2}-小王-白班\.json$/);
  const json = JSON.parse(file.text);
  expect(json).toMatchObject({ format: 'huashu-handover', version: 1, agent: '小王', shift: '白班' });
  expect(json.promises).toHaveLength(2);
  const md = await download(panelA, 'handover-md');
  expect(md.text).toMatch(/^# 交班 \d{4}-\d{2}-\d{2} \(交班人 小王 · 白班\)/);
  expect(md.text).toContain('明天上午给您补发一个新杯子 — 买家: 小雨');
  expect(md.text).toMatch(/负责人: 小王 \[会话\]\(http:\/\/[^)]+promises\.html\?buyer=/);

  // 小李: another profile, another launch.
  const other = await launchWithExtension();
  try {
    const bgB = other.worker;
    await setSettings(bgB, { ...SHANGHAI_SETTINGS, agentName: '小李', shifts: ALL_DAY });
    const panelB = await other.context.newPage();
    await panelB.goto(`chrome-extension://${other.extensionId}/sidepanel.html`);
    await expect(panelB.getByTestId('promises-empty')).toBeVisible();

    // A bad file says why and changes nothing.
    const bad = join(tmpdir(), `huashu-bad-handover-${process.pid}.json`);
    writeFileSync(bad, JSON.stringify({ ...json, version: 9 }));
    await panelB.getByTestId('handover-file').setInputFiles(bad);
    await expect(panelB.getByTestId('handover-result')).toContainText('version 9');
    expect(await readPromises(bgB)).toEqual([]);

    await panelB.getByTestId('handover-file').setInputFiles(file.path);
    await expect(panelB.getByTestId('handover-result')).toHaveText('接班完成：新增 2，更新 0，未变 0，保留本机 0');
    await panelB.getByTestId('handover-file').setInputFiles(file.path);
    await expect(panelB.getByTestId('handover-result')).toHaveText('接班完成：新增 0，更新 0，未变 2，保留本机 0');
    await expect(panelB.getByTestId('promise-row')).toHaveCount(2);
    await expect(panelB.getByTestId('promise-owner')).toHaveText(['来自 小王', '来自 小王']);
    const imported = await readPromises(bgB);
    expect(imported.map((p) => [p.owner, p.handedBy]).sort()).toEqual([
      ['小王', '小王'],
      ['小王', '小王'],
    ]);
    expect(new Set(imported.map((p) => p.uid))).toEqual(new Set(logged.map((p) => p.uid)));

    // The evening review counts them; "contact the buyer" fills the reply box of that conversation.
    await panelB.getByTestId('review-toggle').click();
    await expect(panelB.getByTestId('review-summary')).toContainText('2');
    const row = panelB.getByTestId('promise-row').filter({ hasText: '补发' });
    const [chatB] = await Promise.all([other.context.waitForEvent('page'), row.getByTestId('promise-contact').click()]);
    await expect(row.getByTestId('promise-contact-result')).toHaveAttribute('data-ok', '1');
    await expect(chatB.locator('#reply')).toHaveValue(
      /^小雨亲～答应给您补发的商品已经安排好啦，订单 3312456789012345678 /,
    );
    // Never sent: the conversation has no new agent message.
    await expect(chatB.locator('.msg.agent')).toHaveCount(2);

    await row.getByTestId('promise-done').click();
    await expect
      .poll(async () => (await readPromises(bgB)).find((p) => p.text.includes('补发'))?.closedBy)
      .toBe('小李');
    await expect(panelB.getByTestId('review-summary')).toContainText('1');
    await panelB.getByTestId('review-finish').click();
    await expect(
      panelB.locator('[data-testid="promise-row"][data-status="done"]').getByTestId('promise-closed-by'),
    ).toHaveText('小李 完成');
  } finally {
    await other.close();
  }
});
