/** The daily gift budget shared by all console tabs (components/card/budget.ts), on the fake browser. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { budgetUseItem, remainingBudget, spendBudget } from '@/components/card/budget';

const TZ = 'Asia/Shanghai';
// 2026-12-03 23:30 and 2026-12-04 00:30 in Shanghai.
const lateEvening = new Date(Date.UTC(2026, 11, 3, 15, 30));
const nextMorning = new Date(Date.UTC(2026, 11, 3, 16, 30));

beforeEach(() => fakeBrowser.reset());

describe('gift budget', () => {
  it('starts full, goes down with each gift, never below zero', async () => {
    expect(await remainingBudget(20, TZ, lateEvening)).toBe(20);
    await spendBudget(5, TZ, lateEvening);
    await spendBudget(12, TZ, lateEvening);
    expect(await remainingBudget(20, TZ, lateEvening)).toBe(3);
    await spendBudget(10, TZ, lateEvening);
    expect(await remainingBudget(20, TZ, lateEvening)).toBe(0);
  });

  it('resets at midnight in the agent’s time zone, not UTC', async () => {
    await spendBudget(15, TZ, lateEvening);
    expect(await remainingBudget(20, TZ, nextMorning)).toBe(20);
    await spendBudget(4, TZ, nextMorning);
    expect(await budgetUseItem.getValue()).toEqual({ day: '2026-12-04', used: 4 });
  });
});
