// @vitest-environment happy-dom
import { createProfileAdapter } from '@/lib/consoles/profile';
import type { ConsoleProfile } from '@/lib/pack/schema';

const profile: ConsoleProfile = {
  id: 'acme-desk',
  name: 'ACME desk',
  matches: ['https://desk.example.com/*'],
  messageList: '.chat-log',
  message: '.msg',
  buyerMessage: '.msg.from-buyer',
  text: '.msg-body',
  replyBox: '#reply-wrap',
  conversationName: '.chat-header .nick',
  orderId: '.order-no',
  verified: false,
};

function page() {
  document.body.textContent = '';
  const make = (tag: string, attrs: Record<string, string>, ...children: (Node | string)[]) => {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    el.append(...children);
    return el;
  };
  document.body.append(
    make('div', { class: 'chat-header' }, make('span', { class: 'nick' }, ' 小雨 ')),
    make('div', { class: 'order-no' }, '订单号：2024061512345'),
    make(
      'div',
      { class: 'chat-log' },
      make('div', { class: 'msg from-buyer' }, make('b', {}, '小雨'), make('p', { class: 'msg-body' }, '  在吗\n ')),
      make('div', { class: 'msg from-agent' }, make('p', { class: 'msg-body' }, '在的亲')),
    ),
    make('div', { id: 'reply-wrap' }, make('textarea', {})),
  );
}

describe('createProfileAdapter', () => {
  beforeEach(page);

  it('reads rows, sides, texts and the conversation from the profile', () => {
    const a = createProfileAdapter(profile);
    const rows = a.messages();
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => a.isBuyer(r))).toEqual([true, false]);
    expect(rows.map((r) => a.text(r))).toEqual(['在吗', '在的亲']);
    expect(a.conversationName()).toBe('小雨');
    expect(a.orderId()).toBe('2024061512345');
    expect(a.verified).toBe(false);
  });

  it('finds the editable inside a reply-box wrapper', () => {
    expect(createProfileAdapter(profile).replyBox()?.tagName).toBe('TEXTAREA');
  });

  it('survives invalid selectors from an imported pack', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const a = createProfileAdapter({ ...profile, messageList: '..bad((' });
    expect(a.messageList()).toBeNull();
    expect(a.messages()).toEqual([]);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
