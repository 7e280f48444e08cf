/** Status, deadline and answer of a feedback entry (patchFeedback) and the meeting report built on them. */
import { describe, expect, it } from 'vitest';
import type { FeedbackRow } from '@/lib/db/schema';
import { dueDaysFor } from '@/lib/feedback/due';
import { meetingReport, meetingToMarkdown } from '@/lib/feedback/meeting';
import { isOverdue, patchFeedback, statusOf } from '@/lib/feedback/status';
import { formatWall } from '@/lib/time/format';

const TZ = 'Asia/Shanghai';
const MON = Date.UTC(2026, 11, 7, 2); // Mon 2026-12-07 10:00 Shanghai
const DAY = 86_400_000;
const POLICY = { feedbackDueDays: { finance: 5 }, holidays: [], timeZone: TZ };

const row = (uid: string, patch: Partial<FeedbackRow> = {}): FeedbackRow => ({
  uid,
  text: `反馈 ${uid}`,
  department: 'logistics',
  topic: 'slow-delivery',
  createdAt: MON,
  updatedAt: MON,
  ...patch,
});

describe('status', () => {
  it('rows without a status are new', () => {
    expect(statusOf(row('a'))).toBe('new');
  });

  it('new → sent stamps sentAt and, without a deadline, sets one from the department’s working days', () => {
    const sent = patchFeedback(row('a'), { status: 'sent' }, MON + 1000, POLICY);
    expect(sent).toMatchObject({ status: 'sent', sentAt: MON + 1000 });
    expect(formatWall(sent.dueAt!, TZ)).toBe('2026-12-10 23:59');
    const finance = patchFeedback(row('b', { department: 'finance' }), { status: 'sent' }, MON, POLICY);
    expect(formatWall(finance.dueAt!, TZ)).toBe('2026-12-14 23:59');
  });

  it('the department’s answer moves a sent entry to answered; it is then not overdue', () => {
    const sent = patchFeedback(row('a'), { status: 'sent' }, MON, POLICY);
    const answered = patchFeedback(sent, { answer: '  仓库已加急  ' }, MON + 2 * DAY);
    expect(answered).toMatchObject({ status: 'answered', answer: '仓库已加急', answeredAt: MON + 2 * DAY });
    expect(isOverdue(sent, sent.dueAt! + 1)).toBe(true);
    expect(isOverdue(answered, answered.dueAt! + 1)).toBe(false);
    expect(isOverdue(sent, sent.dueAt!)).toBe(false);
  });

  it('updatedAt always moves forward (the changed copy wins a merge)', () => {
    const r = row('a', { updatedAt: MON + 5000 });
    expect(patchFeedback(r, { status: 'closed' }, MON).updatedAt).toBe(MON + 5001);
  });

  it('a new entry moved to another department takes that department’s deadline', () => {
    const filed = row('a', { status: 'new', dueAt: MON + DAY });
    const moved = patchFeedback(filed, { department: 'finance' }, MON + 10, POLICY);
    expect(formatWall(moved.dueAt!, TZ)).toBe('2026-12-14 23:59');
    // Once sent, the deadline stays what the department was given.
    const sent = { ...filed, status: 'sent' as const };
    expect(patchFeedback(sent, { department: 'finance' }, MON + 10, POLICY).dueAt).toBe(MON + DAY);
  });

  it('a deadline set by hand, or removed', () => {
    expect(patchFeedback(row('a'), { dueAt: MON + 7 }, MON).dueAt).toBe(MON + 7);
    expect(patchFeedback(row('a', { dueAt: MON }), { dueAt: null }, MON)).not.toHaveProperty('dueAt');
  });

  it('due days from Options, 3 when missing or out of range', () => {
    expect(dueDaysFor('finance', { finance: 5 })).toBe(5);
    expect(dueDaysFor('logistics', { finance: 5 })).toBe(3);
    expect(dueDaysFor('finance', { finance: -1 })).toBe(3);
    expect(dueDaysFor('toString', {})).toBe(3);
  });
});

describe('meeting report', () => {
  const rows = [
    row('a', { agent: '小王', status: 'sent', dueAt: MON + DAY }),
    row('b', { agent: '小李', status: 'answered', answer: '已换快递', answeredAt: MON + 3 * DAY, dueAt: MON + DAY }),
    row('c', { department: 'finance', topic: 'invoice', text: '要开发票', agent: '小李' }),
    // Filed last month, still open and overdue: it shows among the overdue of this month's meeting.
    row('d', { createdAt: MON - 30 * DAY, status: 'new', dueAt: MON - 25 * DAY }),
  ];

  it('per department: topics with counts and examples, answers, open items past their deadline', () => {
    const r = meetingReport(rows, MON + 2 * DAY, TZ, '2026-12');
    expect(r.total).toBe(3);
    expect(r.agents).toEqual(['小李', '小王']);
    const logistics = r.departments.find((d) => d.department === 'logistics')!;
    expect(logistics.total).toBe(2);
    expect(logistics.topics).toMatchObject([{ topic: 'slow-delivery', count: 2 }]);
    expect(logistics.topics[0].examples).toHaveLength(2);
    expect(logistics.byStatus).toMatchObject({ new: 0, sent: 1, answered: 1 });
    expect(logistics.answers.map((f) => f.uid)).toEqual(['b']);
    expect(logistics.late).toBe(1);
    expect(logistics.overdue.map((f) => f.uid)).toEqual(['d', 'a']);
    expect(r.overdue).toBe(2);
    // Before the deadline nothing is overdue.
    expect(meetingReport(rows, MON, TZ, '2026-12').overdue).toBe(1);
  });

  it('the Markdown handout names departments, topics, answers and the overdue', () => {
    const text = meetingToMarkdown(meetingReport(rows, MON + 2 * DAY, TZ, '2026-12'), TZ, 'zh_CN');
    expect(text).toContain('# 部门例会：买家反馈 (2026-12)');
    expect(text).toContain('## 物流 (2)');
    expect(text).toContain('反馈 b → 已换快递 — 小李');
    expect(text).toContain('### 逾期未回复 (2)');
    expect(text).toContain('## 财务 (1)');
    expect(text).not.toMatch(/~|undefined/);
  });
});
