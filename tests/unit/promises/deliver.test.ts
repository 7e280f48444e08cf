/**
 * lib/promises/deliver.ts: transport failures (the service worker stopped) are retried with the given
 * backoff, awaited through the injected `wait` (no real time passes); a gone context stops at once and
 * says whether an attempt had left; an exhausted budget is "unconfirmed".
 */
import { describe, expect, it } from 'vitest';
import { deliver, isContextGone } from '@/lib/promises/deliver';

const closed = () => new Error('The message port closed before a response was received.');
const noReceiver = () => new Error('Could not establish connection. Receiving end does not exist.');
const invalidated = () => new Error('Extension context invalidated.');

function env(alive: () => boolean = () => true) {
  const waits: number[] = [];
  return { waits, env: { contextAlive: alive, wait: async (ms: number) => void waits.push(ms) } };
}

describe('deliver', () => {
  it('retries closed ports and missing receivers with backoff until the background answers', async () => {
    const failures = [closed(), noReceiver(), new Error('No response')];
    const { waits, env: e } = env();
    const r = await deliver(
      async () => {
        const f = failures.shift();
        if (f) throw f;
        return { ok: true };
      },
      e,
      [10, 20, 40, 80],
    );
    expect(r).toEqual({ kind: 'ok', value: { ok: true }, attempts: 4 });
    expect(waits).toEqual([10, 20, 40]);
  });

  it('gives up after the last delay: unconfirmed', async () => {
    const { waits, env: e } = env();
    let calls = 0;
    const r = await deliver(
      async () => {
        calls++;
        throw closed();
      },
      e,
      [1, 2],
    );
    expect(r.kind).toBe('unconfirmed');
    expect(calls).toBe(3);
    expect(waits).toEqual([1, 2]);
  });

  it('an invalidated context stops at once; "sent" tells whether an attempt had left', async () => {
    const first = await deliver(
      async () => {
        throw invalidated();
      },
      env().env,
      [1, 2, 3],
    );
    expect(first).toEqual({ kind: 'gone', sent: false, attempts: 1 });

    const failures = [closed(), invalidated()];
    const second = await deliver(
      async () => {
        throw failures.shift();
      },
      env().env,
      [1, 2, 3],
    );
    expect(second).toEqual({ kind: 'gone', sent: true, attempts: 2 });
  });

  it('no runtime id before sending: gone, nothing sent, send never called', async () => {
    let calls = 0;
    const r = await deliver(async () => calls++, env(() => false).env);
    expect(r).toEqual({ kind: 'gone', sent: false, attempts: 0 });
    expect(calls).toBe(0);
    expect(isContextGone(invalidated())).toBe(true);
    expect(isContextGone(closed())).toBe(false);
  });
});
