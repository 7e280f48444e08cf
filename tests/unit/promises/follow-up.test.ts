import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePack } from '@/lib/pack/parse';
import type { Pack } from '@/lib/pack/schema';
import { followUpText } from '@/lib/promises/follow-up';

const TEMPLATE = '{buyer}您好，之前答应您的「{promise}」，我来跟进一下进度～';
const r = parsePack(readFileSync(new URL('../../../public/packs/default.json', import.meta.url), 'utf8'));
if (!r.ok) throw new Error(r.errors.join('\n'));
const pack: Pack = r.pack;

describe('followUpText', () => {
  it('takes the follow-up script whose keywords the promise names, in the agent tone, filled in', () => {
    const text = followUpText({ text: '明天给您补发一件', buyer: '小雨', orderId: 'A100' }, [pack], TEMPLATE, 'formal');
    expect(text.startsWith('小雨您好，答应为您补发')).toBe(true);
    expect(text).toContain('订单 A100');
    expect(text).not.toMatch(/\{/);
  });

  it('falls back to the first follow-up script, and drops placeholders with no value', () => {
    const text = followUpText({ text: '下午三点前给您回电话' }, [pack], TEMPLATE);
    expect(text.startsWith('亲～之前答应您的事')).toBe(true);
  });

  it('uses the default template with the promise quoted when no pack has follow-ups', () => {
    const noFollowUps = { ...pack, scripts: pack.scripts.filter((s) => s.category !== 'follow-up') };
    const long = '今天一定帮您 催 仓库\n发货'.padEnd(60, '。');
    expect(followUpText({ text: long, buyer: 'Tom' }, [noFollowUps], TEMPLATE)).toBe(
      `Tom您好，之前答应您的「${[...long.replace(/\s+/g, ' ')].slice(0, 40).join('')}…」，我来跟进一下进度～`,
    );
    expect(followUpText({ text: '马上处理' }, [], TEMPLATE)).toBe('您好，之前答应您的「马上处理」，我来跟进一下进度～');
  });
});
