import { describe, expect, it } from 'vitest';
import { parsePack } from '@/lib/pack/parse';
import { problemText } from '@/lib/pack/problem-text';

describe('problemText', () => {
  it('English stays as it is; Chinese adds the translation after the English problem', () => {
    const p = 'scripts[3].questions[2]: expected text, got number';
    expect(problemText(p, 'en')).toBe(p);
    expect(problemText(p, 'zh_CN')).toBe(`${p}（应为文本，实际是数字）`);
    expect(problemText(p, 'zh_TW')).toBe(`${p}（應為文字，實際是數字）`);
    expect(problemText('x: nested deeper than 32 levels', 'zh_CN')).toBe(
      'x: nested deeper than 32 levels（嵌套超过 32 层）',
    );
    expect(problemText('row 2: the answer is empty', 'zh_CN')).toBe('row 2: the answer is empty');
  });

  it('every problem the new checks produce has a Chinese wording', () => {
    const r = parsePack({
      format: 'huashu.pack',
      version: 1,
      pack: { id: 'a', name: 'a' },
      extra: JSON.parse(`${'['.repeat(40)}1${']'.repeat(40)}`) as unknown,
      scripts: [],
    });
    const deep = !r.ok ? r.errors : [];
    const r2 = parsePack({
      format: 'huashu.pack',
      version: 1,
      pack: { id: 'a', name: 'a' },
      featured: [
        { id: 'f', name: 'n', pitch: 'p\u202e', from: '2026-02-31', until: '2026-01-01' },
        { id: 'g', name: 'n', pitch: 'p', from: '2026-03-01', until: '2026-01-01' },
      ],
      consoles: [
        {
          id: 'c',
          name: 'c',
          matches: ['<all_urls>', 'javascript:alert(1)'],
          messageList: '..a',
          message: '.m',
          buyerMessage: '.b',
          replyBox: '#r',
        },
      ],
      scripts: [{ id: 'a', questions: [1, '\ud800'], answers: [{ text: 'x\u0007' }] }],
    });
    const all = [...deep, ...(!r2.ok ? r2.errors : [])];
    expect(all.length).toBeGreaterThan(8);
    for (const e of all) expect(problemText(e, 'zh_CN'), e).toMatch(/（.+）$/);
  });
});
