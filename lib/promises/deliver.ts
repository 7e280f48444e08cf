/**
 * Sending a message to the background from a console page, for messages that are safe to repeat (a promise
 * carries its own uid; Undo and Edit give the same result twice). An MV3 service worker can stop at any
 * moment (an update, a crash, Chromium's idle timer): the message then fails with "Receiving end does not
 * exist", "message port closed" or no response, although the background may already have written. Such a
 * failure is retried with backoff; the caller learns one of three things:
 *
 * - `ok`: the background answered (the answer says whether the write succeeded);
 * - `gone`: the extension context is really gone (reloaded or updated under the page: `runtime.id` is
 *   undefined or the error says "Extension context invalidated") — only a page reload helps; `sent` tells
 *   whether an attempt had left before (then the write may have happened);
 * - `unconfirmed`: every attempt failed while the context lived: nothing is known; the same message may
 *   be sent again.
 *
 * Pure: the environment (is the context alive, how to wait) is passed in.
 */

export type Delivery<T> =
  | { kind: 'ok'; value: T; attempts: number }
  | { kind: 'gone'; sent: boolean; attempts: number }
  | { kind: 'unconfirmed'; attempts: number; error: unknown };

export interface DeliverEnv {
  /** False once the extension context is invalidated (e.g. `browser.runtime?.id === undefined`). */
  contextAlive(): boolean;
  wait(ms: number): Promise<void>;
  onRetry?(attempt: number, error: unknown): void;
}

/** Waits between attempts (ms): about 6 s in all, longer than a stopped worker takes to start again. */
export const RETRY_DELAYS: readonly number[] = [50, 100, 200, 400, 800, 1600, 3000];

export function isContextGone(error: unknown): boolean {
  return /extension context invalidated/i.test(String((error as Error)?.message ?? error));
}

export async function deliver<T>(
  send: () => Promise<T>,
  env: DeliverEnv,
  delays: readonly number[] = RETRY_DELAYS,
): Promise<Delivery<T>> {
  // Did an earlier attempt leave (and maybe reach the background before failing)?
  let sent = false;
  for (let attempt = 0; ; attempt++) {
    if (!env.contextAlive()) return { kind: 'gone', sent, attempts: attempt };
    try {
      return { kind: 'ok', value: await send(), attempts: attempt + 1 };
    } catch (error) {
      // "Extension context invalidated" is thrown before anything leaves; any other failure may have reached
      // the background.
      if (isContextGone(error)) return { kind: 'gone', sent, attempts: attempt + 1 };
      sent = true;
      if (!env.contextAlive()) return { kind: 'gone', sent, attempts: attempt + 1 };
      if (attempt >= delays.length) return { kind: 'unconfirmed', attempts: attempt + 1, error };
      env.onRetry?.(attempt + 1, error);
      await env.wait(delays[attempt]);
    }
  }
}
