// @vitest-environment happy-dom
/**
 * lib/trusted.ts: a handler wrapped with `trusted` runs for the browser's own events only; events a page
 * script dispatches (isTrusted false) are ignored, for DOM events and React-style synthetic events.
 */
import { isTrusted, trusted } from '@/lib/trusted';

describe('trusted', () => {
  it('ignores an event a script dispatched', () => {
    const button = document.createElement('button');
    const calls: Event[] = [];
    button.addEventListener(
      'click',
      trusted((e: MouseEvent) => calls.push(e)),
    );
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(calls).toEqual([]);
  });

  it('runs for trusted events, with the event', () => {
    const seen: unknown[] = [];
    const handler = trusted((e: { isTrusted: boolean; n: number }) => seen.push(e.n));
    handler({ isTrusted: true, n: 1 });
    handler({ isTrusted: false, n: 2 });
    expect(seen).toEqual([1]);
  });

  it.each([
    [{ isTrusted: true, nativeEvent: { isTrusted: true } }, true],
    // React copies isTrusted, but the browser's event decides.
    [{ isTrusted: true, nativeEvent: { isTrusted: false } }, false],
    [{ isTrusted: false, nativeEvent: { isTrusted: false } }, false],
    [{ isTrusted: 'yes' as unknown as boolean }, false],
    [undefined, false],
    [null, false],
  ])('isTrusted(%o) is %s', (e, want) => {
    expect(isTrusted(e)).toBe(want);
  });

  it('a keydown dispatched on window is ignored', () => {
    const keys: string[] = [];
    const onKey = trusted((e: KeyboardEvent) => keys.push(e.key));
    window.addEventListener('keydown', onKey);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '1', code: 'Digit1', altKey: true }));
    window.removeEventListener('keydown', onKey);
    expect(keys).toEqual([]);
  });
});
