/**
 * npm run eval -- --buyer-types [file.jsonl] [--json]   buyer type on labelled conversations
 * npm run eval -- --emotion [file.jsonl] [--json]       emotion on labelled messages
 * Defaults: tests/fixtures/buyer-types.jsonl ({"id","type","turns":[{"from","text"}]}) and
 * tests/fixtures/emotion.jsonl ({"text","emotion"}). Accuracy overall and per label, and the misses.
 */
import { readFileSync } from 'node:fs';
import { BUYER_TYPES, detectBuyerType } from '../lib/match/buyer-type';
import { detectEmotion, EMOTIONS } from '../lib/match/emotion';

export interface ReaderScore {
  reader: 'buyer-types' | 'emotion';
  file: string;
  n: number;
  accuracy: number;
  /** Per label: right / labelled. */
  perLabel: Record<string, { right: number; of: number }>;
  misses: { id: string; expected: string; got: string; text: string }[];
}

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch {
        throw new Error(`${file}:${i + 1}: not JSON`);
      }
    });

function score(
  reader: ReaderScore['reader'],
  file: string,
  labels: readonly string[],
  items: { id: string; expected: string; got: string; text: string }[],
): ReaderScore {
  const perLabel = Object.fromEntries(labels.map((l) => [l, { right: 0, of: 0 }]));
  for (const it of items) {
    const p = (perLabel[it.expected] ??= { right: 0, of: 0 });
    p.of++;
    if (it.got === it.expected) p.right++;
  }
  const misses = items.filter((it) => it.got !== it.expected);
  const accuracy = items.length ? Math.round((1 - misses.length / items.length) * 1000) / 1000 : 0;
  return { reader, file, n: items.length, accuracy, perLabel, misses };
}

export function scoreBuyerTypes(file = 'tests/fixtures/buyer-types.jsonl'): ReaderScore {
  const items = lines(file).map((c, i) => {
    const turns = (c.turns ?? []) as { from: string; text: string }[];
    const rows = turns.filter((t) => t.from === 'buyer').map((t) => t.text);
    return { id: String(c.id ?? i + 1), expected: String(c.type), got: detectBuyerType(rows), text: rows.join(' / ') };
  });
  return score('buyer-types', file, ['none', ...BUYER_TYPES], items);
}

export function scoreEmotions(file = 'tests/fixtures/emotion.jsonl'): ReaderScore {
  const items = lines(file).map((c, i) => {
    const text = String(c.text);
    return { id: String(i + 1), expected: String(c.emotion), got: detectEmotion(text), text };
  });
  return score('emotion', file, EMOTIONS, items);
}

export function readerSummary(s: ReaderScore): string {
  const per = Object.entries(s.perLabel)
    .map(([l, p]) => `${l} ${p.right}/${p.of}`)
    .join(', ');
  const misses = s.misses.map((m) => `\n  ${m.id} ${m.expected} ← ${m.got}: ${m.text}`).join('');
  return `${s.reader} accuracy ${s.accuracy.toFixed(3)} on ${s.n} (${s.file}): ${per}${misses}`;
}
