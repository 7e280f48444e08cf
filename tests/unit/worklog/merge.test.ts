/** The daily work log: building it from the day's rows, its file format, and the lead's merge rules. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FeedbackRow, PromiseRow, UsageRow } from '@/lib/db/schema';
import { mergeWorkLogs, reportToCsv, reportToMarkdown } from '@/lib/worklog/merge';
import {
  buildWorkLog,
  parseWorkLog,
  workLogName,
  workLogToCsv,
  workLogToMarkdown,
  type WorkLog,
} from '@/lib/worklog/worklog';

const TZ = 'Asia/Shanghai';
const DAY = '2026-12-03';
const NOW = Date.UTC(2026, 11, 3, 9, 30); // 17:30 in Shanghai
const H = 3600_000;
const YESTERDAY = NOW - 24 * H;

const p = (over: Partial<PromiseRow> & { uid: string }): PromiseRow => ({
  text: `promise ${over.uid}`,
  createdAt: NOW - 5 * H,
  updatedAt: NOW - 5 * H,
  due: NOW + H,
  status: 'open',
  notes: [],
  ...over,
});
const f = (department: string, createdAt = NOW - H): FeedbackRow => ({
  uid: crypto.randomUUID(),
  text: 'x',
  department,
  topic: 't',
  createdAt,
  updatedAt: createdAt,
});
const u = (over: Partial<UsageRow>): UsageRow => ({ at: NOW - H, kind: 'insert', ...over });

function sample(agent = '小王', overrides: Partial<WorkLog> = {}): WorkLog {
  return {
    ...buildWorkLog({
      agent,
      day: DAY,
      timeZone: TZ,
      now: NOW,
      promises: [
        p({ uid: `${agent}-a` }),
        p({ uid: `${agent}-b`, due: NOW - H }),
        p({ uid: `${agent}-c`, status: 'done', doneAt: NOW - H }),
        p({ uid: `${agent}-d`, createdAt: YESTERDAY, status: 'done', doneAt: YESTERDAY }),
        p({ uid: `${agent}-e`, status: 'deleted' }),
      ],
      feedback: [f('warehouse'), f('warehouse'), f('finance'), f('finance', YESTERDAY)],
      usage: [
        u({ packId: 'p', scriptId: 'ship', rank: 0 }),
        u({ packId: 'p', scriptId: 'ship', rank: 1 }),
        u({ packId: 'p', scriptId: 'invoice', rank: 0 }),
        u({ kind: 'miss', message: '可以开专票吗' }),
        u({ kind: 'miss', message: '能寄到国外吗', at: YESTERDAY }),
      ],
      problems: '系统卡顿\n',
      needs: '想要更多颜色',
      titleOf: (_p, s) => ({ ship: '发货时间', invoice: '发票' })[s],
      departmentLabel: (d) => ({ warehouse: '仓库', finance: '财务' })[d] ?? d,
    }),
    ...overrides,
  };
}

describe('buildWorkLog', () => {
  it('counts the day: promises made / kept / open / overdue, feedback by department, misses, top scripts', () => {
    const log = sample();
    expect(log).toMatchObject({ format: 'huashu-worklog', version: 1, agent: '小王', day: DAY });
    expect(log.promises).toEqual({ made: 3, kept: 1, open: 2, overdue: 1 });
    expect(log.feedback).toEqual([
      { department: 'warehouse', label: '仓库', count: 2 },
      { department: 'finance', label: '财务', count: 1 },
    ]);
    expect(log.missed).toEqual([{ text: '可以开专票吗', count: 1 }]);
    expect(log.topScripts).toEqual([
      { packId: 'p', scriptId: 'ship', title: '发货时间', count: 2 },
      { packId: 'p', scriptId: 'invoice', title: '发票', count: 1 },
    ]);
    expect(log.problems).toBe('系统卡顿');
    expect(log.openPromises.map((o) => [o.uid, o.owner])).toEqual([
      ['小王-b', '小王'],
      ['小王-a', '小王'],
    ]);
  });

  it('writes Markdown and CSV named by day and agent', () => {
    const log = sample();
    expect(workLogName(log)).toBe('huashu-worklog-2026-12-03-小王');
    const md = workLogToMarkdown(log);
    expect(md).toContain('# Daily work log 2026-12-03 小王');
    expect(md).toContain('| 3 | 1 | 2 | 1 |');
    expect(md).toContain('- 仓库: 2');
    expect(md).toContain('- 可以开专票吗 ×1');
    expect(md).toContain('> 系统卡顿');
    const csv = workLogToCsv(log);
    expect(csv).toContain('2026-12-03,小王,promises,made,3');
    expect(csv).toContain('2026-12-03,小王,missed,可以开专票吗,1');
  });
});

describe('parseWorkLog', () => {
  it('round-trips a log', () => {
    const log = sample();
    expect(parseWorkLog(JSON.stringify(log))).toEqual({ ok: true, log });
  });
  it.each([
    ['{', 'not JSON'],
    ['{"format":"huashu-handover","version":1}', 'format: expected "huashu-worklog"'],
    ['{"format":"huashu-worklog","version":3}', 'version 3 was written by a newer Huashu'],
    ['{"format":"huashu-worklog","version":1,"agent":"a","day":"12/03","exportedAt":1,"promises":{}}', 'day'],
  ])('refuses %s with a clear message', (text, message) => {
    const r = parseWorkLog(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });
  it('reads a minimal version 1 log (sections missing) with empty sections', () => {
    const r = parseWorkLog(
      '{"format":"huashu-worklog","version":1,"agent":"a","day":"2026-12-01","exportedAt":1,"promises":{"made":1,"kept":0,"open":1,"overdue":0}}',
    );
    expect(r.ok && r.log).toMatchObject({ missed: [], feedback: [], openPromises: [], problems: '' });
  });
});

describe('mergeWorkLogs', () => {
  it('totals per agent, open promises per owner, missed questions grouped across agents', () => {
    const a = sample('小王');
    const b = sample('小李', { missed: [{ text: '可以开专票吗？', count: 2 }] });
    const r = mergeWorkLogs([a, b]);
    expect(r.kind).toBe('day');
    expect(r.agents.map((x) => [x.agent, x.made, x.kept, x.open, x.overdue, x.feedback])).toEqual([
      ['小李', 3, 1, 2, 1, 3],
      ['小王', 3, 1, 2, 1, 3],
    ]);
    expect(r.totals).toEqual({ made: 6, kept: 2, open: 4, overdue: 2, feedback: 6 });
    expect(r.openByOwner.map((o) => [o.owner, o.promises.length])).toEqual([
      ['小李', 2],
      ['小王', 2],
    ]);
    expect(r.missed).toEqual([
      { label: '可以开专票吗？', count: 3, agents: ['小李', '小王'], texts: ['可以开专票吗？'] },
    ]);
    expect(r.feedback).toEqual(
      [
        { department: 'finance', label: '财务', count: 2 },
        { department: 'warehouse', label: '仓库', count: 4 },
      ].sort((x, y) => y.count - x.count),
    );
    const md = reportToMarkdown(r, TZ);
    expect(md).toContain('| **Σ** | 6 | 2 | 4 | 2 | 6 |');
    expect(reportToCsv(r)).toContain('小王,2026-12-03,3,1,2,1,3');
  });

  it('duplicates: the same file twice counts once', () => {
    const a = sample('小王');
    expect(mergeWorkLogs([a, a, structuredClone(a)])).toEqual(mergeWorkLogs([a]));
  });

  it('conflicts: two logs of one agent and day — the later export wins, whatever the order', () => {
    const early = sample('小王');
    const late = sample('小王', { exportedAt: NOW + H, promises: { made: 9, kept: 9, open: 0, overdue: 0 } });
    expect(mergeWorkLogs([early, late]).totals.made).toBe(9);
    expect(mergeWorkLogs([late, early]).totals.made).toBe(9);
  });

  it('a week: days add up, the open promises are the latest day, a handed-over promise counts once', () => {
    const mon = sample('小王', { day: '2026-11-30', exportedAt: NOW - 72 * H });
    const tue = sample('小王', { day: '2026-12-01', exportedAt: NOW - 48 * H, openPromises: [] });
    // 小李 took over 小王's promise "小王-a": it appears in both logs, counted once (the later copy).
    const li = sample('小李', { openPromises: [{ uid: '小王-a', text: 'taken over', due: NOW, owner: '小王' }] });
    const r = mergeWorkLogs([mon, tue, li]);
    expect(r.kind).toBe('week');
    expect(r.days).toEqual(['2026-11-30', '2026-12-01', '2026-12-03']);
    const wang = r.agents.find((x) => x.agent === '小王')!;
    expect([wang.made, wang.days.length]).toEqual([6, 2]);
    expect(r.openByOwner).toEqual([
      { owner: '小王', promises: [{ uid: '小王-a', text: 'taken over', due: NOW, owner: '小王' }] },
    ]);
  });

  it('an older, minimal log merges beside a full one', () => {
    const r0 = parseWorkLog(
      '{"format":"huashu-worklog","version":1,"agent":"老张","day":"2026-12-03","exportedAt":1,"promises":{"made":1,"kept":1,"open":0,"overdue":0}}',
    );
    if (!r0.ok) throw new Error(r0.error);
    const r = mergeWorkLogs([sample('小王'), r0.log]);
    expect(r.totals.made).toBe(4);
    expect(r.agents.map((a) => a.agent)).toEqual(['小王', '老张'].sort((a, b) => a.localeCompare(b)));
  });
});

describe('property: merging the same file twice changes nothing', () => {
  const arbLog = fc.record({
    agent: fc.constantFrom('小王', '小李', '老张'),
    day: fc.constantFrom('2026-12-01', '2026-12-02', '2026-12-03'),
    exportedAt: fc.integer({ min: 0, max: 5 }),
    made: fc.nat(5),
    open: fc.array(fc.constantFrom('u1', 'u2', 'u3'), { maxLength: 3 }),
    missed: fc.array(fc.constantFrom('能开发票吗', '能开发票吗？', '寄国外吗'), { maxLength: 3 }),
  });
  type Raw = typeof arbLog extends fc.Arbitrary<infer T> ? T : never;
  const toLog = (x: Raw): WorkLog => ({
    ...sample(x.agent),
    day: x.day,
    exportedAt: x.exportedAt,
    promises: { made: x.made, kept: 0, open: x.open.length, overdue: 0 },
    openPromises: [...new Set<string>(x.open)].map((uid) => ({ uid, text: uid, due: 0, owner: x.agent })),
    missed: x.missed.map((text: string) => ({ text, count: 1 })),
  });
  it('holds for random sets of logs (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(arbLog, { minLength: 1, maxLength: 6 }), fc.nat(), (raw, pick) => {
        const logs = raw.map(toLog);
        const again = logs[pick % logs.length];
        const once = mergeWorkLogs(logs);
        expect(mergeWorkLogs([...logs, structuredClone(again)])).toEqual(once);
        // The order files are picked in does not matter either.
        expect(mergeWorkLogs([...logs].reverse())).toEqual(once);
      }),
      { numRuns: 100, seed: 13 },
    );
  });
});
