/**
 * Writes packs as `huashu.pack` JSON and as a quick-phrase CSV. The JSON is canonical: keys in the
 * schema's order, no undefined values, no empty optional lists, two-space indent, one trailing newline —
 * so export → import → export gives the same bytes, and two exports of the same library diff cleanly.
 */
import { toCsv } from '../text/csv';
import {
  answerSchema,
  compensationSchema,
  consoleProfileSchema,
  featuredSchema,
  openerSchema,
  openersSchema,
  followUpSchema,
  packSchema,
  reviewReplySchema,
  scriptSchema,
  type Pack,
  type Script,
  type Tone,
} from './schema';

/** Field order of each object kind, taken from the schema so that new fields are exported too. */
type Order = { keys: string[]; nested?: Record<string, Order> };
const keysOf = (s: { shape: object }) => Object.keys(s.shape);

const SCRIPT_ORDER: Order = {
  keys: keysOf(scriptSchema),
  nested: {
    answers: { keys: keysOf(answerSchema) },
    followUps: { keys: keysOf(followUpSchema) },
    compensations: { keys: keysOf(compensationSchema) },
    review: { keys: keysOf(reviewReplySchema) },
  },
};
const PACK_ORDER: Order = {
  keys: keysOf(packSchema),
  nested: {
    pack: { keys: keysOf(packSchema.shape.pack) },
    featured: { keys: keysOf(featuredSchema) },
    consoles: { keys: keysOf(consoleProfileSchema) },
    openers: {
      keys: keysOf(openersSchema),
      nested: { upset: { keys: keysOf(openerSchema) }, anxious: { keys: keysOf(openerSchema) } },
    },
    scripts: SCRIPT_ORDER,
  },
};

/** Lists that must stay even when empty (the schema has no default for them). */
const KEEP_EMPTY = new Set(['scripts']);

function canonical(value: unknown, order?: Order): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v, order));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // Known keys in schema order; anything else (should not happen after parsePack) is dropped.
  const keys = order ? order.keys : Object.keys(obj).sort();
  for (const key of keys) {
    const v = obj[key];
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length === 0 && !KEEP_EMPTY.has(key)) continue;
    out[key] = canonical(v, order?.nested?.[key]);
  }
  return out;
}

/** The pack as canonical `huashu.pack` text (what "Export" writes). */
export function exportPack(pack: Pack): string {
  return JSON.stringify(canonical(pack, PACK_ORDER), null, 2) + '\n';
}

/** A script's canonical form: equal strings ⇔ same content (defaults and field order do not matter). */
export function scriptKey(script: Script | null | undefined): string {
  return script ? JSON.stringify(canonical(script, SCRIPT_ORDER)) : '';
}

/** Canonical compact form of any part of a pack, for comparisons. */
export function valueKey(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? '';
}

export function samePack(a: Pack, b: Pack): boolean {
  return JSON.stringify(canonical(a, PACK_ORDER)) === JSON.stringify(canonical(b, PACK_ORDER));
}

/**
 * Several packs (highest priority first) as one pack: the "export active library" file. A script id used
 * by two packs is prefixed with its pack id (`store:shipping`) so both survive; the first pack's featured
 * products and console profiles win on equal ids.
 */
export function mergePacks(packs: Pack[], meta: { id: string; name: string; updatedAt?: string }): Pack {
  const counts = new Map<string, number>();
  for (const p of packs) for (const s of p.scripts) counts.set(s.id, (counts.get(s.id) ?? 0) + 1);
  const firstById = <T extends { id: string }>(lists: T[][]) => {
    const seen = new Set<string>();
    return lists.flat().filter((x) => !seen.has(x.id) && seen.add(x.id));
  };
  const synonymKeys = new Set<string>();
  return {
    format: 'huashu.pack',
    version: 1,
    pack: {
      id: meta.id,
      name: meta.name,
      locale: packs[0]?.pack.locale ?? 'zh-CN',
      description: packs.map((p) => `${p.pack.name} (${p.pack.id})`).join(' + ') || undefined,
      updatedAt: meta.updatedAt,
    },
    synonyms: packs
      .flatMap((p) => p.synonyms)
      .filter((g) => {
        const k = JSON.stringify(g);
        return !synonymKeys.has(k) && synonymKeys.add(k);
      }),
    featured: firstById(packs.map((p) => p.featured)),
    consoles: firstById(packs.map((p) => p.consoles)),
    // The first pack's openers, like its featured products: packs are listed by priority.
    openers: packs.find((p) => p.openers)?.openers,
    scripts: packs.flatMap((p) =>
      p.scripts.map((s) => ((counts.get(s.id) ?? 0) > 1 ? { ...s, id: `${p.pack.id}:${s.id}` } : s)),
    ),
  };
}

/** Column headers of the CSV export; the CSV importer recognises them. */
export const CSV_HEADERS = ['分组', '快捷编码', '问题', '话术', '语气'] as const;
export const TONE_LABELS: Record<Tone, string> = { friendly: '亲切', formal: '正式', neutral: '中性' };

/**
 * Quick-phrase CSV (UTF-8 with BOM so spreadsheet programs pick the encoding): one row per answer;
 * the code column carries the script id and the question cell all questions, one per line.
 * Keywords, follow-ups and compensations are JSON-only.
 */
export function exportCsv(pack: Pack): string {
  const rows: string[][] = [];
  for (const s of pack.scripts)
    for (const a of s.answers) rows.push([s.category ?? '', s.id, s.questions.join('\n'), a.text, TONE_LABELS[a.tone]]);
  return toCsv([...CSV_HEADERS], rows);
}
