// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createFixtureAdapter } from './fixture-adapter';
import { capturePage } from '@/lib/promises/capture';
import { findOrderId } from '@/lib/text/order-id';

function page(body: string) {
  document.body.replaceChildren();
  const parsed = new DOMParser().parseFromString(`<body>${body}</body>`, 'text/html');
  document.body.append(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  getSelection()?.removeAllRanges();
  return createFixtureAdapter(document);
}

const CONVERSATION = `
  <header class="chat-header"><span class="nick">小雨</span></header>
  <div class="chat-log">
    <div class="msg buyer"><span class="text">我的订单号是 556677889900 还没发货</span></div>
    <div class="msg agent"><span class="text">好的，明天给您发出</span></div>
    <div class="msg buyer"><span class="text">快递员不送上楼</span></div>
  </div>
  <textarea id="reply"></textarea>`;

describe('capturePage', () => {
  beforeEach(() => {
    location.hash = '';
  });

  it('promise: the reply box first, else the agent’s last message; with buyer and an order from the chat', () => {
    const adapter = page(CONVERSATION);
    const r1 = capturePage(adapter, window, 'promise');
    expect(r1).toMatchObject({
      ok: true,
      capture: {
        text: '好的，明天给您发出',
        source: 'lastAgentMessage',
        buyer: '小雨',
        orderId: '556677889900',
        consoleId: 'fixture',
      },
    });
    (document.getElementById('reply') as HTMLTextAreaElement).value = ' 今天一定发出 ';
    expect(capturePage(adapter, window, 'promise')).toMatchObject({
      ok: true,
      capture: { text: '今天一定发出', source: 'replyBox' },
    });
  });

  it('feedback: the buyer’s last message', () => {
    const adapter = page(CONVERSATION);
    expect(capturePage(adapter, window, 'feedback')).toMatchObject({
      ok: true,
      capture: { text: '快递员不送上楼', source: 'lastBuyerMessage' },
    });
  });

  it('a selection wins, also inside the reply box', () => {
    const adapter = page(CONVERSATION);
    const box = document.getElementById('reply') as HTMLTextAreaElement;
    box.value = '亲，周五前给您补寄，请留意';
    box.focus();
    box.setSelectionRange(2, 9);
    expect(capturePage(adapter, window, 'promise')).toMatchObject({
      ok: true,
      capture: { text: '周五前给您补寄', source: 'selection' },
    });
  });

  it('the console’s own order number comes first', () => {
    const adapter = page(
      CONVERSATION.replace('</header>', '<span class="order-id" data-order="X-1">X-1</span></header>'),
    );
    expect(capturePage(adapter, window, 'promise')).toMatchObject({ ok: true, capture: { orderId: 'X-1' } });
  });

  it('no conversation open → noConversation; nothing to take → empty', () => {
    expect(capturePage(page('<p>请选择一个会话</p>'), window, 'promise')).toEqual({
      ok: false,
      error: 'noConversation',
    });
    const quiet = page(
      '<header class="chat-header"><span class="nick">A</span></header><div class="chat-log"></div><textarea id="reply"></textarea>',
    );
    expect(capturePage(quiet, window, 'promise')).toEqual({ ok: false, error: 'empty' });
    expect(capturePage(quiet, window, 'feedback')).toEqual({ ok: false, error: 'empty' });
  });
});

describe('findOrderId', () => {
  it.each([
    ['订单号：3312456789012345678 麻烦查一下', '3312456789012345678'],
    ['单号 SF1234567890', 'SF1234567890'],
    ['order #A-10293 still not here', 'A-10293'],
    ['Order number: 778899', '778899'],
    ['我的是 331245678901234567', '331245678901234567'],
    ['电话 13812345678 联系我', undefined],
    ['明天下午3点', undefined],
    ['order placed yesterday', undefined],
  ])('%s → %s', (text, id) => expect(findOrderId(text)).toBe(id));
});
