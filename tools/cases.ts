/** Shared by eval and bench: load packs and labelled cases, split them, time things. */
import { readFileSync } from 'node:fs';
import { parsePack } from '../lib/pack/parse';
import type { Pack } from '../lib/pack/schema';

export interface Case {
  text: string;
  expect: string | null;
  also?: string[];
  kind: string;
}

export function loadPack(path: string): Pack {
  const r = parsePack(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(`${path}: not a valid pack\n  ${r.errors.join('\n  ')}`);
  return r.pack;
}

export function loadCases(path: string): Case[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l, i) => {
      const c = JSON.parse(l) as Case;
      if (typeof c.text !== 'string' || !('expect' in c))
        throw new Error(`${path}:${i + 1}: needs "text" and "expect"`);
      return { ...c, kind: c.kind ?? (c.expect ? 'answerable' : 'no-answer') };
    });
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random half of the cases, stratified by kind, fixed by `seed`: "tune" is the half used to
 * tune weights and fit the calibration, "test" the half reported as held out.
 */
export function split(cases: Case[], which: 'tune' | 'test' | 'all', seed = 20261125): Case[] {
  if (which === 'all') return cases;
  const rand = rng(seed);
  const byKind = new Map<string, number[]>();
  cases.forEach((c, i) => byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), i]));
  const tune = new Set<number>();
  for (const idx of byKind.values()) {
    const shuffled = idx.map((i) => ({ i, r: rand() }));
    shuffled.sort((a, b) => a.r - b.r);
    shuffled.forEach(({ i }, j) => {
      if (j % 2 === 0) tune.add(i);
    });
  }
  return cases.filter((_, i) => (which === 'tune' ? tune.has(i) : !tune.has(i)));
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

export function args(argv: string[]) {
  const out: Record<string, string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const key = a.slice(2);
    const next = argv[i + 1];
    const value = next !== undefined && !next.startsWith('--') ? (i++, next) : 'true';
    (out[key] ??= []).push(value);
  }
  return out;
}
