/**
 * The subscriptions' one writer (the background): add, remove, switch "apply automatically", check one or
 * all, and mark an update applied after the agent's Apply in the Scripts tab. Writes to the list are queued
 * one after the other; a check runs outside the queue (it waits for the network) and its result is merged
 * into the row as it is then (a removed subscription drops it; a switch made meanwhile is kept).
 */
import { checkAddress, type AddressError } from './address';
import { checkSubscription, type CheckDeps, type CheckOutcome, type Subscription } from './check';
import { subscriptionsItem } from './store';

export type AddError = AddressError | 'duplicate' | 'permission';

export interface ManagerDeps extends CheckDeps {
  newId: () => string;
  /** The library was written by an automatic apply: rebuild the engine. */
  onLibraryChanged?: () => void;
}

export interface SubscriptionManager {
  list(): Promise<Subscription[]>;
  add(url: string, autoApply: boolean): Promise<{ ok: true; id: string } | { ok: false; error: AddError }>;
  remove(id: string): Promise<Subscription | null>;
  setAuto(id: string, autoApply: boolean): Promise<void>;
  /** Check one subscription (or all); `force` reads the file even if the server says it is unchanged. */
  check(id?: string, opts?: { force?: boolean }): Promise<Subscription[]>;
  /** The agent applied the pending update with this hash (or it was applied elsewhere). */
  applied(id: string, hash: string): Promise<void>;
}

export function createSubscriptionManager(deps: ManagerDeps): SubscriptionManager {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => {});
    return next;
  };
  const edit = (fn: (all: Subscription[]) => Subscription[]) =>
    serial(async () => {
      const next = fn(await subscriptionsItem.getValue());
      await subscriptionsItem.setValue(next);
      return next;
    });
  const running = new Map<string, Promise<void>>();

  async function checkOne(sub: Subscription, force: boolean): Promise<void> {
    let outcome: CheckOutcome;
    try {
      outcome = await checkSubscription(sub, deps, { force });
    } catch (e) {
      // A bug or a database error: reported like any failure, the installed version stays.
      outcome = {
        sub: {
          ...sub,
          last: { at: deps.now(), result: 'invalid', detail: e instanceof Error ? e.message : String(e) },
        },
        libraryChanged: false,
      };
    }
    let gone = false;
    await edit((all) => {
      const now = all.find((s) => s.id === sub.id);
      if (!now) {
        gone = true;
        return all;
      }
      return all.map((s) => (s.id === sub.id ? { ...outcome.sub, autoApply: now.autoApply } : s));
    });
    if (gone) await deps.saveFile(sub.id, null);
    if (outcome.libraryChanged) deps.onLibraryChanged?.();
  }

  const runCheck = (sub: Subscription, force: boolean) => {
    const already = running.get(sub.id);
    if (already) return already;
    const p = checkOne(sub, force).finally(() => running.delete(sub.id));
    running.set(sub.id, p);
    return p;
  };

  return {
    list: () => subscriptionsItem.getValue(),

    async add(url, autoApply) {
      const address = checkAddress(url);
      if (!address.ok) return { ok: false, error: address.error };
      if (!(await deps.hasPermission(address.pattern))) return { ok: false, error: 'permission' };
      const sub: Subscription = {
        id: deps.newId(),
        url: address.url,
        pattern: address.pattern,
        autoApply,
        addedAt: deps.now(),
        known: {},
      };
      let duplicate = false;
      await edit((all) => {
        duplicate = all.some((s) => s.url === sub.url);
        return duplicate ? all : [...all, sub];
      });
      if (duplicate) return { ok: false, error: 'duplicate' };
      await runCheck(sub, true);
      return { ok: true, id: sub.id };
    },

    async remove(id) {
      let removed: Subscription | null = null;
      await edit((all) => {
        removed = all.find((s) => s.id === id) ?? null;
        return all.filter((s) => s.id !== id);
      });
      await deps.saveFile(id, null);
      return removed;
    },

    async setAuto(id, autoApply) {
      await edit((all) => all.map((s) => (s.id === id ? { ...s, autoApply } : s)));
    },

    async check(id, opts = {}) {
      const all = await subscriptionsItem.getValue();
      // One after the other: a team has a few subscriptions, and the checks should not compete.
      for (const sub of all.filter((s) => id === undefined || s.id === id)) await runCheck(sub, !!opts.force);
      return subscriptionsItem.getValue();
    },

    async applied(id, hash) {
      let cleared = false;
      await edit((all) =>
        all.map((s) => {
          if (s.id !== id || s.pending?.hash !== hash) return s;
          cleared = true;
          const { pending: _done, ...rest } = s;
          return { ...rest, appliedHash: hash, last: { at: deps.now(), result: 'applied' } };
        }),
      );
      if (cleared) await deps.saveFile(id, null);
    },
  };
}
