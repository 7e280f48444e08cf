import { afterEach, describe, expect, it } from 'vitest';
import type { HuashuDB } from '@/lib/db/db';
import { addQuestion, deleteScript, duplicateScript, loadScript, revertScript, saveScript } from '@/lib/library/editor';
import { applyPackImport, previewPackImport } from '@/lib/library/import';
import {
  createPersonalPack,
  deletePack,
  ensureDefaultPack,
  loadActivePacks,
  movePack,
  setPackActive,
} from '@/lib/library/packs';
import { freshDb } from './db';
import { pack, script } from './fixtures';

let db: HuashuDB;
afterEach(() => db?.delete());

async function setup() {
  db = freshDb();
  await applyPackImport(db, pack([script('a'), script('b')]));
}

describe('library editor', () => {
  it('edits go to the override layer and leave the installed copy alone', async () => {
    await setup();
    const r = await saveScript(db, 'p', { ...script('a'), answers: [{ text: 'mine', tone: 'friendly' }] });
    expect(r.ok).toBe(true);
    expect((await db.packs.get('p'))?.pack.scripts[0].answers[0].text).toBe('answer a');
    expect((await loadScript(db, 'p', 'a'))?.answers[0].text).toBe('mine');
    expect((await loadActivePacks(db))[0].scripts[0].answers[0].text).toBe('mine');
  });

  it('an edit back to the installed copy removes the override', async () => {
    await setup();
    await saveScript(db, 'p', { ...script('a'), keywords: ['x'] });
    expect(await db.overrides.count()).toBe(1);
    await saveScript(db, 'p', script('a'));
    expect(await db.overrides.count()).toBe(0);
  });

  it('validates with the pack schema and reports paths', async () => {
    await setup();
    const r = await saveScript(db, 'p', { id: 'n', questions: [], answers: [{ text: ' ' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual(['questions: at least one question', 'answers[0].text: required']);
  });

  it('refuses a new script with a used id, allows it after delete', async () => {
    await setup();
    expect((await saveScript(db, 'p', script('a'), { isNew: true })).ok).toBe(false);
    await deleteScript(db, 'p', 'a');
    expect((await loadActivePacks(db))[0].scripts.map((s) => s.id)).toEqual(['b']);
    expect((await saveScript(db, 'p', script('a', 'again'), { isNew: true })).ok).toBe(true);
  });

  it('duplicates with a free id, deletes own scripts for good, reverts edits', async () => {
    await setup();
    const d1 = await duplicateScript(db, 'p', 'a');
    const d2 = await duplicateScript(db, 'p', 'a');
    expect(d1.ok && d1.script.id).toBe('a-copy');
    expect(d2.ok && d2.script.id).toBe('a-copy-2');
    await deleteScript(db, 'p', 'a-copy');
    expect(await db.overrides.get(['p', 'a-copy'])).toBeUndefined();
    await saveScript(db, 'p', { ...script('b'), title: 'T' });
    await revertScript(db, 'p', 'b');
    expect((await loadScript(db, 'p', 'b'))?.title).toBeUndefined();
  });

  it('the next import shows an agent edit as a conflict only if the lead changed that script', async () => {
    await setup();
    await saveScript(db, 'p', { ...script('a'), keywords: ['mine'] });
    expect((await previewPackImport(db, pack([script('a'), script('b', 'b', 'new')]))).conflicts).toEqual([]);
    const p = await previewPackImport(db, pack([script('a', 'a', 'lead'), script('b')]));
    expect(p.conflicts.map((c) => c.scriptId)).toEqual(['a']);
  });

  it('addQuestion appends once, trimmed', async () => {
    await setup();
    await addQuestion(db, 'p', 'a', '  运费  谁出 ');
    await addQuestion(db, 'p', 'a', '运费 谁出');
    expect((await loadScript(db, 'p', 'a'))?.questions).toEqual(['a', '运费 谁出']);
  });
});

describe('packs: priority, activation, personal pack', () => {
  it('orders, activates and deletes packs with their overrides', async () => {
    db = freshDb();
    await applyPackImport(db, pack([script('a')], 'one'));
    await applyPackImport(db, pack([script('b')], 'two'));
    const ids = async () => (await loadActivePacks(db)).map((p) => p.pack.id);
    expect(await ids()).toEqual(['two', 'one']);
    await movePack(db, 'one', -1);
    expect(await ids()).toEqual(['one', 'two']);
    await setPackActive(db, 'one', false);
    expect(await ids()).toEqual(['two']);
    const mine = await createPersonalPack(db, 'Mine');
    await saveScript(db, mine, script('m'), { isNew: true });
    expect(await ids()).toEqual([mine, 'two']);
    expect((await loadActivePacks(db))[0].scripts.map((s) => s.id)).toEqual(['m']);
    await deletePack(db, mine);
    expect(await db.overrides.where('packId').equals(mine).count()).toBe(0);
  });
});

describe('default pack on first run', () => {
  const bundled = () => Promise.resolve(pack([script('x')], 'huashu-default'));
  const memoryFlag = () => {
    let v = false;
    return { get: async () => v, set: async (x: boolean) => void (v = x) };
  };

  it('installs once; a removed default pack stays removed at the next start', async () => {
    db = freshDb();
    const flag = memoryFlag();
    expect(await ensureDefaultPack(db, bundled, flag)).toBe(true);
    expect(await db.packs.count()).toBe(1);
    await deletePack(db, 'huashu-default');
    expect(await ensureDefaultPack(db, bundled, flag)).toBe(false);
    expect(await db.packs.count()).toBe(0);
  });

  it('an existing library (upgrade) counts as set up; a cleared flag (delete all) installs again', async () => {
    db = freshDb();
    const flag = memoryFlag();
    await applyPackImport(db, pack([script('a')]));
    expect(await ensureDefaultPack(db, bundled, flag)).toBe(false);
    expect(await flag.get()).toBe(true);
    await db.packs.clear();
    await flag.set(false);
    expect(await ensureDefaultPack(db, bundled, flag)).toBe(true);
    expect((await db.packs.toArray()).map((r) => r.id)).toEqual(['huashu-default']);
  });
});
