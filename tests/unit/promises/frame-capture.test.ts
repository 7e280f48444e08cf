import type { CaptureResult } from '@/lib/promises/capture';
import { pickCapture, type FrameAnswer } from '@/lib/promises/frame-capture';

const ok = (source: 'selection' | 'replyBox' | 'lastAgentMessage'): CaptureResult => ({
  ok: true,
  capture: { text: source, source, url: 'https://desk.example.com/' },
});
const err = (error: 'empty' | 'noConversation'): CaptureResult => ({ ok: false, error });
const a = (frameId: number, result: CaptureResult): FrameAnswer => ({ frameId, result });

describe('pickCapture', () => {
  it.each([
    [
      'the chat frame’s reply box over the shell’s "no conversation"',
      [a(4, ok('replyBox')), a(0, err('noConversation'))],
      4,
    ],
    ['…whatever the order of the answers', [a(0, err('noConversation')), a(4, ok('replyBox'))], 4],
    ['a selection in the shell over the chat frame’s reply box', [a(4, ok('replyBox')), a(0, ok('selection'))], 0],
    [
      '"nothing to log" from the chat frame over the shell’s "no conversation"',
      [a(0, err('noConversation')), a(4, err('empty'))],
      4,
    ],
    ['the first of equals (most recent chat frame)', [a(7, ok('lastAgentMessage')), a(4, ok('replyBox'))], 7],
    ['the top frame alone', [a(0, err('noConversation'))], 0],
  ])('%s', (_, answers, frameId) => {
    expect(pickCapture(answers)?.frameId).toBe(frameId);
  });

  it('nothing answered: undefined', () => {
    expect(pickCapture([])).toBeUndefined();
  });
});
