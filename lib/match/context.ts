/**
 * What the conversation so far says about a buyer message (SuggestOptions.context). Only one reading for
 * now: right after the agent has replied, a message that opens with an acknowledgement (好的 / 好吧 / 嗯 /
 * ok …) and asks nothing is the buyer taking the reply in and deciding (好的那我取消, 好吧 我试试, 嗯嗯 那我买一个):
 * the agent needs no card for it. Without context the same message is matched as before, since on its own
 * 好的那我取消 may be a request to cancel.
 */
import { prepare } from './match-normalize';
import { MAX_CONTEXT_TURNS, type ContextTurn, type ConversationContext } from './types';

/** An acknowledgement at the start of the message, followed by a break, 那/我, or nothing. */
const ACK_START =
  /^(好的|好吧|好嘞|好滴|好哒|好|行吧|行|嗯+|恩+|哦+|噢+|ok|okay|那好|可以)(?=[\s,，.。!！~～]|那|我|$)/;

/** True when the newest row before the message is the agent's. */
export function afterAgentReply(context: ConversationContext | undefined): boolean {
  const last = context?.turns[context.turns.length - 1];
  return last?.from === 'agent';
}

/** The buyer acknowledges the agent's reply and asks nothing (the caller checks that no part is a question). */
export function isAcknowledgement(message: string, context: ConversationContext | undefined): boolean {
  if (!afterAgentReply(context)) return false;
  return ACK_START.test(prepare(message).replace(/^[\s亲]+/, ''));
}

/** A follow-up opens with 那 / 那要是 / 那如果 / 还 … or is short; its topic is in the buyer's earlier row. */
const FOLLOW_UP = /^(那|那要是|那如果|要是|如果|万一|还|再|然后)/;
const SHORT_FOLLOW_UP = 8;

/**
 * The buyer's newest earlier row, when `message` is a question (or ends in 呢) that reads as a follow-up to it (opens with
 * 那 / 要是 …, or is at most SHORT_FOLLOW_UP characters) and the agent has replied since: the engine then
 * matches the two together.
 */
export function followUpOf(
  message: string,
  kind: 'question' | 'request' | 'statement',
  context: ConversationContext | undefined,
): string | undefined {
  if (!afterAgentReply(context)) return undefined;
  const text = prepare(message).replace(/^[\s亲]+/, '');
  // X呢 asks (那明天呢) though detection reads 呢 as filler.
  if (kind !== 'question' && !/呢[\s?？~～]*$/.test(text)) return undefined;
  if (!FOLLOW_UP.test(text) && text.replace(/[\s\p{P}]/gu, '').length > SHORT_FOLLOW_UP) return undefined;
  const turns = context!.turns;
  for (let i = turns.length - 1; i >= 0; i--) if (turns[i].from === 'buyer') return turns[i].text;
  return undefined;
}

/** Longest row text the engine reads as context (a pasted order card or a long complaint is cut). */
export const MAX_CONTEXT_TEXT = 500;

/**
 * The context a content script sent, as the engine reads it: only well-formed rows, the newest
 * MAX_CONTEXT_TURNS, each cut to MAX_CONTEXT_TEXT characters; undefined when nothing usable came.
 */
export function contextFrom(value: unknown): ConversationContext | undefined {
  const turns = (value as { turns?: unknown } | null | undefined)?.turns;
  if (!Array.isArray(turns)) return undefined;
  const ok: ContextTurn[] = [];
  for (const t of turns.slice(-MAX_CONTEXT_TURNS)) {
    const from = (t as { from?: unknown } | null)?.from;
    const text = (t as { text?: unknown } | null)?.text;
    if ((from === 'buyer' || from === 'agent') && typeof text === 'string' && text.trim())
      ok.push({ from, text: text.slice(0, MAX_CONTEXT_TEXT) });
  }
  return ok.length ? { turns: ok } : undefined;
}
