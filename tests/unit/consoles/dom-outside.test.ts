// @vitest-environment happy-dom
import { deepQueryAll, deepQueryAllOutside } from '@/lib/consoles/dom';

function h(tag: string, cls: string, ...children: Element[]) {
  const el = document.createElement(tag);
  el.className = `x ${cls}`;
  el.append(...children);
  return el;
}

describe('deepQueryAllOutside', () => {
  it('gives what deepQueryAll gives outside the skipped subtree, in the same order', () => {
    const log = h('div', 'log', h('div', 'row'), h('div', 'row', h('b', 'bold')));
    document.body.replaceChildren(
      h('div', 'a1', h('span', 's'), h('section', 'wrap', h('p', 'before'), log, h('p', 'after')), h('i', 'tail')),
      h('footer', 'f'),
    );
    const host = h('div', 'host');
    document.body.append(host);
    host.attachShadow({ mode: 'open' }).append(h('span', 'in-shadow'));
    const expected = deepQueryAll(document, '.x').filter((e) => !log.contains(e));
    expect(deepQueryAllOutside(document, '.x', log)).toEqual(expected);
    expect(expected.map((e) => e.className)).toContain('x in-shadow');
    expect(expected).toHaveLength(9);
    expect(deepQueryAllOutside(document, '.x', null)).toEqual(deepQueryAll(document, '.x'));
  });
});
