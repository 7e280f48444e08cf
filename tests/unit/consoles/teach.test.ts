// @vitest-environment happy-dom
import { createProfileAdapter } from '@/lib/consoles/profile';
import { deriveProfile, isHashedClass, rowOf, uniqueSelector } from '@/lib/consoles/teach';

function html(markup: string) {
  // Test fixture markup written here, not chat text.
  const doc = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  document.body.replaceChildren(...Array.from(doc.body.childNodes));
}

describe('isHashedClass', () => {
  it.each([
    ['css-1x2y3z', true],
    ['sc-AbCdEf', true],
    ['Button_root__3xYz1', true],
    ['msg-3fA9x', true],
    ['a1b2c3', true],
    ['chat-log', false],
    ['from-buyer', false],
    ['col-md-12', false],
    ['h5', false],
  ])('%s → %s', (cls, hashed) => expect(isHashedClass(cls)).toBe(hashed));
});

describe('uniqueSelector', () => {
  it('prefers stable attributes over hashed classes and numeric ids', () => {
    html(`<div id="u83921" class="css-9fj2k1"><textarea class="css-1x2y3z" placeholder="输入消息"></textarea></div>
          <textarea class="css-1x2y3z"></textarea>`);
    const ta = document.querySelector('textarea')!;
    const sel = uniqueSelector(ta, document);
    expect(sel).toBe('textarea[placeholder="输入消息"]');
    expect(document.querySelectorAll(sel)).toHaveLength(1);
  });

  it('falls back to a positional path when nothing is stable', () => {
    html(`<div class="css-aa11bb"><div class="css-cc22dd">a</div><div class="css-cc22dd">b</div></div>`);
    const b = document.querySelectorAll('.css-cc22dd')[1];
    const sel = uniqueSelector(b, document);
    expect(sel).not.toMatch(/css-/);
    expect(document.querySelector(sel)).toBe(b);
  });
});

const CONSOLE = `
  <header><span class="peer-nick">小雨</span></header>
  <section class="css-k29dk1 history">
    <div class="css-a1b2c3 row mj"><i class="css-x9y8z7">小雨</i><span class="content">在吗</span></div>
    <div class="css-a1b2c3 row kf"><i class="css-x9y8z7">客服</i><span class="content">在的</span></div>
    <div class="css-a1b2c3 row mj"><i class="css-x9y8z7">小雨</i><span class="content">什么时候发货</span></div>
  </section>
  <div class="css-f00b4r"><div contenteditable="true" class="css-ed1t0r"></div></div>`;

describe('deriveProfile', () => {
  it('derives working selectors from three clicks', () => {
    html(CONSOLE);
    const list = document.querySelector('section')!;
    const bubble = document.querySelectorAll('.content')[2];
    const { profile, problems } = deriveProfile(
      {
        list,
        buyerMessage: bubble,
        replyBox: document.querySelector('[contenteditable]')!,
        conversationName: document.querySelector('.peer-nick')!,
      },
      { url: 'https://desk.example.com/im?c=1', pattern: 'https://desk.example.com/*' },
      document,
    );
    expect(problems).toEqual([]);
    expect(profile).not.toBeNull();
    expect(JSON.stringify(profile)).not.toMatch(/css-/);
    const a = createProfileAdapter(profile!);
    const rows = a.messages();
    expect(rows.map((r) => [a.isBuyer(r), a.text(r)])).toEqual([
      [true, '在吗'],
      [false, '在的'],
      [true, '什么时候发货'],
    ]);
    expect(a.replyBox()?.getAttribute('contenteditable')).toBe('true');
    expect(a.conversationName()).toBe('小雨');
    expect(profile!.matches).toEqual(['https://desk.example.com/*']);
    expect(profile!.verified).toBe(false);
  });

  it('finds the row of a click inside a bubble', () => {
    html(CONSOLE);
    const list = document.querySelector('section')!;
    expect(rowOf(document.querySelectorAll('.content')[1], list)).toBe(list.children[1]);
    expect(rowOf(document.querySelector('header')!, list)).toBeNull();
  });

  it('uses a marker on the agent rows when the buyer rows have none', () => {
    html(
      `<ul class="log"><li class="m">在吗</li><li class="m self">在的</li><li class="m">发货?</li></ul><textarea></textarea>`,
    );
    const list = document.querySelector('ul')!;
    const { profile } = deriveProfile(
      { list, buyerMessage: list.children[0], replyBox: document.querySelector('textarea')! },
      { url: 'https://x.example/', pattern: 'https://x.example/*' },
      document,
    );
    const a = createProfileAdapter(profile!);
    expect(a.messages().map((r) => a.isBuyer(r))).toEqual([true, false, true]);
  });

  it('says when it cannot tell the buyer from the agent', () => {
    html(`<ul class="log"><li class="m">在吗</li></ul><textarea></textarea>`);
    const list = document.querySelector('ul')!;
    const { problems } = deriveProfile(
      { list, buyerMessage: list.children[0], replyBox: document.querySelector('textarea')! },
      { url: 'https://x.example/', pattern: 'https://x.example/*' },
      document,
    );
    expect(problems).toContain('needAgentMessage');
  });
});
