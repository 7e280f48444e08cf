/**
 * Pack subscriptions without a browser: the address rule, the fetch (a fake fetch: each failure kind gives its
 * reason), and the check (a failure of any kind leaves the installed pack as it was; a good new file waits for
 * the preview or is applied when the subscription says so), on fake-indexeddb and WXT's fake storage.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setLocale, t, type MessageKey } from '@/lib/i18n';
import { applyPackImport } from '@/lib/library/import';
import { checkAddress } from '@/lib/library/subscription/address';
import { checkSubscription, type CheckDeps, type Subscription } from '@/lib/library/subscription/check';
import { fetchPackFile, requestInit, sha256 } from '@/lib/library/subscription/fetch-file';
import { createSubscriptionManager } from '@/lib/library/subscription/manager';
import { readPendingFile, savePendingFile, subscriptionsItem } from '@/lib/library/subscription/store';
import { dumpLibrary, freshDb } from './db';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePack } from '@/lib/pack/parse';
import type { Pack } from '@/lib/pack/schema';

const tea = (
  parsePack(readFileSync(resolve(process.cwd(), 'tests/fixtures/packs/tea-shop.json'), 'utf8')) as { pack: Pack }
).pack;

const URL_ = 'https://packs.example.com/team.json';
const body = (v: unknown) => JSON.stringify(v);
const ok = (text: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  new Response(text, { status: 200, headers });
type FakeFetch = CheckDeps['fetch'] & { calls: RequestInit[] };
function fakeFetch(answer: () => Response | Promise<Response>): FakeFetch {
  const calls: RequestInit[] = [];
  const f = (async (_url: string, init: RequestInit) => {
    calls.push(init);
    return answer();
  }) as FakeFetch;
  f.calls = calls;
  return f;
}

describe('checkAddress', () => {
  it.each([
    ['https://packs.example.com/team.json', true, 'https://packs.example.com/*'],
    ['http://127.0.0.1:8080/p.json', true, 'http://127.0.0.1/*'],
    ['http://localhost/p.json#x', true, 'http://localhost/*'],
    ['http://intranet.example.com/p.json', 'insecure', ''],
    ['ftp://example.com/p.json', 'scheme', ''],
    ['https://lead:pw@example.com/p.json', 'credentials', ''],
    ['not a url', 'invalid', ''],
  ])('%s', (input, expected, pattern) => {
    const r = checkAddress(input);
    if (expected === true) expect(r).toMatchObject({ ok: true, pattern });
    else expect(r).toEqual({ ok: false, error: expected });
  });
});

describe('fetchPackFile', () => {
  it('asks for the file only: GET, no credentials, no redirects, no referrer', async () => {
    const f = fakeFetch(() => ok(body(tea)));
    await fetchPackFile(URL_, { etag: '"v1"' }, { fetch: f });
    expect(f.calls[0]).toMatchObject({
      method: 'GET',
      credentials: 'omit',
      redirect: 'manual',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
    });
    expect(f.calls[0].body).toBeUndefined();
    expect(requestInit({ etag: '"v1"' }).headers).toMatchObject({ 'If-None-Match': '"v1"' });
  });

  it('an unchanged file: 304, or the same bytes again', async () => {
    expect(
      await fetchPackFile(URL_, { etag: '"v1"' }, { fetch: fakeFetch(() => new Response(null, { status: 304 })) }),
    ).toMatchObject({ kind: 'unchanged' });
    const text = body(tea);
    const hash = await sha256(new TextEncoder().encode(text));
    expect(await fetchPackFile(URL_, { hash }, { fetch: fakeFetch(() => ok(text)) })).toMatchObject({
      kind: 'unchanged',
    });
    expect(await fetchPackFile(URL_, {}, { fetch: fakeFetch(() => ok(text)) })).toMatchObject({ kind: 'file', hash });
  });

  it.each<[string, () => Response | Promise<Response>, string]>([
    ['offline', () => Promise.reject(new TypeError('Failed to fetch')), 'offline'],
    ['404', () => new Response('no', { status: 404, headers: { 'content-type': 'text/plain' } }), 'notFound'],
    ['500', () => new Response('no', { status: 500 }), 'http'],
    ['a redirect (browser: opaque)', () => redirect(), 'redirect'],
    [
      'a redirect (3xx)',
      () => new Response(null, { status: 302, headers: { location: 'https://evil.test/' } }),
      'redirect',
    ],
    ['an HTML page', () => ok('<html></html>', { 'content-type': 'text/html; charset=utf-8' }), 'contentType'],
    [
      'Content-Length over the cap',
      () => ok('{}', { 'content-type': 'application/json', 'content-length': '20000000' }),
      'tooLarge',
    ],
    ['a stream over the cap', () => ok('x'.repeat(2048), { 'content-type': 'text/plain' }), 'tooLarge'],
    ['an empty file', () => ok('', { 'content-type': 'application/json' }), 'empty'],
  ])('%s', async (_name, answer, error) => {
    const r = await fetchPackFile(URL_, {}, { fetch: fakeFetch(answer), maxBytes: 1024 });
    expect(r).toMatchObject({ kind: 'failed', error });
  });

  it('a server that never answers times out', async () => {
    const f = (async (_u: string, init: RequestInit) =>
      new Promise<Response>((_ok, fail) =>
        init.signal!.addEventListener('abort', () => fail(new Error('aborted'))),
      )) as CheckDeps['fetch'];
    expect(await fetchPackFile(URL_, {}, { fetch: f, timeoutMs: 10 })).toEqual({ kind: 'failed', error: 'timeout' });
  });
});

/** A browser's answer to redirect: 'manual' (type opaqueredirect, status 0). */
function redirect(): Response {
  const r = new Response(null, { status: 200 });
  Object.defineProperty(r, 'type', { value: 'opaqueredirect' });
  Object.defineProperty(r, 'status', { value: 0 });
  return r;
}

describe('checkSubscription', () => {
  const files = new Map<string, string | null>();
  const sub = (over: Partial<Subscription> = {}): Subscription => ({
    id: 's1',
    url: URL_,
    pattern: 'https://packs.example.com/*',
    autoApply: false,
    addedAt: 1,
    known: {},
    ...over,
  });
  const deps = (db: ReturnType<typeof freshDb>, fetch: CheckDeps['fetch'], permission = true): CheckDeps => ({
    db,
    fetch,
    now: () => 1000,
    hasPermission: async () => permission,
    saveFile: async (id, text) => void files.set(id, text),
  });
  const v2 = () => {
    const p = structuredClone(tea);
    p.scripts[0].answers[0].text = 'changed';
    return p;
  };
  beforeEach(() => files.clear());

  it.each<[string, () => Response | Promise<Response>, string, string]>([
    ['offline', () => Promise.reject(new TypeError('Failed to fetch')), 'offline', 'could not reach the server'],
    ['404', () => new Response('', { status: 404 }), 'notFound', 'not on the server (404)'],
    ['HTML', () => ok('<html>', { 'content-type': 'text/html' }), 'contentType', 'did not send a pack file'],
    ['redirect', redirect, 'redirect', 'does not follow redirects'],
    [
      'too large',
      () => ok('{}', { 'content-type': 'application/json', 'content-length': '99999999' }),
      'tooLarge',
      'larger than 10 MB',
    ],
    ['bad JSON', () => ok('{"format":'), 'invalid', 'the file has problems'],
    ['an invalid pack', () => ok(body({ ...tea, scripts: [{ id: 'x' }] })), 'invalid', 'the file has problems'],
  ])('%s keeps the installed version and says why', async (_name, answer, result, words) => {
    const db = freshDb();
    await applyPackImport(db, tea);
    const before = await dumpLibrary(db);
    const out = await checkSubscription(sub({ packId: 'tea-shop' }), deps(db, fakeFetch(answer)), { force: true });
    expect(out.sub.last).toMatchObject({ at: 1000, result });
    expect(out.sub.pending).toBeUndefined();
    expect(out.libraryChanged).toBe(false);
    expect(await dumpLibrary(db)).toEqual(before);
    expect(files.size).toBe(0);
    setLocale('en');
    expect(t(`subResult_${result}` as MessageKey)).toContain(words);
    expect(t(`subResult_${result}` as MessageKey)).toContain('the installed version is kept');
  });

  it('an invalid pack names its problems', async () => {
    const out = await checkSubscription(
      sub(),
      deps(
        freshDb(),
        fakeFetch(() => ok(body({ ...tea, scripts: [{ id: 'x' }] }))),
      ),
    );
    expect(out.sub.last?.detail).toContain('scripts[0]');
  });

  it('no permission for the site: nothing is fetched', async () => {
    const f = fakeFetch(() => ok(body(tea)));
    const out = await checkSubscription(sub(), deps(freshDb(), f, false));
    expect(out.sub.last?.result).toBe('permission');
    expect(f.calls).toHaveLength(0);
  });

  it('a changed file waits for the preview; the library is not touched', async () => {
    const db = freshDb();
    await applyPackImport(db, tea);
    const before = await dumpLibrary(db);
    const out = await checkSubscription(
      sub(),
      deps(
        db,
        fakeFetch(() => ok(body(v2()), { 'content-type': 'application/json', etag: '"v2"' })),
      ),
    );
    expect(out.sub.last?.result).toBe('waiting');
    expect(out.sub.pending).toMatchObject({ packId: 'tea-shop', counts: { added: 0, changed: 1, removed: 0 } });
    expect(out.sub.known.etag).toBe('"v2"');
    expect(JSON.parse(files.get('s1')!)).toEqual(v2());
    expect(await dumpLibrary(db)).toEqual(before);
  });

  it('the same content as installed: up to date, nothing waits', async () => {
    const db = freshDb();
    await applyPackImport(db, tea);
    const out = await checkSubscription(
      sub(),
      deps(
        db,
        fakeFetch(() => ok(body(tea))),
      ),
    );
    expect(out.sub.last?.result).toBe('upToDate');
    expect(out.sub.pending).toBeUndefined();
  });

  it('apply automatically: installed at once, the agent’s edits kept on conflict', async () => {
    const db = freshDb();
    await applyPackImport(db, tea);
    const mine = { ...tea.scripts[0], answers: [{ text: 'my own', tone: 'friendly' as const }] };
    await db.overrides.put({ packId: 'tea-shop', scriptId: mine.id, script: mine, updatedAt: 1 });
    const out = await checkSubscription(
      sub({ autoApply: true }),
      deps(
        db,
        fakeFetch(() => ok(body(v2()))),
      ),
    );
    expect(out).toMatchObject({ libraryChanged: true, sub: { last: { result: 'applied' } } });
    expect((await db.packs.get('tea-shop'))?.pack).toEqual(v2());
    expect(await db.overrides.get(['tea-shop', mine.id])).toMatchObject({ script: mine });
  });
});

describe('createSubscriptionManager', () => {
  beforeEach(() => fakeBrowser.reset());

  it('add checks at once; applied clears the waiting update; remove drops its file', async () => {
    const db = freshDb();
    const m = createSubscriptionManager({
      db,
      fetch: fakeFetch(() => ok(body(tea))),
      now: () => 5,
      newId: () => 'id1',
      hasPermission: async () => true,
      saveFile: savePendingFile,
    });
    expect(await m.add('http://intranet.example.com/x.json', false)).toEqual({ ok: false, error: 'insecure' });
    expect(await m.add(URL_, false)).toEqual({ ok: true, id: 'id1' });
    expect(await m.add(URL_, false)).toEqual({ ok: false, error: 'duplicate' });
    const [s] = await subscriptionsItem.getValue();
    expect(s.last?.result).toBe('waiting');
    expect(await readPendingFile('id1')).toBe(body(tea));
    await m.applied('id1', s.pending!.hash);
    expect((await subscriptionsItem.getValue())[0]).toMatchObject({
      appliedHash: s.pending!.hash,
      last: { result: 'applied' },
    });
    expect((await subscriptionsItem.getValue())[0].pending).toBeUndefined();
    expect(await readPendingFile('id1')).toBeNull();
    await m.setAuto('id1', true);
    expect((await subscriptionsItem.getValue())[0].autoApply).toBe(true);
    expect(await m.remove('id1')).toMatchObject({ id: 'id1' });
    expect(await subscriptionsItem.getValue()).toEqual([]);
  });

  it('refuses a site the browser did not grant', async () => {
    const m = createSubscriptionManager({
      db: freshDb(),
      fetch: fakeFetch(() => ok(body(tea))),
      now: () => 5,
      newId: () => 'id1',
      hasPermission: async () => false,
      saveFile: savePendingFile,
    });
    expect(await m.add(URL_, false)).toEqual({ ok: false, error: 'permission' });
  });
});
