/**
 * The background's promise-log wiring on WXT's fake browser: alarms created idempotently, the evening
 * review (badge, notification listing exactly the open promises, review request, next alarm), the
 * overdue check telling once, and the shortcut on a page without Huashu.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NOTIFY_NOT_CONSOLE, runShortcut } from '@/entrypoints/background/promise-log';
import {
  ALARM_REVIEW,
  ALARM_TICK,
  NOTIFY_OVERDUE,
  NOTIFY_REVIEW,
  ensureAlarms,
  eveningReview,
  overdueCheck,
} from '@/entrypoints/background/promise-review';
import { db } from '@/lib/db/db';
import { reviewRequest } from '@/lib/promises/review-flag';
import { addPromise, markDone } from '@/lib/promises/store';

const H = 3600_000;
// Wednesday 2026-11-25 18:00 in Shanghai (shift ends 21:00).
const NOW = Date.UTC(2026, 10, 25, 10, 0);

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  await fakeBrowser.storage.local.set({
    settings: { uiLanguage: 'zh_CN', timeZone: 'Asia/Shanghai', shift: { start: '09:00', end: '21:00' } },
  });
  await db.promises.clear();
});
afterEach(() => vi.useRealTimers());

const log = (text: string, due: number, buyer = '小雨') =>
  addPromise(db, { text, buyer, due, dueExplicit: true, now: NOW });

describe('alarms', () => {
  it('creates the review at the next end of shift and the periodic check, once', async () => {
    await ensureAlarms();
    await ensureAlarms();
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.map((a) => a.name).sort()).toEqual([ALARM_REVIEW, ALARM_TICK].sort());
    expect(alarms.find((a) => a.name === ALARM_REVIEW)?.scheduledTime).toBe(Date.UTC(2026, 10, 25, 13, 0));
    expect(alarms.find((a) => a.name === ALARM_TICK)?.periodInMinutes).toBe(5);
  });

  it('moves the review when the shift end changes', async () => {
    await ensureAlarms();
    await fakeBrowser.storage.local.set({
      settings: { timeZone: 'Asia/Shanghai', shift: { start: '09:00', end: '19:30' } },
    });
    await ensureAlarms();
    expect((await fakeBrowser.alarms.get(ALARM_REVIEW))?.scheduledTime).toBe(Date.UTC(2026, 10, 25, 11, 30));
  });
});

describe('evening review', () => {
  it('badge = open count; the notification lists exactly the open promises; the panel is asked for review', async () => {
    const done = await log('已完成的', NOW + H);
    await markDone(db, done.uid, NOW);
    await log('今天发出', NOW + 2 * H, 'A');
    await log('超时的', NOW - H, 'B');
    await log('明天补发', NOW + 20 * H, 'C');
    vi.setSystemTime(Date.UTC(2026, 10, 25, 13, 0)); // 21:00
    await eveningReview();

    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    const n = fakeBrowser.notifications.getAllCreateOptions()[NOTIFY_REVIEW];
    expect(n.title).toBe('日清：还有 3 条承诺未完成');
    expect(n.items?.map((i) => i.title)).toEqual(['B', 'A', 'C']);
    expect(n.items?.map((i) => i.message)).toEqual(['今天 17:00 超时的', '今天 20:00 今天发出', '明天 14:00 明天补发']);
    expect(await reviewRequest.getValue()).toBe(Date.UTC(2026, 10, 25, 13, 0));
    // The next review: tomorrow's end of shift.
    expect((await fakeBrowser.alarms.get(ALARM_REVIEW))?.scheduledTime).toBe(Date.UTC(2026, 10, 26, 13, 0));
  });

  it('no open promise: empty badge, no notification', async () => {
    await eveningReview();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(fakeBrowser.notifications.getAllCreateOptions()[NOTIFY_REVIEW]).toBeUndefined();
  });
});

describe('overdue check', () => {
  it('tells about a promise that became overdue once, and colours the badge', async () => {
    await log('超时了', NOW - 60_000);
    await log('还没到', NOW + H);
    await overdueCheck();
    expect(fakeBrowser.notifications.getAllCreateOptions()[NOTIFY_OVERDUE].title).toBe('1 条承诺已超时');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    await fakeBrowser.notifications.clear(NOTIFY_OVERDUE);
    await overdueCheck();
    expect(fakeBrowser.notifications.getAllCreateOptions()[NOTIFY_OVERDUE]).toBeUndefined();
  });
});

describe('shortcut', () => {
  it('on a page without Huashu: a notification, nothing logged', async () => {
    await runShortcut('promise', { id: 7 } as never);
    expect(fakeBrowser.notifications.getAllCreateOptions()[NOTIFY_NOT_CONSOLE].title).toBe('话术助手没有在此页面运行');
    expect(await db.promises.count()).toBe(0);
  });
});
