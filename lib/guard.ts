/**
 * The host page never breaks: everything Huashu runs from page events goes through `guard`, which logs
 * with a [huashu] prefix and never rethrows into the page. A reloaded/updated extension leaves this copy
 * of the content script orphaned ("Extension context invalidated"): that is a normal end, not an error.
 */
export function isContextInvalidated(e: unknown): boolean {
  return /Extension context invalidated|context invalidated/i.test(String((e as Error)?.message ?? e));
}

export function report(where: string, e: unknown): void {
  if (isContextInvalidated(e)) return;
  console.error(`[huashu] ${where}:`, e);
}

/** Wrap a handler (sync or async) so that its errors are reported, never thrown. */
export function guard<A extends unknown[]>(where: string, fn: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      const out = fn(...args);
      if (out instanceof Promise) out.catch((e) => report(where, e));
    } catch (e) {
      report(where, e);
    }
  };
}
