/** Builders and fast-check arbitraries shared by the merge and library tests. */
import fc from 'fast-check';
import type { Pack, Script } from '@/lib/pack/schema';

export const script = (id: string, q = id, answer = `answer ${id}`, extra: Partial<Script> = {}): Script => ({
  id,
  questions: [q],
  keywords: [],
  answers: [{ text: answer, tone: 'neutral' }],
  followUps: [],
  compensations: [],
  tags: [],
  ...extra,
});
export const pack = (scripts: Script[], id = 'p', extra: Partial<Pack> = {}): Pack => ({
  format: 'huashu.pack',
  version: 1,
  pack: { id, name: id, locale: 'zh-CN' },
  synonyms: [],
  featured: [],
  consoles: [],
  scripts,
  ...extra,
});

/** Small packs over a few ids so that adds, changes, removals and conflicts all happen. */
const arbScript = fc
  .record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    q: fc.constantFrom('运费', '退货', '发货'),
    answer: fc.constantFrom('x', 'y', 'z'),
    category: fc.option(fc.constantFrom('售后', '物流'), { nil: undefined }),
  })
  .map(({ id, q, answer, category }) => script(id, q, answer, { category }));
export const arbPack = fc
  .uniqueArray(arbScript, { selector: (s) => s.id, maxLength: 5 })
  .map((scripts) => pack(scripts));
export const arbOverrides = fc.uniqueArray(
  fc
    .record({
      scriptId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      script: fc.option(arbScript, { nil: null }),
    })
    .map((o) => ({ scriptId: o.scriptId, script: o.script && { ...o.script, id: o.scriptId } })),
  { selector: (o) => o.scriptId, maxLength: 4 },
);
