/**
 * The v2 migration is frozen: the topics it gives old feedback rows do not follow the live lexicon. Here the
 * live department words, topic suggestion and text normalisation are all replaced by something else, and
 * a fixed v1 database must still migrate to exactly the rows written out below (v2's output as shipped).
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HuashuDB } from '@/lib/db/db';
import { ALL_DEPARTMENTS, DEPARTMENTS } from '@/lib/feedback/departments';
import { suggestTopic } from '@/lib/feedback/suggest';
import { normalizeText } from '@/lib/text/lexicon-normalize';
import { V1 } from './v1-schema';

vi.mock('@/lib/feedback/departments', async (importOriginal) => {
  const live = await importOriginal<typeof import('@/lib/feedback/departments')>();
  // Today's lists changed beyond recognition: every department keeps one topic without words.
  const changed = live.DEPARTMENTS.map((d) => ({
    ...d,
    topics: [{ id: 'renamed', zh: '改', en: 'Renamed', words: [] }],
  }));
  return { ...live, DEPARTMENTS: changed, ALL_DEPARTMENTS: [...changed, live.OTHER] };
});
vi.mock('@/lib/feedback/suggest', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/feedback/suggest')>()),
  suggestTopic: () => 'live-topic',
}));
vi.mock('@/lib/text/lexicon-normalize', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/text/lexicon-normalize')>()),
  normalizeText: () => '',
}));

const T0 = Date.UTC(2026, 10, 20, 2, 0);

// [department, text, the topic v2 gave it as shipped]
const ROWS: [string, unknown, string][] = [
  ['warehouse', '三天了还没发货，催一下', 'slow-dispatch'],
  ['warehouse', '發錯貨了，顏色不對', 'wrong-item'],
  ['warehouse', '少发了一件', 'missing-item'],
  ['warehouse', '包装破了', 'slow-dispatch'],
  ['logistics', '快递不送上楼，家里老人腿脚不便', 'doorstep'],
  ['logistics', '物流也太慢了吧', 'slow-delivery'],
  ['logistics', 'the courier was rude', 'courier'],
  ['logistics', '收到的时候箱子压坏了', 'transit-damage'],
  ['operations', '实物和图片不一样', 'not-as-pictured'],
  ['operations', '昨天买的今天就降价了', 'pricing'],
  ['product', '这个太难用了', 'usability'],
  ['product', '用了两天就坏了', 'quality'],
  ['product', '尺码偏小', 'sizing'],
  ['finance', '要开增值税专用发票', 'invoice'],
  ['finance', "I haven't received my refund", 'refund-payment'],
  ['service', '客服态度太差', 'service-attitude'],
  ['service', '随便说几句', 'service-attitude'],
  ['other', '随便说几句', 'other'],
  ['no-such-department', '发货太慢', 'other'],
  ['logistics', '', 'doorstep'],
  ['other', 12345, 'other'],
];

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

describe('v1 → v2 is frozen', () => {
  it('the live lexicon really is different in this test', () => {
    expect(suggestTopic('logistics', '快递不送上楼')).toBe('live-topic');
    expect(normalizeText('快递')).toBe('');
    expect(DEPARTMENTS.flatMap((d) => d.topics.map((t) => t.id))).not.toContain('doorstep');
    expect(ALL_DEPARTMENTS.at(-1)?.id).toBe('other');
  });

  it('gives the topics v2 gave when it shipped', async () => {
    const name = `migrate-frozen-${crypto.randomUUID()}`;
    names.push(name);
    const v1 = new Dexie(name);
    v1.version(1).stores(V1);
    await v1.open();
    await v1
      .table('feedback')
      .bulkAdd(ROWS.map(([department, text], i) => ({ uid: `f-${i}`, text, department, createdAt: T0 + i })));
    v1.close();

    const db = new HuashuDB(name);
    await db.open();
    const rows = await db.feedback.orderBy('createdAt').toArray();
    expect(rows.map((f) => [f.department, f.text, f.topic])).toEqual(ROWS);
    expect(rows.map((f) => f.updatedAt)).toEqual(ROWS.map((_, i) => T0 + i));
    db.close();
  });
});
