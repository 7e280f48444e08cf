/**
 * The schema check of a whole pack, item by item, that stops after a bounded number of problems.
 * zod alone collects every issue of a file: 20,000 scripts × 200 wrong-typed questions are 4 million
 * issue objects (19 s, 1.9 GB). Here the header is checked first, then each list item on its own; once
 * `maxProblems` are listed, the issues of the item at hand are only counted and the items after it are
 * not checked at all — the last line says how many problems were left out and how much went unchecked.
 * The result is what `packSchema.parse` returns for the same input (a property test holds them together).
 */
import type { z } from 'zod';
import { formatPath } from './path';
import {
  LIMITS,
  consoleProfileSchema,
  featuredSchema,
  kindOf,
  packSchema,
  scriptSchema,
  synonymGroupSchema,
  type Pack,
} from './schema';

/** The header and the small sections that are no lists (openers: a few lines per emotion). */
const headSchema = packSchema.pick({ format: true, version: true, pack: true, openers: true });

/** The lists of a pack in schema order, with the limits and words packSchema uses for them. */
const LISTS = [
  { key: 'synonyms', item: synonymGroupSchema, max: LIMITS.scripts, unit: 'groups', required: false },
  { key: 'featured', item: featuredSchema, max: LIMITS.listItems, unit: 'items', required: false },
  { key: 'consoles', item: consoleProfileSchema, max: LIMITS.listItems, unit: 'items', required: false },
  { key: 'scripts', item: scriptSchema, max: LIMITS.scripts, unit: 'scripts', required: true },
] as const;

/**
 * zod runs a string's length checks on a value of another type too (`[]` is "too short" as well as "not
 * text"): after a type error, other issues at the same place are noise.
 */
export function typeIssuesFirst(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const wrongType = new Set(issues.filter((i) => i.code === 'invalid_type').map((i) => formatPath(i.path)));
  if (!wrongType.size) return [...issues];
  return issues.filter((i) => i.code === 'invalid_type' || !wrongType.has(formatPath(i.path)));
}

export type Validated = { ok: true; pack: Pack } | { ok: false; errors: string[] };

export function validatePack(raw: Record<string, unknown>, maxProblems: number = LIMITS.problems): Validated {
  const errors: string[] = [];
  let more = 0;
  const add = (prefix: PropertyKey[], all: readonly z.core.$ZodIssue[]) => {
    for (const i of typeIssuesFirst(all)) {
      if (errors.length < maxProblems) errors.push(`${formatPath([...prefix, ...i.path])}: ${i.message}`);
      else more++;
    }
  };
  const addOne = (path: PropertyKey[], message: string) =>
    add([], [{ code: 'custom', path, message, input: undefined }]);

  const head = headSchema.safeParse(raw);
  if (!head.success) add([], head.error.issues);
  const out: Record<string, unknown> = head.success ? { ...head.data } : {};
  const unchecked: string[] = [];
  let stoppedAt = '';

  for (const list of LISTS) {
    const value = raw[list.key];
    if (errors.length >= maxProblems) {
      unchecked.push(`${Array.isArray(value) ? value.length : 1} ${list.key}`);
      continue;
    }
    if (value === undefined) {
      if (list.required) addOne([list.key], 'required');
      else out[list.key] = [];
      continue;
    }
    if (!Array.isArray(value)) {
      addOne([list.key], `expected a list, got ${kindOf(value)}`);
      continue;
    }
    if (value.length > list.max) {
      addOne([list.key], `at most ${list.max} ${list.unit}`);
      continue;
    }
    const items: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      if (errors.length >= maxProblems) {
        stoppedAt = formatPath([list.key, i - 1]);
        unchecked.push(`${value.length - i} ${list.key}`);
        break;
      }
      const r = list.item.safeParse(value[i]);
      if (r.success) items.push(r.data);
      else add([list.key, i], r.error.issues);
    }
    out[list.key] = items;
  }

  if (!errors.length) return { ok: true, pack: out as Pack };
  if (unchecked.length) {
    const after = stoppedAt ? ` after ${stoppedAt}` : '';
    errors.push(
      `… ${more ? `and ${more} more problems; ` : ''}checking stopped at ${maxProblems} problems${after}: ${unchecked.join(', ')} not checked`,
    );
  } else if (more) errors.push(`… and ${more} more problems`);
  return { ok: false, errors };
}
