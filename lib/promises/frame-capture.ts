/**
 * The log shortcuts with the chat in an iframe: the background asks the top frame and each frame that
 * watches a chat, then keeps one answer. A selection the agent made wins wherever it is; then text from a
 * conversation; then "nothing to log" from a frame that holds a conversation over "no conversation" from
 * a frame that holds none (the page shell must not win with an empty answer).
 */
import type { CaptureResult } from './capture';

export interface FrameAnswer {
  frameId: number;
  result: CaptureResult;
}

function rank({ result }: FrameAnswer): number {
  if (result.ok) return result.capture.source === 'selection' ? 0 : 1;
  return result.error === 'empty' ? 2 : 3;
}

/** The answer to use; among equals the first (callers list chat frames, most recent first, then the top). */
export function pickCapture(answers: readonly FrameAnswer[]): FrameAnswer | undefined {
  let best: FrameAnswer | undefined;
  for (const a of answers) if (!best || rank(a) < rank(best)) best = a;
  return best;
}
