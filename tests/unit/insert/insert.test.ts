// @vitest-environment happy-dom
import { fillPlaceholders, insertText, keepCaret } from '@/lib/insert';
import { insertIntoEditable } from '@/lib/insert/contenteditable';

describe('fillPlaceholders', () => {
  it.each([
    ['{buyer}您好，订单{order_id}已发出', { buyer: '小雨', order_id: '123456' }, '小雨您好，订单123456已发出'],
    ['{buyer}您好', {}, '{buyer}您好'],
    ['{buyer}您好', { buyer: '  ' }, '{buyer}您好'],
    ['{coupon} stays', { buyer: 'x' }, '{coupon} stays'],
  ])('%s', (text, values, expected) => expect(fillPlaceholders(text, values)).toBe(expected));
});

describe('insertText into text fields', () => {
  beforeEach(() => document.body.replaceChildren());

  it('replaces the selection and tells the page through an input event', async () => {
    const ta = document.createElement('textarea');
    document.body.append(ta);
    ta.value = '亲，。';
    ta.focus();
    ta.setSelectionRange(2, 2);
    const seen: string[] = [];
    ta.addEventListener('input', (e) => seen.push(`${(e as InputEvent).inputType}:${ta.value}`));
    expect(await insertText(ta, '今天发货')).toEqual({ method: 'value', copied: false });
    expect(ta.value).toBe('亲，今天发货。');
    expect(ta.selectionStart).toBe(6);
    expect(seen).toEqual(['insertText:亲，今天发货。']);
  });

  it('goes through the native setter even when the page overrides `value` (React-style tracking)', async () => {
    const input = document.createElement('input');
    document.body.append(input);
    let tracked = '';
    // A framework replacing the instance's `value` property, as React's value tracker does.
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => tracked,
      set: (v: string) => (tracked = v),
    });
    const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
    await insertText(input, 'hello');
    expect(native.get!.call(input)).toBe('hello');
    expect(tracked).toBe('');
  });

  it('appends to a draft in a field the agent never clicked', async () => {
    const ta = document.createElement('textarea');
    document.body.append(ta);
    ta.value = 'draft';
    const caret = keepCaret();
    await insertText(ta, ' + more', { caret });
    expect(ta.value).toBe('draft + more');
    caret.stop();
  });
});

describe('insertIntoEditable fallbacks (happy-dom has no execCommand; real editors: tests/e2e/editors-real)', () => {
  const editable = (text = '') => {
    const host = document.createElement('div');
    host.setAttribute('contenteditable', 'true');
    host.textContent = text;
    document.body.replaceChildren(host);
    return host;
  };

  it('lets a model-driven editor take the text through beforeinput', async () => {
    const host = editable();
    let model = '';
    host.addEventListener('beforeinput', (e) => {
      e.preventDefault();
      model += (e as InputEvent).data ?? '';
      host.textContent = model;
    });
    expect(await insertIntoEditable(host, '好的')).toBe('beforeinput');
    expect(model).toBe('好的');
    expect(host.textContent).toBe('好的');
  });

  it('falls back to a DOM insertion at the end of the draft, with an input event', async () => {
    const host = editable('A');
    const inputs: string[] = [];
    host.addEventListener('input', () => inputs.push(host.textContent ?? ''));
    expect(await insertIntoEditable(host, 'B')).toBe('dom');
    expect(host.textContent).toBe('AB');
    expect(inputs.at(-1)).toBe('AB');
  });

  it('leaves the box as it was when the editor puts its own content back', async () => {
    const host = editable('draft');
    // An editor that renders only from its model, which nothing here updates.
    host.addEventListener('input', () => queueMicrotask(() => (host.textContent = 'draft')));
    expect(await insertIntoEditable(host, 'reply')).toBeNull();
    expect(host.textContent).toBe('draft');
  });

  it('never throws: a failure reports null and tries the clipboard', async () => {
    const host = editable('draft');
    host.addEventListener('input', () => (host.textContent = 'draft'));
    const result = await insertText(host, 'reply');
    expect(result.method).toBeNull();
    expect(host.textContent).toBe('draft');
  });
});
