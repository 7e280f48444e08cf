/** Issue 14 pack additions: `extras`, `review`, the review profile fields — optional, version 1 unchanged. */
import { describe, expect, it } from 'vitest';
import { parsePack } from '@/lib/pack';
import { exportPack } from '@/lib/pack/export';
import { packSchema } from '@/lib/pack/schema';
import { validatePack } from '@/lib/pack/validate';

const base = {
  format: 'huashu.pack',
  version: 1,
  pack: { id: 'shop', name: 'Shop' },
  scripts: [{ id: 'ship', questions: ['什么时候发货'], answers: [{ text: '今天发。' }] }],
};

describe('pack additions for review replies and extras', () => {
  it('a version-1 pack without them loads unchanged, with no warnings', () => {
    const r = parsePack(JSON.stringify(base));
    expect(r.ok && r.warnings).toEqual([]);
    if (!r.ok) return;
    expect(r.pack.scripts[0].extras).toBeUndefined();
    expect(r.pack.scripts[0].review).toBeUndefined();
  });

  it('reads extras, review and the review profile fields, and exports them back the same', () => {
    const pack = {
      ...base,
      consoles: [
        {
          id: 'rv',
          name: 'Reviews',
          matches: ['https://seller.example.com/*'],
          messageList: '.list',
          message: '.row',
          buyerMessage: '.row',
          replyBox: 'textarea',
          reviewList: '.list',
          review: '.row',
          reviewText: '.text',
          rating: '.stars',
          reviewer: '.nick',
        },
      ],
      scripts: [
        { ...base.scripts[0], extras: ['签收时检查外包装～'] },
        {
          id: 'thanks',
          category: 'review',
          questions: ['质量很好'],
          answers: [{ text: '感谢好评～' }],
          review: { sentiment: 'positive' },
        },
      ],
    };
    const r = parsePack(JSON.stringify(pack));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    expect(r.pack.scripts[0].extras).toEqual(['签收时检查外包装～']);
    expect(r.pack.scripts[1].review).toEqual({ sentiment: 'positive', firm: false });
    expect(r.pack.consoles[0]).toMatchObject({ review: '.row', rating: '.stars' });
    const again = parsePack(exportPack(r.pack));
    expect(again.ok && exportPack(again.pack)).toBe(exportPack(r.pack));
    // The item-by-item validator gives what the schema gives.
    expect(validatePack(pack as Record<string, unknown>)).toEqual({ ok: true, pack: packSchema.parse(pack) });
  });

  it('reports a wrong sentiment and a wrong extra with their place', () => {
    const bad = {
      ...base,
      scripts: [{ ...base.scripts[0], extras: [3], review: { sentiment: 'great' } }],
    };
    const r = parsePack(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.join('\n')).toMatch(/scripts\[0\]\.extras\[0\]: expected text, got number/);
    expect(r.errors.join('\n')).toMatch(/scripts\[0\]\.review\.sentiment: expected "positive", "negative", "mixed"/);
  });
});
