import * as OpenCC from 'opencc-js';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HuashuDB } from '@/lib/db/db';
import type { FeedbackRow } from '@/lib/db/schema';
import { ALL_DEPARTMENTS } from '@/lib/feedback/departments';
import {
  departmentLabel,
  feedbackToCsv,
  feedbackToMarkdown,
  groupFeedback,
  topicLabel,
  weekOf,
} from '@/lib/feedback/report';
import { addFeedback, deleteFeedback, updateFeedback } from '@/lib/feedback/store';

const TZ = 'Asia/Shanghai';
const MON_W48 = Date.UTC(2026, 10, 23, 2, 0); // Monday 2026-11-23 10:00, ISO week 48
const DAY = 86_400_000;

let db: HuashuDB;
beforeEach(async () => {
  db = new HuashuDB(`fb-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(() => db.delete());

describe('feedback store', () => {
  it('suggests department and topic from the text when none is given', async () => {
    const f = await addFeedback(db, { text: '实物和图片不一样，色差太大', buyer: '小雨', orderId: 'A1', now: MON_W48 });
    expect(f).toMatchObject({ department: 'operations', topic: 'not-as-pictured', buyer: '小雨', orderId: 'A1' });
  });

  it('keeps the agent’s department and finds a topic inside it', async () => {
    const f = await addFeedback(db, { text: '起球了', department: 'product', now: MON_W48 });
    expect(f).toMatchObject({ department: 'product', topic: 'quality' });
  });

  it('changing the department re-suggests the topic; undo removes the entry', async () => {
    const f = await addFeedback(db, { text: '发货太慢了，快递也慢', now: MON_W48 });
    const moved = await updateFeedback(db, f.uid, { department: 'logistics' }, MON_W48 + 1);
    expect(moved).toMatchObject({ department: 'logistics', topic: 'slow-delivery', updatedAt: MON_W48 + 1 });
    expect(await deleteFeedback(db, f.uid)).toBe(true);
    expect(await db.feedback.count()).toBe(0);
  });

  it('cuts a huge text', async () => {
    const f = await addFeedback(db, { text: '慢'.repeat(20_000), now: MON_W48 });
    expect(f.truncatedFrom).toBe(20_000);
  });
});

function fb(p: Partial<FeedbackRow>): FeedbackRow {
  return {
    uid: crypto.randomUUID(),
    text: 't',
    department: 'other',
    topic: 'other',
    createdAt: MON_W48,
    updatedAt: MON_W48,
    ...p,
  };
}

describe('report', () => {
  const rows = [
    fb({ department: 'logistics', topic: 'doorstep', createdAt: MON_W48, text: '不送上楼' }),
    fb({ department: 'logistics', topic: 'doorstep', createdAt: MON_W48 + 7 * DAY, text: '放门口了' }),
    fb({ department: 'logistics', topic: 'slow-delivery', createdAt: MON_W48 + 6 * DAY, text: '物流太慢' }), // Sunday, still W48
    fb({ department: 'finance', topic: 'invoice', createdAt: MON_W48 + 8 * DAY, text: '要专票 | 抬头', buyer: 'Tom' }),
  ];

  it('weeks are ISO weeks on the agent’s clock', () => {
    expect(weekOf(rows[0], TZ)).toBe('2026-W48');
    expect(weekOf(rows[2], TZ)).toBe('2026-W48');
    expect(weekOf(rows[1], TZ)).toBe('2026-W49');
    // Sunday 23:30 in Shanghai is already Monday in… no: Monday 00:30 Shanghai is Sunday in London.
    const edge = fb({ createdAt: Date.UTC(2026, 10, 29, 16, 30) }); // Mon 2026-11-30 00:30 Shanghai
    expect(weekOf(edge, TZ)).toBe('2026-W49');
    expect(weekOf(edge, 'Europe/London')).toBe('2026-W48');
  });

  it('groups by department and topic with counts per week, biggest first', () => {
    const r = groupFeedback(rows, TZ);
    expect(r.weeks).toEqual(['2026-W48', '2026-W49']);
    expect(r.total).toBe(4);
    expect(r.departments.map((d) => [d.department, d.total])).toEqual([
      ['logistics', 3],
      ['finance', 1],
    ]);
    const logistics = r.departments[0];
    expect(logistics.weeks).toEqual({ '2026-W48': 2, '2026-W49': 1 });
    expect(logistics.topics.map((t) => [t.topic, t.total, t.weeks])).toEqual([
      ['doorstep', 2, { '2026-W48': 1, '2026-W49': 1 }],
      ['slow-delivery', 1, { '2026-W48': 1 }],
    ]);
  });

  it('CSV: one line per entry with week, department and topic labels', () => {
    const csv = feedbackToCsv(rows, TZ);
    const data = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(data[0].slice(0, 7)).toEqual(['week', 'date', 'department', 'topic', 'buyer', 'order', 'feedback']);
    expect(data).toHaveLength(5);
    expect(data[1].slice(0, 4)).toEqual(['2026-W48', '2026-11-23 10:00', '物流', '送货上门/上楼']);
    expect(feedbackToCsv(rows, TZ, 'en')).toContain('Logistics');
  });

  it('Markdown: a topic × week table per department, then the entries', () => {
    const md = feedbackToMarkdown(rows, TZ, 'en');
    expect(md).toContain('## Logistics (3)');
    expect(md).toContain('| Topic | 2026-W48 | 2026-W49 | Total |');
    expect(md).toContain('| Delivery to the door | 1 | 1 | 2 |');
    expect(md).toContain('| Slow delivery | 1 | 0 | 1 |');
    expect(md).toContain('## Finance (1)');
    expect(md).toContain('| Topic | 2026-W49 | Total |');
    expect(md).toContain('要专票 \\| 抬头 — Tom');
  });
});

describe('department and topic labels', () => {
  it('every department and topic has a Traditional label that differs where the characters do', () => {
    for (const d of ALL_DEPARTMENTS) {
      expect(departmentLabel(d.id, 'zh_CN')).toBe(d.zh);
      expect(departmentLabel(d.id, 'en')).toBe(d.en);
      for (const t of d.topics)
        expect(topicLabel(t.id, 'zh_TW')).not.toMatch(/[仓货发错问题递运输营价详页产码质财务费态]/);
    }
    expect(departmentLabel('warehouse', 'zh_TW')).toBe('倉庫');
    expect(topicLabel('slow-dispatch', 'zh_TW')).toBe('發貨慢');
  });

  it('labels are Traditional where they should be (checked with OpenCC) and never a word-list marker', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    for (const d of ALL_DEPARTMENTS)
      for (const l of [d, ...d.topics]) {
        expect(toTraditional(l.tw), l.tw).toBe(l.tw);
        for (const text of [l.zh, l.tw, l.en]) expect(text, l.id).not.toMatch(/^~|\*/);
      }
    expect(departmentLabel('service', 'zh_CN')).toBe('客服');
  });

  it('an unknown department keeps its own name', () => {
    expect(departmentLabel('售后二组', 'zh_TW')).toBe('售后二组');
  });
});
