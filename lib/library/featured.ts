/**
 * The featured product of the week lives in the pack (`pack.featured`), so a lead's export carries it to
 * the team. Edits are written to the installed copy; the next import from the lead shows them as changes.
 */
import { z } from 'zod';
import type { HuashuDB } from '../db/db';
import { formatPath } from '../pack/parse';
import { featuredSchema, type Featured } from '../pack/schema';

export type SaveResult = { ok: true } | { ok: false; errors: string[] };

const listSchema = z.array(featuredSchema).max(200);

export async function saveFeatured(db: HuashuDB, packId: string, featured: unknown[]): Promise<SaveResult> {
  const parsed = listSchema.safeParse(featured);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${formatPath(['featured', ...i.path])}: ${i.message}`),
    };
  const errors: string[] = [];
  const seen = new Set<string>();
  parsed.data.forEach((f, i) => {
    if (seen.has(f.id)) errors.push(`featured[${i}].id: duplicate id "${f.id}"`);
    seen.add(f.id);
    // "until" before "from" and impossible dates are the schema's problems (lib/pack/schema.ts).
  });
  if (errors.length) return { ok: false, errors };
  const updated = await db.packs
    .where('id')
    .equals(packId)
    .modify((row) => {
      row.pack = { ...row.pack, featured: parsed.data };
    });
  return updated ? { ok: true } : { ok: false, errors: [`pack "${packId}" is not installed`] };
}

/** Is the entry running on `day` (YYYY-MM-DD, the agent's local date)? Dates are inclusive. */
export function isRunning(f: Featured, day: string): boolean {
  return f.from <= day && day <= f.until;
}

export function localDay(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
