/**
 * Only the agent's own input acts for the agent. Events a page script makes (`el.click()`,
 * `dispatchEvent(new MouseEvent('click'))`, a synthetic KeyboardEvent) have `isTrusted` false: a chat
 * widget, an XSS or another extension on the console must not log, edit or undo promises, spend the gift
 * budget, insert text or start teach mode. Works for DOM events and React's synthetic events.
 */
export interface MaybeTrusted {
  isTrusted: boolean;
  /** React's synthetic events: the browser's event. */
  nativeEvent?: { isTrusted: boolean };
}

export function isTrusted(e: MaybeTrusted | null | undefined): boolean {
  return (e?.nativeEvent ?? e)?.isTrusted === true;
}

/** `handler` runs only for events the browser made from real input; other events are ignored. */
export function trusted<E extends MaybeTrusted>(handler: (e: E) => void): (e: E) => void {
  return (e) => {
    if (isTrusted(e)) handler(e);
  };
}
