/**
 * Plain Fuse.js over questions + keywords with default options: the baseline that `npm run bench`
 * and `npm run eval -- --baseline` compare Huashu's engine against. Not used by the extension.
 */
import Fuse from 'fuse.js';
import type { Pack, Script } from '../pack/schema';

export interface BaselineDoc {
  packId: string;
  id: string;
  questions: string[];
  keywords: string[];
}

export function buildBaseline(packs: Pack[]) {
  const docs: BaselineDoc[] = packs.flatMap((p) =>
    p.scripts.map((s: Script) => ({ packId: p.pack.id, id: s.id, questions: s.questions, keywords: s.keywords })),
  );
  const fuse = new Fuse(docs, { keys: ['questions', 'keywords'] });
  return {
    search(query: string, limit = 3) {
      return fuse
        .search(query, { limit })
        .map((r) => ({ packId: r.item.packId, scriptId: r.item.id, score: r.score ?? 1 }));
    },
  };
}
