/** The feedback file: format and versions, bad files, and the merge rules (duplicates, conflicts). */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HuashuDB } from '@/lib/db/db';
import type { FeedbackRow } from '@/lib/db/schema';
import {
  FEEDBACK_FORMAT,
  importFeedbackFile,
  makeFeedbackFile,
  mergeRows,
  parseFeedbackFile,
  planMerge,
} from '@/lib/feedback/file';
import { addFeedback, updateFeedback } from '@/lib/feedback/store';

const T0 = Date.UTC(2026, 11, 1, 2);
const POLICY = { feedbackDueDays: {}, holidays: [], timeZone: 'Asia/Shanghai' };

const row = (uid: string, patch: Partial<FeedbackRow> = {}): FeedbackRow => ({
  uid,
  text: `反馈 ${uid}`,
  department: 'logistics',
  topic: 'slow-delivery',
  createdAt: T0,
  updatedAt: T0,
  status: 'new',
  ...patch,
});

const fileText = (rows: FeedbackRow[], agent = '小王') => JSON.stringify(makeFeedbackFile(rows, agent, T0 + 1));

function parsed(json: string) {
  const r = parseFeedbackFile(json);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.file;
}

describe('parse', () => {
  it('round-trips a file, leaving out local-only fields and giving rows the file’s agent', () => {
    const file = parsed(fileText([{ ...row('a'), id: 7, ownerKey: 'secret' }, row('b', { agent: '小李' })]));
    expect(file).toMatchObject({ format: FEEDBACK_FORMAT, version: 2, agent: '小王' });
    expect(file.feedback[0]).not.toHaveProperty('id');
    expect(file.feedback[0]).not.toHaveProperty('ownerKey');
    expect(file.feedback.map((f) => f.agent)).toEqual(['小王', '小李']);
  });

  it('imports a file of an older version: the promise-log backup (version 1) — rows become new', () => {
    const v1 = {
      format: 'huashu.promises',
      version: 1,
      exportedAt: T0,
      promises: [],
      feedback: [{ uid: 'old', text: '物流太慢', department: 'logistics', createdAt: T0 }],
    };
    const file = parsed(JSON.stringify(v1));
    expect(file.version).toBe(1);
    expect(file.feedback).toEqual([
      {
        uid: 'old',
        text: '物流太慢',
        department: 'logistics',
        topic: 'other',
        createdAt: T0,
        updatedAt: T0,
        status: 'new',
      },
    ]);
  });

  it.each([
    ['not JSON', '{"format":', 'json'],
    ['another format', JSON.stringify({ format: 'huashu.pack', version: 1 }), 'format'],
    ['an array', '[]', 'format'],
    ['a newer version', JSON.stringify({ format: FEEDBACK_FORMAT, version: 3, exportedAt: 1, feedback: [] }), 'newer'],
    [
      'a bad row',
      JSON.stringify({ format: FEEDBACK_FORMAT, version: 2, exportedAt: 1, feedback: [{ uid: 'x' }] }),
      'field',
    ],
    [
      'an unknown status',
      JSON.stringify({
        format: FEEDBACK_FORMAT,
        version: 2,
        exportedAt: 1,
        feedback: [{ ...row('x'), status: 'lost' }],
      }),
      'field',
    ],
  ])('refuses %s with a reason', (_name, text, kind) => {
    const r = parseFeedbackFile(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe(kind);
  });

  it('names the field that is wrong', () => {
    const r = parseFeedbackFile(
      JSON.stringify({
        format: FEEDBACK_FORMAT,
        version: 2,
        exportedAt: 1,
        feedback: [row('a'), { ...row('b'), createdAt: 'x' }],
      }),
    );
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'field', detail: expect.stringContaining('feedback.1.createdAt') },
    });
  });
});

describe('merge rules', () => {
  it('a row already stored is not added again; duplicates inside a file collapse', () => {
    const { put, counts } = planMerge([row('a')], [row('a'), row('b'), row('b')]);
    expect(counts).toEqual({ added: 1, updated: 0, unchanged: 1 });
    expect(put.map((r) => r.uid)).toEqual(['b']);
  });

  it('on a conflict the copy changed last wins: a newer answer replaces an older status', () => {
    const stored = { ...row('a', { status: 'sent', updatedAt: T0 + 10 }), id: 4, ownerKey: 'k' };
    const answered = row('a', { status: 'answered', answer: '已催仓库', answeredAt: T0 + 20, updatedAt: T0 + 20 });
    const { put, counts } = planMerge([stored], [answered]);
    expect(counts.updated).toBe(1);
    // The local id and the page secret stay.
    expect(put[0]).toMatchObject({ id: 4, ownerKey: 'k', status: 'answered', answer: '已催仓库' });
    // An older copy (an agent's stale file) changes nothing.
    expect(planMerge([{ ...answered, id: 4 }], [stored]).counts).toEqual({ added: 0, updated: 0, unchanged: 1 });
  });

  it('the result does not depend on which agent’s file is merged first', () => {
    const a = [row('x', { answer: 'A', status: 'answered', updatedAt: T0 + 5 }), row('y')];
    const b = [row('x', { answer: 'B', status: 'answered', updatedAt: T0 + 5 }), row('z')];
    const sort = (rows: FeedbackRow[]) => [...rows].sort((p, q) => p.uid.localeCompare(q.uid));
    expect(sort(mergeRows(mergeRows([], a), b))).toEqual(sort(mergeRows(mergeRows([], b), a)));
  });

  const arbRow = fc
    .record({
      uid: fc.constantFrom('u1', 'u2', 'u3', 'u4'),
      text: fc.string({ maxLength: 8 }),
      department: fc.constantFrom('logistics', 'finance', 'other'),
      updatedAt: fc.integer({ min: T0, max: T0 + 5 }),
      status: fc.constantFrom('new', 'sent', 'answered', 'closed'),
      answer: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
    })
    .map(({ answer, ...r }) => ({
      ...r,
      topic: 'other',
      createdAt: T0,
      ...(answer === undefined ? {} : { answer }),
    })) as fc.Arbitrary<FeedbackRow>;

  it('property: merging the same file twice changes nothing the second time', () => {
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 8 }), fc.array(arbRow, { maxLength: 8 }), (stored0, file) => {
        const stored = mergeRows([], stored0);
        const once = mergeRows(stored, file);
        const second = planMerge(once, file);
        expect(second.put).toEqual([]);
        expect(mergeRows(once, file)).toEqual(once);
      }),
      { seed: 13, numRuns: 500 },
    );
  });

  it('property: merging is order-independent and keeps one row per uid', () => {
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 8 }), fc.array(arbRow, { maxLength: 8 }), (a, b) => {
        const byUid = (rows: FeedbackRow[]) => Object.fromEntries(rows.map((r) => [r.uid, r]));
        const ab = mergeRows(mergeRows([], a), b);
        expect(byUid(ab)).toEqual(byUid(mergeRows(mergeRows([], b), a)));
        expect(new Set(ab.map((r) => r.uid)).size).toBe(ab.length);
      }),
      { seed: 13, numRuns: 500 },
    );
  });
});

describe('import into the database', () => {
  let db: HuashuDB;
  beforeEach(async () => {
    db = new HuashuDB(`feedback-file-${crypto.randomUUID()}`);
    await db.open();
  });
  afterEach(() => db.delete());

  it('two agents’ files merge without duplicates; the same file again changes nothing', async () => {
    const a = await addFeedback(db, { text: '快递太慢了', agent: '小王', due: POLICY, now: T0 });
    const agentA = parsed(fileText([a], '小王'));
    const agentB = parsed(fileText([row('b1', { agent: '小李' }), row('b2', { department: 'finance' })], '小李'));

    const lead = new HuashuDB(`feedback-lead-${crypto.randomUUID()}`);
    try {
      expect(await importFeedbackFile(lead, agentA)).toEqual({ added: 1, updated: 0, unchanged: 0 });
      expect(await importFeedbackFile(lead, agentB)).toEqual({ added: 2, updated: 0, unchanged: 0 });
      const before = await lead.feedback.orderBy('uid').toArray();
      expect(await importFeedbackFile(lead, agentA)).toEqual({ added: 0, updated: 0, unchanged: 1 });
      expect(await importFeedbackFile(lead, agentB)).toEqual({ added: 0, updated: 0, unchanged: 2 });
      expect(await lead.feedback.orderBy('uid').toArray()).toEqual(before);
      expect(before.map((f) => f.agent).sort()).toEqual(['小李', '小李', '小王']);

      // Agent A records the department's answer and sends a new file: the lead's copy is updated.
      const answered = await updateFeedback(db, a.uid, { answer: '物流公司说明天到' }, T0 + 3600_000);
      expect(await importFeedbackFile(lead, parsed(fileText([answered!], '小王')))).toMatchObject({ updated: 1 });
      expect(await lead.feedback.where('uid').equals(a.uid).first()).toMatchObject({
        status: 'answered',
        answer: '物流公司说明天到',
      });
    } finally {
      await lead.delete();
    }
  });

  it('a bad file is refused before anything is written', async () => {
    await addFeedback(db, { text: '发票', now: T0 });
    const before = await db.feedback.toArray();
    const r = parseFeedbackFile(
      JSON.stringify({ format: FEEDBACK_FORMAT, version: 2, exportedAt: 1, feedback: [row('ok'), { uid: '' }] }),
    );
    expect(r.ok).toBe(false);
    expect(await db.feedback.toArray()).toEqual(before);
  });
});

it('the README’s example file parses', async () => {
  const { readFileSync } = await import('node:fs');
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('### Feedback file format'));
  const json = /```json\n([\s\S]*?)```/.exec(section)![1];
  expect(parsed(json).feedback[0]).toMatchObject({ status: 'answered', agent: '小王', department: 'logistics' });
});
