// @vitest-environment happy-dom
/** A hostile nickname read from the page arrives clean wherever it is used: adapters, placeholders, stores. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGenericAdapter } from '@/lib/consoles/generic';
import { createProfileAdapter } from '@/lib/consoles/profile';
import { HuashuDB } from '@/lib/db/db';
import { addFeedback } from '@/lib/feedback/store';
import { fillPlaceholders } from '@/lib/insert/placeholders';
import type { ConsoleProfile } from '@/lib/pack/schema';
import { addPromise, editPromise } from '@/lib/promises/store';

const HOSTILE = '\u202E\u200B小雨\u2066\uFEFF\u0007'.concat('雨'.repeat(200));
const CLEAN = '小雨'.concat('雨'.repeat(62));

const profile: ConsoleProfile = {
  id: 'desk',
  name: 'Desk',
  matches: ['https://desk.example.com/*'],
  messageList: '.chat-log',
  message: '.msg',
  buyerMessage: '.msg.from-buyer',
  replyBox: '#reply',
  conversationName: '.nick',
  orderId: '.order-no',
  verified: false,
};

let db: HuashuDB;
beforeEach(async () => {
  db = new HuashuDB(`page-values-${Math.random()}`);
  await db.open();
  const el = (tag: string, attrs: Record<string, string>, ...children: (Node | string)[]) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    e.append(...children);
    return e;
  };
  document.body.replaceChildren(
    el('div', { class: 'chat-header' }, el('span', { class: 'nick' }, HOSTILE)),
    el('div', { class: 'order-no' }, '订单号：\u200B2024061512345\u202E'),
    el('div', { class: 'chat-log' }, el('div', { class: 'msg from-buyer' }, '在吗')),
    el('textarea', { id: 'reply' }),
  );
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('page values', () => {
  it('the profile and generic adapters read the nickname and order number clean', () => {
    const a = createProfileAdapter(profile);
    expect(a.conversationName()).toBe(CLEAN);
    expect(a.orderId()).toBe('2024061512345');
    // The generic adapter takes a "nick" element only when it is short (a long one is a banner).
    document.querySelector('.nick')!.textContent = '\u202E\u200B小雨\u2066\uFEFF\u0007';
    expect(createGenericAdapter().conversationName()).toBe('小雨');
  });

  it('placeholders and stored promises/feedback never keep the hidden characters', async () => {
    expect(fillPlaceholders('{buyer}您好', { buyer: HOSTILE })).toBe(`${CLEAN}您好`);
    const now = Date.UTC(2026, 10, 25);
    const p = await addPromise(db, {
      text: '明天发',
      due: now,
      dueExplicit: true,
      buyer: HOSTILE,
      orderId: ' 1\u200B2 ',
      now,
    });
    expect([p.buyer, p.orderId]).toEqual([CLEAN, '12']);
    const edited = await editPromise(db, p.uid, { buyer: '\u202Ex' }, now + 1);
    expect(edited?.buyer).toBe('x');
    const f = await addFeedback(db, { text: '太慢了', buyer: HOSTILE, now });
    expect(f.buyer).toBe(CLEAN);
  });
});
