// @vitest-environment happy-dom
/** Teach mode's reading of the agent's clicks (lib/consoles/teach-pick.ts). */
import { listAround, pickFor, summarize } from '@/lib/consoles/teach-pick';

function html(markup: string) {
  // Test fixture markup written here, not chat text.
  const doc = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  document.body.replaceChildren(...Array.from(doc.body.childNodes));
}

describe('teach picks', () => {
  it('a click on a message picks the list around it: a log region, else a scrolling box', () => {
    html(`<div id="log" role="log"><div class="m"><span id="t">在吗</span></div></div>`);
    expect(listAround(document.getElementById('t')!).id).toBe('log');
    html(`<div id="box" style="overflow-y:auto"><p id="t">在吗</p></div>`);
    expect(listAround(document.getElementById('t')!).id).toBe('box');
  });

  it('without such a box, the first ancestor with three children', () => {
    html(`<section id="s"><div><p id="t">a</p></div><div>b</div><div>c</div></section>`);
    expect(listAround(document.getElementById('t')!).id).toBe('s');
    html(`<p id="t">alone</p>`);
    expect(listAround(document.getElementById('t')!).id).toBe('t');
  });

  it('the reply step picks the editable field around the click; other steps keep the element', () => {
    html(`<div contenteditable="true" id="ed"><p><b id="t">草稿</b></p></div>`);
    const t = document.getElementById('t')!;
    expect(pickFor('reply', t).id).toBe('ed');
    expect(pickFor('buyer', t)).toBe(t);
    expect(pickFor('name', t)).toBe(t);
  });

  it('summarises what a profile reads: rows, buyer rows, the last buyer message, the box, the name', () => {
    html(`<b class="nick">周先生</b><div class="log">
      <div class="msg mj">在吗</div><div class="msg kf">在的</div><div class="msg mj">什么时候发货</div></div>
      <textarea></textarea>`);
    const summary = summarize({
      id: 't',
      name: 'T',
      matches: ['http://localhost/*'],
      messageList: '.log',
      message: '.msg',
      buyerMessage: '.mj',
      replyBox: 'textarea',
      conversationName: '.nick',
      verified: false,
    });
    expect(summary).toEqual({ messages: 3, buyer: 2, lastBuyer: '什么时候发货', reply: true, name: '周先生' });
  });
});
