/**
 * Turns untrusted pack text into a validated Pack, or into a list of problems with their place
 * (`scripts[12].answers[0].text: required`). Never throws, never returns half a pack.
 */
import type { z } from 'zod';
import { formatPath } from './path';
import {
  LIMITS,
  answerSchema,
  compensationSchema,
  consoleProfileSchema,
  featuredSchema,
  followUpSchema,
  packSchema,
  scriptSchema,
  type Pack,
} from './schema';
import { validatePack } from './validate';
import { shapeProblems } from './walk';

export { formatPath };

export type ParseResult =
  { ok: true; pack: Pack; warnings: string[] } | { ok: false; errors: string[]; warnings: string[] };

const MAX_ERRORS = LIMITS.problems;

/** Parse pack file text (a string) or an already-parsed JSON value. */
export function parsePack(input: string | unknown): ParseResult {
  let raw: unknown = input;
  if (typeof input === 'string') {
    const bytes = input.length * 2 > LIMITS.fileBytes ? new TextEncoder().encode(input).length : input.length;
    if (bytes > LIMITS.fileBytes) {
      return fail([
        `(root): file is ${(bytes / 1048576).toFixed(1)} MB; a pack may be at most ${LIMITS.fileBytes / 1048576} MB`,
      ]);
    }
    const trimmed = input.replace(/^\uFEFF/, '').trim();
    if (!trimmed) return fail(['(root): the file is empty']);
    try {
      raw = JSON.parse(trimmed);
    } catch (e) {
      return fail([`(root): not JSON — ${(e as Error).message}`]);
    }
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return fail(['(root): expected a JSON object with "format": "huashu.pack"']);
  }
  // Depth and forbidden keys first, without recursion: the schema and the warnings below then only
  // ever see values at most LIMITS.depth levels deep.
  const shape = shapeProblems(raw, LIMITS.depth, MAX_ERRORS);
  if (shape.length) return fail(shape);

  const warnings = unknownKeyWarnings(raw as Record<string, unknown>);
  const result = validatePack(raw as Record<string, unknown>, MAX_ERRORS);
  if (!result.ok) return { ok: false, errors: result.errors, warnings };
  const dupes = duplicateIdErrors(result.pack);
  if (dupes.length) return { ok: false, errors: dupes, warnings };
  return { ok: true, pack: result.pack, warnings };
}

function fail(errors: string[]): ParseResult {
  return { ok: false, errors, warnings: [] };
}

function duplicateIdErrors(pack: Pack): string[] {
  const errors: string[] = [];
  const check = (items: { id: string }[], where: string) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, i);
      else errors.push(`${where}[${i}].id: duplicate id "${item.id}" (also ${where}[${first}])`);
    });
  };
  check(pack.scripts, 'scripts');
  check(pack.consoles, 'consoles');
  check(pack.featured, 'featured');
  return errors.slice(0, MAX_ERRORS);
}

type Shape = Record<string, z.ZodType>;
const keysOf = (s: { shape: Shape }) => new Set(Object.keys(s.shape));
const KNOWN = {
  root: keysOf(packSchema),
  pack: keysOf(packSchema.shape.pack),
  script: keysOf(scriptSchema),
  answer: keysOf(answerSchema),
  followUp: keysOf(followUpSchema),
  compensation: keysOf(compensationSchema),
  console: keysOf(consoleProfileSchema),
  featured: keysOf(featuredSchema),
};

/** Unknown fields are dropped (so an export never carries them on) — say so instead of dropping silently. */
function unknownKeyWarnings(raw: Record<string, unknown>): string[] {
  const out: string[] = [];
  const check = (obj: unknown, known: Set<string>, path: PropertyKey[]) => {
    if (out.length >= MAX_ERRORS || !obj || typeof obj !== 'object' || Array.isArray(obj)) return;
    for (const k of Object.keys(obj))
      if (!known.has(k)) out.push(`${formatPath([...path, k])}: unknown field, ignored`);
  };
  const each = (
    arr: unknown,
    known: Set<string>,
    path: PropertyKey[],
    inner?: (item: Record<string, unknown>, p: PropertyKey[]) => void,
  ) => {
    if (!Array.isArray(arr)) return;
    arr.forEach((item, i) => {
      check(item, known, [...path, i]);
      if (inner && item && typeof item === 'object') inner(item as Record<string, unknown>, [...path, i]);
    });
  };
  check(raw, KNOWN.root, []);
  check(raw.pack, KNOWN.pack, ['pack']);
  each(raw.scripts, KNOWN.script, ['scripts'], (s, p) => {
    each(s.answers, KNOWN.answer, [...p, 'answers']);
    each(s.followUps, KNOWN.followUp, [...p, 'followUps']);
    each(s.compensations, KNOWN.compensation, [...p, 'compensations']);
  });
  each(raw.consoles, KNOWN.console, ['consoles']);
  each(raw.featured, KNOWN.featured, ['featured']);
  return out;
}
