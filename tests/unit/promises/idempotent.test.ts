/**
 * Issue 12 item 2 and the soft-delete Undo: a second write of the same uid (a retry after the service
 * worker stopped) stores nothing and answers success; another page's key is refused; Undo and Edit need
 * the key; Undo keeps the promise as 'deleted', the Promises tab lists it and Restore brings it back; a
 * backup leaves undone promises and keys out.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/db';
import { makeBackup } from '@/lib/promises/export';
import { logPromise, undoPromise, updatePromise } from '@/lib/promises/log';
import { loadDeleted, loadPromiseView } from '@/lib/promises/query';
import { addPromise, restorePromise, UidTaken } from '@/lib/promises/store';

const NOW = Date.UTC(2026, 10, 25, 2, 0);
const clock = { now: NOW, timeZone: 'Asia/Shanghai', shiftEnd: '21:00' };
const capture = (extra: Record<string, string> = {}) => ({
  text: '明天上午给您补发',
  source: 'card' as const,
  url: 'https://desk.example.com/chat',
  uid: 'uid-0000-aaaa',
  ownerKey: 'key-tab-one-1',
  ...extra,
});
const LIMITS = { overdue: 50, today: 50, later: 50, done: 50 };

beforeEach(async () => {
  await db.promises.clear();
});

describe('idempotent logging by uid', () => {
  it('a second write of the same uid and key stores nothing and returns the stored row', async () => {
    const first = await logPromise(db, capture(), clock);
    const again = await logPromise(db, capture({ text: 'ignored: the first copy stays' }), { ...clock, now: NOW + 5 });
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.promise).toEqual(first.promise);
    expect(await db.promises.count()).toBe(1);
    expect(first.promise.uid).toBe('uid-0000-aaaa');
  });

  it('concurrent duplicates (the retry racing the first write) store one row', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => logPromise(db, capture(), clock)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await db.promises.count()).toBe(1);
  });

  it('the same uid with another key is refused and the stored promise is untouched', async () => {
    await logPromise(db, capture(), clock);
    const other = await logPromise(db, capture({ ownerKey: 'key-tab-two-2', text: '伪造' }), clock);
    expect(other).toEqual({ ok: false, error: 'refused' });
    await expect(
      addPromise(db, { ...capture({ ownerKey: 'x-other-key' }), due: 1, dueExplicit: true, now: 1 }),
    ).rejects.toBeInstanceOf(UidTaken);
    expect((await db.promises.toArray()).map((p) => p.text)).toEqual(['明天上午给您补发']);
  });

  it('without a uid each logging gets a new one (the shortcut path)', async () => {
    await logPromise(db, { ...capture(), uid: undefined }, clock);
    await logPromise(db, { ...capture(), uid: undefined }, clock);
    expect(new Set((await db.promises.toArray()).map((p) => p.uid)).size).toBe(2);
  });
});

describe('undo and edit only with the key of the page that logged it', () => {
  it('refuses another key or none, accepts the owner’s', async () => {
    await logPromise(db, capture(), clock);
    expect(await undoPromise(db, 'uid-0000-aaaa', 'key-tab-two-2', NOW)).toEqual({ ok: false });
    expect(await undoPromise(db, 'uid-0000-aaaa', undefined, NOW)).toEqual({ ok: false });
    expect(await updatePromise(db, 'uid-0000-aaaa', 'key-tab-two-2', { text: '改了' }, NOW)).toEqual({
      ok: false,
      error: 'notFound',
    });
    expect((await db.promises.toArray())[0]).toMatchObject({ status: 'open', text: '明天上午给您补发' });

    const edited = await updatePromise(db, 'uid-0000-aaaa', 'key-tab-one-1', { text: '后天给您补发' }, NOW + 1);
    expect(edited.ok && edited.promise.text).toBe('后天给您补发');
    expect(await undoPromise(db, 'uid-0000-aaaa', 'key-tab-one-1', NOW + 2)).toEqual({ ok: true });
    // An undone promise is not edited from a stale toast.
    expect((await updatePromise(db, 'uid-0000-aaaa', 'key-tab-one-1', { text: 'x' }, NOW + 3)).ok).toBe(false);
  });
});

describe('undo is a soft delete the Promises tab restores', () => {
  it('keeps the row as deleted, out of the buckets and the total, listed newest first; restore brings it back', async () => {
    await logPromise(db, capture(), clock);
    await logPromise(db, capture({ uid: 'uid-0000-bbbb', text: '周五前寄出' }), clock);
    await undoPromise(db, 'uid-0000-aaaa', 'key-tab-one-1', NOW + 10);
    await undoPromise(db, 'uid-0000-bbbb', 'key-tab-one-1', NOW + 20);
    // Undo twice is harmless (a retried Undo).
    expect(await undoPromise(db, 'uid-0000-bbbb', 'key-tab-one-1', NOW + 30)).toEqual({ ok: true });

    const row = await db.promises.where('uid').equals('uid-0000-aaaa').first();
    expect(row).toMatchObject({ status: 'deleted', deletedAt: NOW + 10, deletedFrom: 'open' });
    const view = await loadPromiseView(db, { now: NOW, timeZone: 'Asia/Shanghai' }, LIMITS);
    expect(view.total).toBe(0);
    expect(Object.values(view.counts).reduce((a, b) => a + b)).toBe(0);
    const searched = await loadPromiseView(db, { now: NOW, timeZone: 'Asia/Shanghai' }, LIMITS, '补发');
    expect(searched.total).toBe(0);
    const deleted = await loadDeleted(db, 10);
    expect(deleted.count).toBe(2);
    expect(deleted.rows.map((p) => p.uid)).toEqual(['uid-0000-bbbb', 'uid-0000-aaaa']);

    const restored = await restorePromise(db, 'uid-0000-aaaa', NOW + 40);
    expect(restored).toMatchObject({ status: 'open', deletedAt: undefined, deletedFrom: undefined });
    expect((await loadDeleted(db, 10)).count).toBe(1);
    expect((await loadPromiseView(db, { now: NOW, timeZone: 'Asia/Shanghai' }, LIMITS)).total).toBe(1);
  });

  it('a done promise comes back done', async () => {
    await logPromise(db, capture(), clock);
    await db.promises
      .where('uid')
      .equals('uid-0000-aaaa')
      .modify({ status: 'done', doneAt: NOW + 1 });
    await undoPromise(db, 'uid-0000-aaaa', 'key-tab-one-1', NOW + 2);
    expect((await restorePromise(db, 'uid-0000-aaaa', NOW + 3))?.status).toBe('done');
  });

  it('a backup has no undone promise and no key', async () => {
    await logPromise(db, capture(), clock);
    await logPromise(db, capture({ uid: 'uid-0000-bbbb' }), clock);
    await undoPromise(db, 'uid-0000-bbbb', 'key-tab-one-1', NOW + 1);
    const backup = makeBackup(await db.promises.toArray(), [], NOW);
    expect(backup.promises.map((p) => p.uid)).toEqual(['uid-0000-aaaa']);
    expect(JSON.stringify(backup)).not.toContain('key-tab-one-1');
  });
});
