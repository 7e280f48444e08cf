// @vitest-environment happy-dom
import { createGenericAdapter, rowsOf, sideScore, wordsOf } from '@/lib/consoles/generic';

function html(markup: string) {
  const doc = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  document.body.replaceChildren(...Array.from(doc.body.childNodes));
}

describe('generic adapter heuristics', () => {
  it('splits class names and data values into words', () => {
    html(`<div class="msg--left from_buyer" data-side="other"></div>`);
    expect(wordsOf(document.querySelector('div')!)).toEqual(['msg', 'left', 'from', 'buyer', 'other']);
  });

  it.each([
    ['<div class="msg from-buyer">a</div>', 1],
    ['<div class="msg is-mine">a</div>', -1],
    ['<div class="row"><span class="bubble customer">a</span></div>', 1],
    ['<div class="row" data-sender="agent">a</div>', -1],
    ['<div class="row">a</div>', 0],
  ])('side of %s', (markup, sign) => {
    html(markup);
    expect(Math.sign(sideScore(document.querySelector('body > *')!))).toBe(sign);
  });

  it('reads rows through a wrapper and skips separators', () => {
    html(`<div id="log" role="log"><div class="inner">
      <div class="msg">在吗</div><div class="time-divider">10:21</div><div class="msg">在的</div></div></div>`);
    expect(rowsOf(document.getElementById('log')!).map((r) => r.textContent)).toEqual(['在吗', '在的']);
  });

  it('reads the selected conversation’s name and a message’s text part', () => {
    html(`<ul role="listbox"><li role="option" aria-selected="false"><span class="name">A</span></li>
      <li role="option" aria-selected="true"><span class="name">小雨</span><span class="preview">在吗</span></li></ul>
      <div role="log"><div class="msg buyer"><span class="when">10:21</span><span class="text">有货吗</span></div></div>`);
    const a = createGenericAdapter();
    expect(a.conversationName()).toBe('小雨');
    const row = document.querySelector('.msg')!;
    expect(a.text(row)).toBe('有货吗');
    expect(a.isBuyer(row)).toBe(true);
  });
});
