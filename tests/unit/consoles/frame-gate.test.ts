// @vitest-environment happy-dom
/**
 * The inert start of a frame (lib/consoles/frame-gate.ts): a tiny frame is not checked however its
 * DOM changes; a chat-sized one is checked at most every 0.5 s while its DOM changes, backing off; once a
 * conversation is found, onFound runs once and the gate stops listening.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { gateOnConversation } from '@/lib/consoles/frame-gate';
import type { FrameView } from '@/lib/consoles/frames';

const ctx = {
  isValid: true,
  setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
} as unknown as ContentScriptContext;

let size: FrameView;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  document.body.replaceChildren();
  size = { top: false, width: 1, height: 1 };
});
afterEach(() => vi.useRealTimers());

/** Change the DOM every 100 ms for `ms` (a rotating banner). */
async function churn(ms: number) {
  for (let t = 0; t < ms; t += 100) {
    document.body.append(document.createElement('li'));
    await vi.advanceTimersByTimeAsync(100);
  }
}

it('a tiny frame is never checked, a frame that grows is', async () => {
  const holds = vi.fn(() => false);
  const gate = gateOnConversation(ctx, { holds, onFound: () => {}, view: () => size });
  await churn(3000);
  expect(holds).not.toHaveBeenCalled();
  size = { top: false, width: 800, height: 600 };
  window.dispatchEvent(new Event('resize'));
  await vi.advanceTimersByTimeAsync(0);
  expect(holds).toHaveBeenCalledTimes(1);
  gate.stop();
});

it('checks a chat-sized frame at most every 0.5 s while its DOM changes, then backs off', async () => {
  size = { top: false, width: 800, height: 600 };
  const holds = vi.fn(() => false);
  const gate = gateOnConversation(ctx, { holds, onFound: () => {}, view: () => size });
  await churn(5000); // 50 DOM changes
  expect(holds.mock.calls.length).toBeGreaterThanOrEqual(9);
  expect(holds.mock.calls.length).toBeLessThanOrEqual(11);
  const before = holds.mock.calls.length;
  await churn(10_000);
  expect(holds.mock.calls.length - before).toBeLessThanOrEqual(10); // ≤ 1 per second after 10 misses
  gate.stop();
  const stopped = holds.mock.calls.length;
  await churn(2000);
  expect(holds).toHaveBeenCalledTimes(stopped);
});

it('a quiet frame is not checked again until something changes', async () => {
  size = { top: false, width: 800, height: 600 };
  const holds = vi.fn(() => false);
  gateOnConversation(ctx, { holds, onFound: () => {}, view: () => size });
  await vi.advanceTimersByTimeAsync(10_000);
  expect(holds).toHaveBeenCalledTimes(1);
});

it('found: onFound once, then no more checks', async () => {
  size = { top: true, width: 1280, height: 800 };
  let found = false;
  const holds = vi.fn(() => found);
  const onFound = vi.fn();
  gateOnConversation(ctx, { holds, onFound, view: () => size });
  await churn(1000);
  found = true;
  await churn(1000);
  expect(onFound).toHaveBeenCalledTimes(1);
  const calls = holds.mock.calls.length;
  await churn(3000);
  expect(holds).toHaveBeenCalledTimes(calls);
  expect(onFound).toHaveBeenCalledTimes(1);
});
