/**
 * The library editor's writes. Every edit of a script goes into the agent's own layer (the `overrides`
 * table) — never into the installed copy — so that the lead's next import can show what collides
 * instead of silently overwriting it.
 */
import type { HuashuDB } from '../db/db';
import { scriptKey } from '../pack/export';
import { formatPath } from '../pack/parse';
import { LIMITS, scriptSchema, type Script } from '../pack/schema';

export type EditResult = { ok: true; script: Script } | { ok: false; errors: string[] };

/** The script as the agent sees it: their edit if any (null = deleted), else the installed copy. */
export async function loadScript(db: HuashuDB, packId: string, scriptId: string): Promise<Script | undefined> {
  const o = await db.overrides.get([packId, scriptId]);
  if (o) return o.script ?? undefined;
  return (await db.packs.get(packId))?.pack.scripts.find((s) => s.id === scriptId);
}

/** Validate and store a script (new or edited). An edit back to the installed copy removes the override. */
export async function saveScript(
  db: HuashuDB,
  packId: string,
  input: unknown,
  opts: { isNew?: boolean; now?: number } = {},
): Promise<EditResult> {
  const parsed = scriptSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`) };
  const script = parsed.data;
  return db.transaction('rw', db.packs, db.overrides, async (): Promise<EditResult> => {
    const row = await db.packs.get(packId);
    if (!row) return { ok: false, errors: [`pack "${packId}" is not installed`] };
    const base = row.pack.scripts.find((s) => s.id === script.id);
    const existing = await db.overrides.get([packId, script.id]);
    if (opts.isNew && ((base && existing?.script !== null) || existing?.script))
      return { ok: false, errors: [`id: "${script.id}" is already used in this pack`] };
    if (base && scriptKey(base) === scriptKey(script)) await db.overrides.delete([packId, script.id]);
    else await db.overrides.put({ packId, scriptId: script.id, script, updatedAt: opts.now ?? Date.now() });
    return { ok: true, script };
  });
}

/** Delete: a script of the installed copy is hidden by a null override; the agent's own is removed. */
export async function deleteScript(db: HuashuDB, packId: string, scriptId: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.packs, db.overrides, async () => {
    const row = await db.packs.get(packId);
    if (row?.pack.scripts.some((s) => s.id === scriptId))
      await db.overrides.put({ packId, scriptId, script: null, updatedAt: now });
    else await db.overrides.delete([packId, scriptId]);
  });
}

/** Drop the agent's edit of one script: the installed copy shows again. */
export async function revertScript(db: HuashuDB, packId: string, scriptId: string): Promise<void> {
  await db.overrides.delete([packId, scriptId]);
}

/** An id not used by the pack or the agent's edits: base, base-2, base-3… */
export async function freeScriptId(db: HuashuDB, packId: string, base: string): Promise<string> {
  const row = await db.packs.get(packId);
  const used = new Set(row?.pack.scripts.map((s) => s.id));
  for (const o of await db.overrides.where('packId').equals(packId).toArray()) used.add(o.scriptId);
  const stem = base.slice(0, LIMITS.idChars - 6);
  let id = stem;
  for (let n = 2; used.has(id); n++) id = `${stem}-${n}`;
  return id;
}

export async function duplicateScript(db: HuashuDB, packId: string, scriptId: string): Promise<EditResult> {
  const script = await loadScript(db, packId, scriptId);
  if (!script) return { ok: false, errors: [`script "${scriptId}" not found`] };
  const id = await freeScriptId(db, packId, `${scriptId}-copy`);
  return saveScript(db, packId, { ...script, id }, { isNew: true });
}

/**
 * Learning: add a buyer's wording as a new question of a script (in the agent's layer). No-op when the
 * script already has it; the wording is cut to the schema's limit.
 */
export async function addQuestion(
  db: HuashuDB,
  packId: string,
  scriptId: string,
  question: string,
): Promise<EditResult> {
  const q = question.replace(/\s+/g, ' ').trim().slice(0, LIMITS.shortChars);
  const script = await loadScript(db, packId, scriptId);
  if (!script) return { ok: false, errors: [`script "${scriptId}" not found`] };
  if (!q || script.questions.some((x) => x.trim() === q)) return { ok: true, script };
  if (script.questions.length >= LIMITS.listItems)
    return { ok: false, errors: [`questions: at most ${LIMITS.listItems} items`] };
  return saveScript(db, packId, { ...script, questions: [...script.questions, q] });
}
