/**
 * Import preview and merge plan for one pack, as pure functions: what an incoming copy adds, changes
 * (field by field) and removes compared with the installed copy, and where it collides with the agent's
 * own edits (the override layer). The database side (lib/library/import.ts) writes the plan in one
 * transaction.
 */
import { samePack, scriptKey, valueKey } from './export';
import type { Pack, Script } from './schema';

/** The agent's edit of one script of a pack; `script: null` = the agent deleted it. */
export interface ScriptOverride {
  scriptId: string;
  script: Script | null;
}

export type ScriptField = keyof Script;

export interface FieldChange {
  field: ScriptField;
  before: unknown;
  after: unknown;
}

export interface ScriptChange {
  id: string;
  before: Script;
  after: Script;
  fields: FieldChange[];
}

/** The lead changed a script that the agent edited too. */
export interface Conflict {
  scriptId: string;
  /** The installed (lead's previous) copy; undefined when the script is new on both sides. */
  base?: Script;
  /** The agent's version; null = the agent deleted it. */
  mine: Script | null;
  /** The incoming version; null = the lead removed it. */
  theirs: Script | null;
}

export type Resolution = 'mine' | 'theirs';

export interface SectionChange {
  section: 'pack' | 'synonyms' | 'featured' | 'consoles' | 'openers';
  /** Field name (pack), item id (featured, consoles) or the synonym group's words. */
  key: string;
  kind: 'added' | 'changed' | 'removed';
}

export interface ImportPreview {
  packId: string;
  packName: string;
  /** No installed copy with this id. */
  isNew: boolean;
  /** Same content as the installed copy: Apply changes nothing. */
  identical: boolean;
  scriptCount: number;
  added: Script[];
  changed: ScriptChange[];
  removed: Script[];
  conflicts: Conflict[];
  /** Agent edits that the incoming copy already contains: they are dropped on Apply. */
  redundant: string[];
  other: SectionChange[];
}

const SCRIPT_FIELDS: ScriptField[] = [
  'title',
  'category',
  'questions',
  'keywords',
  'answers',
  'followUps',
  'compensations',
  'refusal',
  'sellerError',
  'tags',
  'extras',
  'review',
];

/** Fields whose value differs (undefined, [] and missing count as the same). */
export function changedFields(before: Script, after: Script): FieldChange[] {
  const out: FieldChange[] = [];
  const norm = (v: unknown) => (v === undefined || (Array.isArray(v) && !v.length) ? '' : valueKey(v));
  for (const field of SCRIPT_FIELDS)
    if (norm(before[field]) !== norm(after[field])) out.push({ field, before: before[field], after: after[field] });
  return out;
}

function sectionChanges(installed: Pack, incoming: Pack): SectionChange[] {
  const out: SectionChange[] = [];
  for (const key of ['name', 'locale', 'description', 'author', 'updatedAt'] as const)
    if ((installed.pack[key] ?? '') !== (incoming.pack[key] ?? '')) out.push({ section: 'pack', key, kind: 'changed' });
  const byId = (section: 'featured' | 'consoles') => {
    const before = new Map(installed[section].map((x) => [x.id, valueKey(x)]));
    const after = new Map(incoming[section].map((x) => [x.id, valueKey(x)]));
    for (const [id, v] of after)
      if (!before.has(id)) out.push({ section, key: id, kind: 'added' });
      else if (before.get(id) !== v) out.push({ section, key: id, kind: 'changed' });
    for (const id of before.keys()) if (!after.has(id)) out.push({ section, key: id, kind: 'removed' });
  };
  byId('featured');
  byId('consoles');
  const groups = (p: Pack) => new Set(p.synonyms.map((g) => g.join(' / ')));
  const [gb, ga] = [groups(installed), groups(incoming)];
  for (const g of ga) if (!gb.has(g)) out.push({ section: 'synonyms', key: g, kind: 'added' });
  for (const g of gb) if (!ga.has(g)) out.push({ section: 'synonyms', key: g, kind: 'removed' });
  for (const emotion of ['upset', 'anxious'] as const) {
    const [b, a] = [installed.openers?.[emotion] ?? [], incoming.openers?.[emotion] ?? []];
    if (valueKey(b) === valueKey(a)) continue;
    out.push({ section: 'openers', key: emotion, kind: !b.length ? 'added' : !a.length ? 'removed' : 'changed' });
  }
  return out;
}

/**
 * Compare an incoming pack with the installed copy (undefined when new) and the agent's edits of it.
 * An edit conflicts when the lead changed (or removed, or newly added) the same script; an edit of a
 * script the lead left alone is kept silently, that being the point of the override layer.
 */
export function previewImport(installed: Pack | undefined, incoming: Pack, overrides: ScriptOverride[]): ImportPreview {
  const before = new Map((installed?.scripts ?? []).map((s) => [s.id, s]));
  const after = new Map(incoming.scripts.map((s) => [s.id, s]));
  const added: Script[] = [];
  const changed: ScriptChange[] = [];
  const removed: Script[] = [];
  for (const s of incoming.scripts) {
    const b = before.get(s.id);
    if (!b) added.push(s);
    else if (scriptKey(b) !== scriptKey(s))
      changed.push({ id: s.id, before: b, after: s, fields: changedFields(b, s) });
  }
  for (const s of installed?.scripts ?? []) if (!after.has(s.id)) removed.push(s);

  const conflicts: Conflict[] = [];
  const redundant: string[] = [];
  for (const o of overrides) {
    const base = before.get(o.scriptId);
    const theirs = after.get(o.scriptId);
    if (scriptKey(o.script) === scriptKey(theirs)) redundant.push(o.scriptId);
    else if (scriptKey(base) !== scriptKey(theirs))
      conflicts.push({ scriptId: o.scriptId, base, mine: o.script, theirs: theirs ?? null });
  }
  return {
    packId: incoming.pack.id,
    packName: incoming.pack.name,
    isNew: !installed,
    identical: !!installed && samePack(installed, incoming) && !redundant.length,
    scriptCount: incoming.scripts.length,
    added,
    changed,
    removed,
    conflicts,
    redundant,
    other: installed ? sectionChanges(installed, incoming) : [],
  };
}

/**
 * The agent's choice for a conflicting script, 'mine' until chosen. Script ids come from the pack: an own-
 * property check, so an id such as `toString` or `__proto__` is not read from Object.prototype.
 */
export function resolutionOf(resolutions: Readonly<Record<string, Resolution>>, scriptId: string): Resolution {
  return Object.hasOwn(resolutions, scriptId) && resolutions[scriptId] === 'theirs' ? 'theirs' : 'mine';
}

/** Override ids that Apply removes: redundant ones and the conflicts resolved with the lead's version. */
export function overridesToDrop(preview: ImportPreview, resolutions: Record<string, Resolution>): string[] {
  return [
    ...preview.redundant,
    ...preview.conflicts.filter((c) => resolutionOf(resolutions, c.scriptId) === 'theirs').map((c) => c.scriptId),
  ];
}

/** The preview with long lists cut to `max` entries (what the panel shows; counts stay exact). */
export interface PreviewSummary extends Omit<ImportPreview, 'added' | 'changed' | 'removed'> {
  counts: { added: number; changed: number; removed: number };
  added: Script[];
  changed: ScriptChange[];
  removed: Script[];
}

export function summarisePreview(p: ImportPreview, max = 200): PreviewSummary {
  return {
    ...p,
    counts: { added: p.added.length, changed: p.changed.length, removed: p.removed.length },
    added: p.added.slice(0, max),
    changed: p.changed.slice(0, max),
    removed: p.removed.slice(0, max),
  };
}
