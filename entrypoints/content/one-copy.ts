/**
 * One running copy of the content script per frame, and only Huashu decides which.
 *
 * WXT's ctx stops an older copy when a newer one announces itself with a DOM CustomEvent on `document`
 * (`<extension id>:content:wxt:content-script-started`). The page can dispatch that event too (the name is
 * public, the id of the running copy is not checked) and so switch Huashu off. Instead: the ctx ignores every
 * such event, and a copy started later (the background's executeScript when a site is enabled on an open tab)
 * stops the one before through the isolated world's own global object, which copies of this extension in one
 * frame share and the page cannot see or reach.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** The same key for every copy; knowing it gives the page nothing: the object it sits on is not the page's window. */
const RUNNING = Symbol.for('huashu.content.running');

type Scope = Record<typeof RUNNING, (() => void) | undefined>;

/**
 * Must run synchronously at the start of `main` (no await before it): WXT created the ctx in the same task,
 * so no page event can arrive in between.
 */
export function becomeTheOnlyCopy(ctx: ContentScriptContext, scope: object = globalThis): void {
  // A started-event, whoever dispatched it, never invalidates this copy (WXT's check, replaced).
  ctx.verifyScriptStartedEvent = () => false;
  const world = scope as Scope;
  const previous = world[RUNNING];
  const stop = () => ctx.notifyInvalidated();
  world[RUNNING] = stop;
  ctx.onInvalidated(() => {
    if (world[RUNNING] === stop) world[RUNNING] = undefined;
  });
  previous?.();
}
