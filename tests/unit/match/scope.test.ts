import { describe, expect, it } from 'vitest';
import { buildEngine } from '@/lib/match/engine';
import { parsePack } from '@/lib/pack/parse';

const parsed = parsePack(
  JSON.stringify({
    format: 'huashu.pack',
    version: 1,
    pack: { id: 'scope', name: '测试店' },
    scripts: [
      {
        id: 'reship-progress',
        category: 'follow-up',
        questions: ['补发的快递到哪了', '补发进度'],
        keywords: ['补发'],
        answers: [{ text: '亲，您的补发已经寄出啦～', tone: 'friendly' }],
      },
      {
        id: 'reship-ask',
        questions: ['能补发吗', '少发了能补发吗'],
        keywords: ['补发', '少发'],
        answers: [{ text: '亲，少发的给您补发哦～', tone: 'friendly' }],
      },
    ],
  }),
);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));

describe('chat scope', () => {
  it('never suggests the agent’s own follow-ups (category follow-up) for a buyer message', () => {
    const engine = buildEngine([parsed.pack]);
    const ids = engine.suggest('补发的快递到哪了？').suggestions.map((s) => s.scriptId);
    expect(ids).not.toContain('reship-progress');
    expect(engine.suggest('少发了能补发吗').suggestions[0]?.scriptId).toBe('reship-ask');
    expect(engine.script('scope', 'reship-progress')).toBeUndefined();
  });
});
