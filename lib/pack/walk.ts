/**
 * One pass over the raw JSON before the schema sees it, with an explicit stack instead of recursion: a
 * file nested 100,000 levels deep gets a problem with its place instead of a RangeError. Finds values
 * nested deeper than the limit and keys that could reach an object's prototype.
 */
import { formatPath } from './path';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A path kept as a chain to the parent, so a deep walk does not copy the path at every level. */
interface At {
  key: PropertyKey;
  parent: At | null;
}

function pathOf(at: At | null): PropertyKey[] {
  const out: PropertyKey[] = [];
  for (let a = at; a; a = a.parent) out.push(a.key);
  return out.reverse();
}

/**
 * Problems of the value's shape, at most `maxProblems`: `x[0][0]…: nested deeper than 32 levels` (the
 * first value past the limit; nothing below it is looked at) and `pack.__proto__: key not allowed`.
 * `depth` counts objects and arrays: the root object is level 1.
 */
export function shapeProblems(root: unknown, maxDepth: number, maxProblems: number): string[] {
  const out: string[] = [];
  type Entry = { value: unknown; at: At | null; depth: number } | { forbidden: At };
  const stack: Entry[] = [{ value: root, at: null, depth: 1 }];
  while (stack.length && out.length < maxProblems) {
    const entry = stack.pop()!;
    if ('forbidden' in entry) {
      out.push(`${formatPath(pathOf(entry.forbidden))}: key not allowed`);
      continue;
    }
    const { value, at, depth } = entry;
    if (value === null || typeof value !== 'object') continue;
    if (depth > maxDepth) {
      out.push(`${formatPath(pathOf(at))}: nested deeper than ${maxDepth} levels`);
      continue;
    }
    // Pushed in reverse so that problems come out in file order.
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], at: { key: i, parent: at }, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const child = { key: keys[i], parent: at };
      if (FORBIDDEN_KEYS.has(keys[i])) stack.push({ forbidden: child });
      else stack.push({ value: (value as Record<string, unknown>)[keys[i]], at: child, depth: depth + 1 });
    }
  }
  return out;
}
