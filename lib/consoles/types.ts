/**
 * How Huashu reads a chat console. One adapter per console profile, plus the generic and taught adapters;
 * console quirks stay here, out of the matcher and the UI.
 */
export interface ConsoleAdapter {
  /** Profile id, or "generic". */
  readonly id: string;
  readonly name: string;
  /** false for presets nobody checked on the live console (shown as "unverified"). */
  readonly verified?: boolean;
  /** The open conversation's message list, or null when none is open. */
  messageList(): Element | null;
  /** Message rows of the open conversation, oldest first. */
  messages(): Element[];
  /**
   * Optional, lets the watcher read only what changed: the rows `messages()` would list after `row` (or
   * before it), oldest first; null when the adapter cannot tell without listing every row.
   */
  messagesAfter?(row: Element): Element[] | null;
  messagesBefore?(row: Element): Element[] | null;
  isBuyer(row: Element): boolean;
  /** The text of one row (trimmed). */
  text(row: Element): string;
  /** The reply box (textarea, input or contenteditable), or null. */
  replyBox(): HTMLElement | null;
  /** The open conversation's name (buyer nickname), when known. */
  conversationName(): string | undefined;
  /** The order number visible in the open conversation, when known. */
  orderId(): string | undefined;
}

/** A message of the open conversation the agent has not seen Huashu answer yet (new, or in the open turn). */
export interface ChatMessage {
  text: string;
  from: 'buyer' | 'agent';
  /** Conversation key (buyer name or a stable fallback) — suggestions are kept per conversation. */
  conversation: string;
  row: Element;
  at: number;
  /** Read from the open turn when the conversation opened (it was on screen already), not a new row. */
  openTurn?: boolean;
}

export interface WatcherEvents {
  onBuyerMessage?(message: ChatMessage): void;
  /** The agent's own message (sent text), e.g. to offer "log this promise". */
  onAgentMessage?(message: ChatMessage): void;
  onConversationChange?(conversation: string): void;
  /**
   * The page was checked after a change (or on request): `fresh` rows were passed on as new. Lets tests and
   * tools wait for a positive signal before claiming that nothing happened.
   */
  onCheck?(fresh: number): void;
  /**
   * The open turn of the conversation just opened (or re-rendered) was read once its history settled:
   * `reported` buyer rows of it were passed on (0 when it was answered already or reported before).
   */
  onOpenTurn?(conversation: string, reported: number): void;
  /** The history of the open conversation has settled: rows read from now on may be new. */
  onSettled?(conversation: string): void;
}
