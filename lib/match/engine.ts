/**
 * TEMPORARY (replaced by the real engine in issue #2): answers with the plain Fuse.js baseline so the
 * extension's other parts can be wired against the Engine interface.
 */
import type { Pack, Script } from '../pack/schema';
import { buildBaseline } from './baseline';
import type { Engine, EngineAnswer } from './types';

export function buildEngine(packs: Pack[]): Engine {
  const base = buildBaseline(packs);
  const scripts = new Map<string, Script>();
  for (const p of packs) for (const s of p.scripts) scripts.set(`${p.pack.id}/${s.id}`, s);
  const toSuggestion = (r: { packId: string; scriptId: string; score: number }, part: string) => {
    const s = scripts.get(`${r.packId}/${r.scriptId}`)!;
    return { ...r, title: s.title ?? s.questions[0], confidence: 1 - r.score, part };
  };
  return {
    size: scripts.size,
    suggest(message, options = {}): EngineAnswer {
      const suggestions = base.search(message, options.limit ?? 3).map((r) => toSuggestion(r, message));
      return { needsAnswer: true, parts: [message], suggestions, register: 'friendly' };
    },
    search(query, limit = 10) {
      return base.search(query, limit).map((r) => toSuggestion(r, query));
    },
    script: (packId, scriptId) => scripts.get(`${packId}/${scriptId}`),
  };
}
