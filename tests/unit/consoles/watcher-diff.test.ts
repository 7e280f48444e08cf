import { newRowIndices } from '@/lib/consoles/watcher';

describe('newRowIndices', () => {
  it.each([
    ['first messages of an empty conversation', [], ['a'], -1, [0]],
    ['one appended row', ['a', 'b'], ['a', 'b', 'c'], -1, [2]],
    ['same text again is new', ['a', 'b', 'c'], ['a', 'b', 'c', 'c'], -1, [3]],
    ['re-render of the same rows', ['a', 'b', 'c'], ['a', 'b', 'c'], -1, []],
    ['older history prepended', ['a', 'b'], ['y', 'z', 'a', 'b'], -1, []],
    ['virtualised list dropped the top row', ['a', 'b', 'c'], ['b', 'c', 'd'], -1, [2]],
    ['element anchor wins over ambiguous texts', ['a', 'b'], ['a', 'b', 'a', 'b'], 1, [2, 3]],
  ])('%s', (_name, prev, cur, anchor, expected) => {
    expect(newRowIndices(prev, cur, anchor)).toEqual(expected);
  });

  it('gives null (history) when the previous rows cannot be found', () => {
    expect(newRowIndices(['a', 'b'], ['x', 'y', 'z'])).toBeNull();
  });
});
