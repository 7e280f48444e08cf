/**
 * The shipped default pack and the held-out evaluation data (a second store's pack and both case files):
 * they load cleanly, follow the writing rules, and every label points at a script that exists.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePack } from '@/lib/pack/parse';
import type { Pack, Script } from '@/lib/pack/schema';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

/** Phrases that sound like excuses to buyers; answers reframe positively instead. */
const EXCUSE = /但是|可是|\bbut\b/i;
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PLACEHOLDER = /\{[^}]*\}/g;
const ALLOWED_PLACEHOLDERS = new Set(['{buyer}', '{order_id}']);
const KINDS = [
  'paraphrase',
  'colloquial',
  'typo',
  'traditional',
  'english',
  'mixed',
  'embedded',
  'multi',
  'no-question',
  'out-of-scope',
] as const;
const NULL_KINDS = new Set(['no-question', 'out-of-scope']);

function load(path: string): Pack {
  const r = parsePack(read(path));
  if (!r.ok) throw new Error(`${path}:\n${r.errors.join('\n')}`);
  return r.pack;
}

const isEnglish = (s: Script) => s.answers.some((a) => a.lang === 'en');

/** Every text the card can show for a script, with where it comes from. */
function shownTexts(s: Script): [string, string][] {
  return [
    ...s.answers.map((a, i): [string, string] => [`${s.id}.answers[${i}]`, a.text]),
    ...s.followUps.flatMap((f, i): [string, string][] => [
      [`${s.id}.followUps[${i}]`, f.text],
      ...f.options.map((o, j): [string, string] => [`${s.id}.followUps[${i}].options[${j}]`, o]),
    ]),
    ...s.compensations.map((c, i): [string, string] => [`${s.id}.compensations[${i}]`, c.text]),
    ...(s.extras ?? []).map((x, i): [string, string] => [`${s.id}.extras[${i}]`, x]),
  ];
}

const PACKS = [
  ['default', 'public/packs/default.json'],
  ['electronics', 'tests/fixtures/packs/electronics.json'],
] as const;

describe.each(PACKS)('%s pack', (_name, path) => {
  it('parses with no errors and no warnings', () => {
    const r = parsePack(read(path));
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  const pack = load(path);

  it('uses kebab-case ids and has no console profiles', () => {
    expect(pack.scripts.map((s) => s.id).filter((id) => !KEBAB.test(id))).toEqual([]);
    expect(pack.consoles).toEqual([]);
  });

  it('never says 但是 / 可是 / but in answers, follow-ups, compensations or pitches', () => {
    const hits = pack.scripts.flatMap(shownTexts).filter(([, text]) => EXCUSE.test(text));
    const pitches = pack.featured.filter((f) => EXCUSE.test(f.pitch)).map((f) => [f.id, f.pitch]);
    expect([...hits, ...pitches]).toEqual([]);
  });

  it('gives every Chinese script a friendly and a formal answer, and English scripts English answers', () => {
    const problems: string[] = [];
    for (const s of pack.scripts) {
      if (s.id.startsWith('en-') || isEnglish(s)) {
        if (!s.id.startsWith('en-')) problems.push(`${s.id}: English script id must start with "en-"`);
        if (!s.answers.every((a) => a.lang === 'en')) problems.push(`${s.id}: every answer needs lang "en"`);
      } else {
        const tones = new Set(s.answers.map((a) => a.tone));
        if (!tones.has('friendly') || !tones.has('formal')) problems.push(`${s.id}: needs friendly and formal answers`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('offers a shift and a costed gift compensation on every refusal', () => {
    const refusals = pack.scripts.filter((s) => s.refusal);
    expect(refusals.length).toBeGreaterThan(0);
    const problems = refusals.flatMap((s) => {
      const out: string[] = [];
      if (!s.compensations.some((c) => c.kind === 'shift')) out.push(`${s.id}: no shift compensation`);
      if (!s.compensations.some((c) => c.kind === 'gift' && typeof c.cost === 'number' && c.cost > 0)) {
        out.push(`${s.id}: no gift compensation with a cost`);
      }
      return out;
    });
    expect(problems).toEqual([]);
  });

  it('asks follow-ups as multiple choice and uses only known placeholders', () => {
    const open = pack.scripts.flatMap((s) =>
      s.followUps.filter((f) => f.options.length < 2).map((f) => `${s.id}: "${f.text}"`),
    );
    expect(open).toEqual([]);
    const unknown = pack.scripts
      .flatMap(shownTexts)
      .flatMap(([where, text]) => (text.match(PLACEHOLDER) ?? []).map((p) => `${where}: ${p}`))
      .filter((hit) => !ALLOWED_PLACEHOLDERS.has(hit.slice(hit.lastIndexOf(' ') + 1)));
    expect(unknown).toEqual([]);
  });

  it('gives each script 4-8 distinct questions, a title, a category and keywords', () => {
    const problems = pack.scripts.flatMap((s) => {
      const out: string[] = [];
      if (s.questions.length < 4 || s.questions.length > 8) out.push(`${s.id}: ${s.questions.length} questions`);
      if (new Set(s.questions).size !== s.questions.length) out.push(`${s.id}: repeated question`);
      if (!s.title || !s.category || s.keywords.length === 0) out.push(`${s.id}: title/category/keywords missing`);
      return out;
    });
    expect(problems).toEqual([]);
  });
});

describe('default pack contents', () => {
  const pack = load('public/packs/default.json');

  it('is the zh-CN huashu-default pack with 45-65 chat scripts (3 of them follow-ups), 10-15 of them English', () => {
    expect(pack.pack.id).toBe('huashu-default');
    expect(pack.pack.locale).toBe('zh-CN');
    // Review replies (`review`) answer published reviews on review pages, not chat: counted apart below.
    const chat = pack.scripts.filter((s) => !s.review);
    expect(chat.length).toBeGreaterThanOrEqual(45);
    expect(chat.length).toBeLessThanOrEqual(65);
    expect(pack.scripts.filter((s) => s.category === 'follow-up').length).toBeGreaterThanOrEqual(3);
    const en = pack.scripts.filter((s) => s.id.startsWith('en-'));
    expect(en.length).toBeGreaterThanOrEqual(10);
    expect(en.length).toBeLessThanOrEqual(15);
  });

  it('covers the everyday questions of a Chinese online store', () => {
    const ids = new Set(pack.scripts.map((s) => s.id));
    const required = [
      'shipping-time',
      'courier-choice',
      'courier-sf',
      'delivery-days',
      'deliver-upstairs',
      'return-7day',
      'exchange',
      'quality-minor',
      'quality-serious',
      'invoice-normal',
      'invoice-vat-special',
      'discount-request',
      'double-eleven-price',
      'price-protection',
      'out-of-stock',
      'oversold',
      'warranty',
      'unpaid-reminder',
      'good-review-thanks',
      'bad-review-reply',
    ];
    expect(required.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('has store-wide synonyms and one featured product, running on the demo day (2026-11-25)', () => {
    expect(pack.synonyms.length).toBeGreaterThan(0);
    expect(pack.featured).toHaveLength(1);
    const [f] = pack.featured;
    expect(f.from <= '2026-11-25' && '2026-11-25' <= f.until).toBe(true);
    expect(f.keywords.length).toBeGreaterThan(0);
  });

  it('uses the {buyer} and {order_id} placeholders somewhere', () => {
    const all = pack.scripts.flatMap((s) => s.answers.map((a) => a.text)).join('\n');
    expect(all).toContain('{buyer}');
    expect(all).toContain('{order_id}');
  });
});

interface Case {
  text: string;
  expect: string | null;
  also?: string[];
  kind: (typeof KINDS)[number];
}

const CASES = [
  ['default', 'tests/fixtures/cases/default-cases.jsonl', 'public/packs/default.json'],
  ['electronics', 'tests/fixtures/cases/electronics-cases.jsonl', 'tests/fixtures/packs/electronics.json'],
] as const;

/** Checks one parsed line; returns its problems. */
function caseProblems(value: unknown, ids: Set<string>): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return ['not a JSON object'];
  const c = value as Record<string, unknown>;
  const out: string[] = [];
  const extra = Object.keys(c).filter((k) => !['text', 'expect', 'also', 'kind'].includes(k));
  if (extra.length) out.push(`unknown keys ${extra.join(', ')}`);
  if (typeof c.text !== 'string' || !c.text.trim()) out.push('text must be a non-empty string');
  if (!KINDS.includes(c.kind as Case['kind'])) out.push(`unknown kind ${String(c.kind)}`);
  if (c.expect !== null && (typeof c.expect !== 'string' || !ids.has(c.expect))) {
    out.push(`expect ${String(c.expect)} is not a script of the pack`);
  }
  if (NULL_KINDS.has(c.kind as string) && c.expect !== null) out.push(`${String(c.kind)} must expect null`);
  if (!NULL_KINDS.has(c.kind as string) && c.expect === null) out.push(`${String(c.kind)} needs an expect`);
  if (c.kind === 'multi') {
    const also = c.also;
    if (!Array.isArray(also) || also.length === 0) out.push('multi needs also');
    else {
      for (const id of also) if (typeof id !== 'string' || !ids.has(id)) out.push(`also ${String(id)} is not a script`);
      if (also.includes(c.expect)) out.push('also repeats expect');
    }
  } else if (c.also !== undefined) out.push('only multi cases have also');
  return out;
}

describe.each(CASES)('%s cases', (_name, casesPath, packPath) => {
  const pack = load(packPath);
  const ids = new Set(pack.scripts.map((s) => s.id));
  const lines = read(casesPath).split('\n');
  if (lines.at(-1) === '') lines.pop();

  const parsed: Case[] = [];
  const problems: string[] = [];
  lines.forEach((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      problems.push(`line ${i + 1}: not JSON (${(e as Error).message})`);
      return;
    }
    const p = caseProblems(value, ids);
    if (p.length) problems.push(...p.map((msg) => `line ${i + 1}: ${msg}`));
    else parsed.push(value as Case);
  });

  it('has one valid labelled case per line, labels pointing at scripts of its pack', () => {
    expect(problems).toEqual([]);
    expect(parsed.length).toBeGreaterThanOrEqual(100);
  });

  it('has every kind, no repeated message, and no message copied from the pack questions', () => {
    const kinds = new Set(parsed.map((c) => c.kind));
    expect(KINDS.filter((k) => !kinds.has(k))).toEqual([]);
    const norm = (s: string) => s.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
    const seen = new Set<string>();
    const dupes = parsed.filter((c) => (seen.has(norm(c.text)) ? true : (seen.add(norm(c.text)), false)));
    expect(dupes.map((c) => c.text)).toEqual([]);
    const questions = new Set(pack.scripts.flatMap((s) => s.questions.map(norm)));
    expect(parsed.filter((c) => questions.has(norm(c.text))).map((c) => c.text)).toEqual([]);
  });

  it('labels English messages with English scripts', () => {
    const wrong = parsed.filter((c) => c.kind === 'english' && !c.expect?.startsWith('en-'));
    expect(wrong.map((c) => c.text)).toEqual([]);
  });
});

describe('default pack: emotion first and buyer types (issue 14)', () => {
  const pack = load('public/packs/default.json');
  const APOLOGY = /抱歉|对不起|失误|我们的错|sorry|apolog|mistake|our fault/i;

  it('has openers for upset and anxious buyers; only apology openers admit fault', () => {
    expect(pack.openers?.upset.length).toBeGreaterThan(0);
    expect(pack.openers?.anxious.length).toBeGreaterThan(0);
    const all = [...(pack.openers?.upset ?? []), ...(pack.openers?.anxious ?? [])];
    expect(all.filter((o) => !o.apology && APOLOGY.test(o.text)).map((o) => o.text)).toEqual([]);
    expect(all.filter((o) => o.apology).every((o) => APOLOGY.test(o.text))).toBe(true);
  });

  it('marks real seller errors, guarantees, and a good review is not a refusal', () => {
    const byId = new Map(pack.scripts.map((s) => [s.id, s]));
    expect(byId.get('good-review-thanks')?.refusal).not.toBe(true);
    expect(byId.get('wrong-item')?.sellerError).toBe(true);
    expect(byId.get('authenticity')?.tags).toContain('guarantee');
    const styles = new Set(byId.get('logistics-stuck')?.answers.map((a) => a.style));
    expect([...styles].sort()).toEqual(['detailed', 'short']);
  });
});

describe('default pack: review replies and extras (issue 14)', () => {
  const pack = load('public/packs/default.json');
  const replies = pack.scripts.filter((s) => s.review);
  /** Words of the selling points the replies weave in (material, inspection, packing, service hours). */
  const SELLING_POINT = /精梳棉|质检|加厚纸箱|防压|正规渠道|面料|48 小时|24 小时/;

  it('has review replies for good, bad quality, bad logistics, bad service, 5 stars with complaints, and a firm one', () => {
    const ids = replies.map((s) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'review-good-thanks',
        'review-bad-quality',
        'review-bad-logistics',
        'review-bad-service',
        'review-five-star-complaint',
        'review-firm-factual',
      ]),
    );
    expect(replies.every((s) => s.category === 'review')).toBe(true);
    expect(replies.find((s) => s.id === 'review-five-star-complaint')?.review?.sentiment).toBe('mixed');
    expect(replies.filter((s) => s.review?.firm).map((s) => s.id)).toEqual(['review-firm-factual']);
  });

  it('weaves a selling point into every review reply', () => {
    const without = replies.flatMap((s) => s.answers.filter((a) => !SELLING_POINT.test(a.text)).map(() => s.id));
    expect(without).toEqual([]);
  });

  it('offers one-line extras on its most common scripts, never an excuse word', () => {
    const withExtras = pack.scripts.filter((s) => s.extras?.length);
    expect(withExtras.length).toBeGreaterThanOrEqual(10);
    for (const id of ['shipping-time', 'return-7day', 'size-advice', 'product-material'])
      expect(withExtras.map((s) => s.id)).toContain(id);
    const lines = withExtras.flatMap((s) => s.extras ?? []);
    expect(lines.filter((l) => /但是|可是|\bbut\b/i.test(l) || /\n/.test(l))).toEqual([]);
  });
});
