import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvToPack, decodeText, detectMapping, readCsv, stableHash } from '@/lib/pack/csv';
import { exportCsv } from '@/lib/pack/export';
import { parsePack } from '@/lib/pack/parse';
import type { Pack } from '@/lib/pack/schema';

const gbk = new Uint8Array(readFileSync(new URL('../../fixtures/packs/quick-phrases-gbk.csv', import.meta.url)));
const teaText = readFileSync(new URL('../../fixtures/packs/tea-shop.json', import.meta.url), 'utf8');
const tea = (parsePack(teaText) as { pack: Pack }).pack;
const opts = { hasHeader: true, packId: 'qp', packName: 'Quick phrases' };

function build(text: string, o = opts) {
  const table = readCsv(text, 'utf-8');
  return csvToPack(table.rows, detectMapping(table.rows[0]).mapping, o).result;
}

describe('decodeText', () => {
  it('reads GBK, UTF-8 and UTF-8 with BOM', () => {
    const g = decodeText(gbk);
    expect(g.encoding).toBe('gbk');
    expect(g.text).toContain('怎么退货');
    const utf8 = new TextEncoder().encode('问题,答案');
    expect(decodeText(utf8)).toEqual({ text: '问题,答案', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({
      text: '问题,答案',
      encoding: 'utf-8-bom',
    });
  });
});

describe('detectMapping', () => {
  it.each([
    [['分组', '快捷编码', '问题', '快捷短语'], { group: 0, code: 1, question: 2, similar: -1, answer: 3, tone: -1 }],
    [['分类', '编码', '关键词', '回复内容'], { group: 0, code: 1, question: 2, similar: -1, answer: 3, tone: -1 }],
    [['Question', 'Answer', 'Group'], { group: 2, code: -1, question: 0, similar: -1, answer: 1, tone: -1 }],
    [['话术', '问题*', '语气'], { group: -1, code: -1, question: 1, similar: -1, answer: 0, tone: 2 }],
    [['分组名称', '快捷编码', '快捷短语'], { group: 0, code: 1, question: -1, similar: -1, answer: 2, tone: -1 }],
    [['标准问题', '相似问题（选填）', '答案'], { group: -1, code: -1, question: 0, similar: 1, answer: 2, tone: -1 }],
    [
      ['相似问题（选填）', '问题（必填）', '答案'],
      { group: -1, code: -1, question: 1, similar: 0, answer: 2, tone: -1 },
    ],
    [
      ['Question', 'Similar questions', 'Answer'],
      { group: -1, code: -1, question: 0, similar: 1, answer: 2, tone: -1 },
    ],
  ])('%j', (headers, mapping) => {
    expect(detectMapping(headers).mapping).toEqual(mapping);
  });

  it('recognises nothing in a data row', () => {
    expect(detectMapping(['怎么退货', '亲，7 天无理由']).recognised).toBe(0);
  });
});

describe('csvToPack', () => {
  it('adds similar questions (split on lines, | and ；) to the standard question; same standard question merged', () => {
    const r = build(
      '标准问题,相似问题,答案\n发货时间,"几天发货|多久发出；今天发吗",48 小时内\n发货时间,急用能发吗,加急可当天发\n',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pack.scripts).toHaveLength(1);
    expect(r.pack.scripts[0].questions).toEqual(['发货时间', '几天发货', '多久发出', '今天发吗', '急用能发吗']);
    expect(r.pack.scripts[0].answers.map((a) => a.text)).toEqual(['48 小时内', '加急可当天发']);
  });

  it('turns the GBK fixture into scripts: one answer per row, same question merged, codes as ids', () => {
    const { text } = decodeText(gbk);
    const r = build(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [ret, ship, courier, box] = r.pack.scripts;
    expect(r.pack.scripts).toHaveLength(4);
    expect(ret).toMatchObject({ id: 'th', category: '售后', questions: ['怎么退货'] });
    expect(ret.answers).toHaveLength(2);
    expect(ship.questions).toEqual(['什么时候发货', '几天发货']);
    expect(courier.answers[0].text).toBe('亲，默认发中通，需要顺丰可以补差价，"备注"一下就好～');
    expect(box.answers[0].text).toBe('亲，有的，\n礼盒需要另外拍下哦～');
  });

  it('derives a stable id from the question when there is no code', () => {
    const a = build('问题,答案\n怎么退货,亲～\n');
    const b = build('问题,答案\n运费多少,亲～\n怎么退货,亲～\n');
    if (!a.ok || !b.ok) throw new Error('not ok');
    expect(a.pack.scripts[0].id).toBe(`q-${stableHash('怎么退货')}`);
    expect(b.pack.scripts[1].id).toBe(a.pack.scripts[0].id);
  });

  it('lists every bad row with its number', () => {
    const r = build('问题,答案\n怎么退货,\n,亲～\n运费,亲～\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual(['row 2: the answer is empty', 'row 3: the question is empty']);
  });

  it('maps schema errors back to spreadsheet rows', () => {
    const r = build(`问题,答案\n怎么退货,${'长'.repeat(5001)}\n`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^row 2 \(answer\): at most 5000 characters/);
  });

  it('reports a missing answer column', () => {
    const table = readCsv('问题,备注\n怎么退货,x\n', 'utf-8');
    const r = csvToPack(table.rows, detectMapping(table.rows[0]).mapping, opts).result;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/answers/);
  });

  it('reads back its own CSV export (questions, answers, tones, categories, ids)', () => {
    const { text } = decodeText(new TextEncoder().encode(exportCsv(tea)));
    const r = build(text, { ...opts, packId: 'tea-shop', packName: tea.pack.name });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const strip = (p: Pack) => p.scripts.map((s) => [s.id, s.category, s.questions, s.answers]);
    expect(strip(r.pack)).toEqual(strip(tea));
  });

  it('keeps HTML as text', () => {
    const r = build('问题,答案\nx,<img src=x onerror=alert(1)>\n');
    expect(r.ok && r.pack.scripts[0].answers[0].text).toBe('<img src=x onerror=alert(1)>');
  });
});
