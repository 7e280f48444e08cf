/**
 * Checks for the data tables Huashu ships as JSON (lib/match/data, lib/feedback/data): each table is checked
 * once when its module loads, so a broken edit fails every test at once with the path of the bad value.
 * Small on purpose (no zod): the department table is part of the content script.
 */

export type Json = unknown;

export function fail(path: string, what: string): never {
  throw new Error(`[huashu] data table ${path}: expected ${what}`);
}

export function object(value: Json, path: string): Record<string, Json> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object');
  return value as Record<string, Json>;
}

export function array(value: Json, path: string): Json[] {
  if (!Array.isArray(value)) fail(path, 'an array');
  return value;
}

export function string(value: Json, path: string): string {
  if (typeof value !== 'string') fail(path, 'a string');
  return value;
}

export function strings(value: Json, path: string): string[] {
  return array(value, path).map((v, i) => string(v, `${path}[${i}]`));
}

/** An object whose keys are section names, each an array: the arrays' items in order. */
export function sections(value: Json, path: string): { item: Json; path: string }[] {
  return Object.entries(object(value, path)).flatMap(([name, list]) =>
    array(list, `${path}.${name}`).map((item, i) => ({ item, path: `${path}.${name}[${i}]` })),
  );
}

export function pair(value: Json, path: string): readonly [string, string] {
  const list = strings(value, path);
  if (list.length !== 2) fail(path, 'two strings');
  return [list[0], list[1]];
}

export function unique(values: readonly string[], path: string): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) fail(path, `"${v}" only once`);
    seen.add(v);
  }
}

/** An array of lines of words (a table kept one group a line): the words in order. */
export function wordLines(value: Json, path: string): string[] {
  return array(value, path).flatMap((line, i) => strings(line, `${path}[${i}]`));
}
