/** Gift budget used today, in storage.local (shared by all console tabs; reset by the calendar day). */
import { storage } from 'wxt/utils/storage';
import { budgetLeft, dayKey, type BudgetUse } from '@/components/card/logic';

export const budgetUseItem = storage.defineItem<BudgetUse>('local:giftBudgetUse', { fallback: { day: '', used: 0 } });

export async function remainingBudget(perDay: number, timeZone: string, now = new Date()): Promise<number> {
  return budgetLeft(perDay, await budgetUseItem.getValue(), dayKey(now, timeZone));
}

export async function spendBudget(cost: number, timeZone: string, now = new Date()): Promise<void> {
  const today = dayKey(now, timeZone);
  const use = await budgetUseItem.getValue();
  await budgetUseItem.setValue({ day: today, used: (use.day === today ? use.used : 0) + cost });
}
