/// <reference types="chrome" />
/**
 * Export from the side panel (CSV and Markdown by day, JSON backup) and re-import: no duplicates, and a
 * cleared log comes back whole.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Worker } from 'playwright-core';
import { expect, test } from './fixtures';
import {
  SHANGHAI_SETTINGS,
  hasXdotool,
  logWithShortcut,
  pressShortcut,
  readFeedback,
  readPromises,
  setSettings,
  shanghaiEpoch,
} from './promises-helpers';

// Several real key presses per test on a shared 2-core machine.
test.describe.configure({ timeout: 60_000 });

test.beforeEach(async ({ background }) => {
  test.skip(!hasXdotool() && !process.env.CI, 'needs an X display and xdotool (run under tools/with-display.sh)');
  await setSettings(background, SHANGHAI_SETTINGS);
});

async function download(page: Page, testid: string): Promise<{ name: string; text: string; path: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8'), path };
}

/** Empty both tables behind the app's back (as if the profile were new). */
function clearLog(background: Worker) {
  return background.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('huashu');
        open.onsuccess = () => {
          const tx = open.result.transaction(['promises', 'feedback'], 'readwrite');
          tx.objectStore('promises').clear();
          tx.objectStore('feedback').clear();
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

test('CSV, Markdown and JSON export; re-import without duplicates; restore after clearing', async ({
  openConsole,
  openExtensionPage,
  background,
}) => {
  const page = await openConsole('/promises.html');
  await logWithShortcut(page, '今天一定给您发出');
  await logWithShortcut(page, '明天上午给您补发 | 新杯子');
  await page.getByText('另外快递员没送上楼').selectText();
  await pressShortcut(page, 'alt+shift+l');
  await expect(page.getByTestId('huashu-toast')).toHaveAttribute('data-kind', 'feedback');

  const panel = await openExtensionPage('sidepanel.html');
  await expect(panel.getByTestId('promise-row')).toHaveCount(2);
  const before = (await readPromises(background)).map((p) => p.uid).sort();

  // "Today's handover" holds both (one due today, one logged today).
  const csv = await download(panel, 'export-csv');
  expect(csv.name).toMatch(/^huashu-promises-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.text.startsWith('\ufeffday,due,status,buyer,order,promise')).toBe(true);
  expect(csv.text).toContain('今天一定给您发出');
  expect(csv.text).toContain(',明天上午给您补发 | 新杯子,');
  expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(3);

  const md = await download(panel, 'export-md');
  expect(md.text).toMatch(/^# 承诺清单（日清） \d{4}-\d{2}-\d{2}/);
  expect(md.text).toMatch(/## \d{4}-\d{2}-\d{2} \(1 未完成, 0 已完成\)/);
  // "今天" is due at the end of the shift (21:00), or at 23:59 when the shift is already over.
  const todayDue = Date.now() < shanghaiEpoch(0, 21) ? '21:00' : '23:59';
  expect(md.text).toContain(`- [ ] ${todayDue} 今天一定给您发出 — 买家: 小雨 · 订单: 3312456789012345678`);
  expect(md.text).toContain('明天上午给您补发 \\| 新杯子');

  const backup = await download(panel, 'export-json');
  const json = JSON.parse(backup.text);
  expect(json.format).toBe('huashu.promises');
  expect(json.promises).toHaveLength(2);
  expect(json.feedback).toHaveLength(1);

  // Re-import the same file: nothing new.
  await panel.getByTestId('import-file').setInputFiles(backup.path);
  await expect(panel.getByTestId('import-result')).toHaveText('导入完成：新增 0，更新 0，未变 3');
  await expect(panel.getByTestId('promise-row')).toHaveCount(2);
  expect((await readPromises(background)).map((p) => p.uid).sort()).toEqual(before);
  expect(await readFeedback(background)).toHaveLength(1);

  // Lose everything, then restore from the backup.
  await clearLog(background);
  await panel.reload();
  await expect(panel.getByTestId('promises-empty')).toBeVisible();
  await panel.getByTestId('import-file').setInputFiles(backup.path);
  await expect(panel.getByTestId('import-result')).toHaveText('导入完成：新增 3，更新 0，未变 0');
  await expect(panel.getByTestId('promise-row')).toHaveCount(2);
  const restored = await readPromises(background);
  expect(restored.map((p) => p.uid).sort()).toEqual(before);
  expect(restored.find((p) => p.text === '今天一定给您发出')).toMatchObject({ buyer: '小雨', status: 'open' });
  expect(await readFeedback(background)).toHaveLength(1);

  // And once more: still no duplicates.
  await panel.getByTestId('import-file').setInputFiles(backup.path);
  await expect(panel.getByTestId('import-result')).toHaveText('导入完成：新增 0，更新 0，未变 3');
  expect(await readPromises(background)).toHaveLength(2);

  // Not a backup: a clear message, nothing changed.
  await panel
    .getByTestId('import-file')
    .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"a":1}') });
  await expect(panel.getByTestId('import-result')).toContainText('导入失败');
  expect(await readPromises(background)).toHaveLength(2);
});
