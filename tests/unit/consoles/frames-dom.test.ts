// @vitest-environment happy-dom
import { hasEditableField } from '@/lib/consoles/frames';

const doc = (body: string) => new DOMParser().parseFromString(`<body>${body}</body>`, 'text/html');

describe('hasEditableField', () => {
  it.each([
    ['<textarea></textarea>', true],
    ['<div contenteditable="true"><p></p></div>', true],
    ['<div contenteditable></div>', true],
    ['<input>', true],
    ['<input type="text">', true],
    ['<input type="search">', true],
    ['<ul><li>限时特惠</li><li>满 199 减 20</li></ul>', false],
    ['<input type="hidden" name="token"><input type="checkbox">', false],
    ['<div contenteditable="false">x</div>', false],
  ])('%s → %s', (markup, expected) => {
    expect(hasEditableField(doc(markup))).toBe(expected);
  });
});
