// @vitest-environment happy-dom
import { trackComposition } from '@/lib/insert/composition';

const fire = (target: EventTarget, type: string) =>
  target.dispatchEvent(new CompositionEvent(type, { bubbles: true, composed: true, data: '你好' }));

describe('trackComposition', () => {
  let box: HTMLTextAreaElement;
  beforeEach(() => {
    box = document.createElement('textarea');
    document.body.replaceChildren(box);
  });

  it('is idle at once when nothing is composed', async () => {
    const ime = trackComposition(document);
    expect(ime.active()).toBe(false);
    await expect(ime.idle()).resolves.toBe(true);
    ime.stop();
  });

  it('holds a waiter from compositionstart to after compositionend', async () => {
    const ime = trackComposition(document);
    fire(box, 'compositionstart');
    expect(ime.active()).toBe(true);
    let went: boolean | undefined;
    const waiting = ime.idle().then((go) => (went = go));
    await Promise.resolve();
    expect(went).toBeUndefined();
    fire(box, 'compositionend');
    expect(ime.active()).toBe(false);
    await waiting;
    expect(went).toBe(true);
    ime.stop();
  });

  it('lets only the latest waiter go ahead', async () => {
    const ime = trackComposition(document);
    fire(box, 'compositionstart');
    const first = ime.idle();
    const second = ime.idle();
    await expect(first).resolves.toBe(false);
    fire(box, 'compositionend');
    await expect(second).resolves.toBe(true);
    ime.stop();
  });

  it('sees compositions inside an open shadow root', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('textarea'));
    const ime = trackComposition(document);
    fire(inner, 'compositionstart');
    expect(ime.active()).toBe(true);
    const ended = new Promise<void>((ok) => ime.onEnd(ok));
    fire(inner, 'compositionend');
    await ended;
    expect(ime.active()).toBe(false);
    ime.stop();
  });

  it('ends a composition whose compositionend got lost at the next plain key press', () => {
    const ime = trackComposition(document);
    fire(box, 'compositionstart');
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Process', bubbles: true }));
    expect(ime.active()).toBe(true);
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(ime.active()).toBe(false);
    ime.stop();
  });

  it('stops listening and releases a waiter on stop', async () => {
    const ime = trackComposition(document);
    fire(box, 'compositionstart');
    const waiting = ime.idle();
    ime.stop();
    await expect(waiting).resolves.toBe(false);
  });
});
