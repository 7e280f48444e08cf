/**
 * Content side of the promise log and feedback: answers the background's capturePage (keyboard
 * shortcuts), shows the toast (own open shadow root, testid "huashu-toast") with Undo / Edit / the
 * department, offers "log this promise" for an agent message that reads like one, and backs the
 * card's "log promise" / "file feedback" buttons. All storage happens in the background.
 *
 * Wiring (entrypoints/content/index.tsx): `const stop = setupPromises(ctx, adapter)`, the watcher's
 * `onAgentMessage: offerPromise`, the card's buttons: `logPromiseFromCard()`, `logFeedbackFromCard()`.
 */
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Toast, type ToastError, type ToastState } from '@/components/promises/Toast';
import toastCss from '@/components/promises/toast.css?inline';
import { pageUiHost } from '@/components/shared/page-ui-host';
import type { ChatMessage, ConsoleAdapter } from '@/lib/consoles/types';
import { getLocale, setLocale } from '@/lib/i18n';
import {
  onMessage,
  sendMessage,
  type LogFeedbackResult,
  type LogPromiseResult,
  type PageCapture,
} from '@/lib/messaging';
import { capturePage, orderIdFor, type CaptureKind } from '@/lib/promises/capture';
import { deliver, type Delivery } from '@/lib/promises/deliver';
import { newUid } from '@/lib/db/rows';
import { insertText } from '@/lib/insert';
import { detectPromise } from '@/lib/promises/promise-detect';
import { parseDue } from '@/lib/promises/due';
import { resolveTimeZone } from '@/lib/time/civil';
import { DEFAULT_SETTINGS, getSettings } from '@/lib/settings';

interface Session {
  ctx: ContentScriptContext;
  adapter: ConsoleAdapter;
  ui?: Promise<ShadowRootContentScriptUi<Root>>;
  state?: ToastState;
  /** What the "log this promise" offer would log. */
  offer?: PageCapture;
  timeZone: string;
  stops: (() => void)[];
}

let session: Session | undefined;

/** Start the promise log on a console page. Returns the stop function (also called when ctx ends). */
export function setupPromises(ctx: ContentScriptContext, adapter: ConsoleAdapter): () => void {
  session?.stops.forEach((s) => s());
  const s: Session = { ctx, adapter, timeZone: resolveTimeZone(''), stops: [] };
  session = s;
  void getSettings().then((settings) => {
    s.timeZone = resolveTimeZone(settings.timeZone);
    setLocale(settings.uiLanguage);
  });
  s.stops.push(
    onMessage('capturePage', ({ data }) => capturePage(adapter, window, data.kind)),
    // "Contact the buyer": the follow-up goes into the reply box the usual way; the agent sends it.
    onMessage('insertReply', async ({ data }) => {
      const box = adapter.replyBox();
      if (!box || typeof data?.text !== 'string' || !data.text) return { ok: false, error: 'noBox' };
      const r = await insertText(box, data.text);
      return r.method ? { ok: true, method: r.method } : { ok: false, error: 'noBox', copied: r.copied };
    }),
    onMessage('showLogResult', ({ data }) => {
      if (data.kind === 'promise') showPromiseResult(data.result);
      else showFeedbackResult(data.result);
    }),
  );
  const stop = () => {
    if (session !== s) return;
    s.stops.forEach((fn) => fn());
    void s.ui?.then((ui) => ui.remove());
    session = undefined;
  };
  ctx.onInvalidated(stop);
  return stop;
}

/** The watcher's onAgentMessage: a sent message that reads like a promise gets a one-click offer. */
export function offerPromise(message: ChatMessage): void {
  const s = session;
  if (!s || message.from !== 'agent' || !detectPromise(message.text).isPromise) return;
  s.offer = {
    text: message.text,
    source: 'offer',
    buyer: s.adapter.conversationName(),
    orderId: orderIdFor(s.adapter, message.text),
    consoleId: s.adapter.id,
    url: location.href,
  };
  // A preview only: the background reads the due time again when the promise is logged.
  void getSettings()
    .catch(() => DEFAULT_SETTINGS)
    .then(({ shift }) => {
      const { due, explicit } = parseDue(message.text.slice(0, 2000), {
        now: Date.now(),
        timeZone: s.timeZone,
        shiftEnd: shift.end,
      });
      show({ kind: 'offer', text: message.text, due, dueExplicit: explicit });
    });
}

/** The card's "log promise" button: same capture as the shortcut. */
export function logPromiseFromCard(): Promise<void> {
  return logFromPage('promise');
}

/** The card's "file feedback" button. */
export function logFeedbackFromCard(): Promise<void> {
  return logFromPage('feedback');
}

async function logFromPage(kind: CaptureKind): Promise<void> {
  const s = session;
  if (!s) return;
  const captured = capturePage(s.adapter, window, kind);
  if (!captured.ok) {
    show({ kind: 'error', error: captured.error, what: kind });
    return;
  }
  const capture: PageCapture = {
    ...captured.capture,
    source: captured.capture.source === 'selection' ? 'selection' : 'card',
  };
  if (kind === 'promise') await logPromise(capture);
  else {
    const withIds: PageCapture = { ...capture, uid: newUid(), ownerKey: newUid() };
    showFeedbackResult(await send(() => sendMessage('logFeedback', withIds)));
  }
}

/**
 * Log a promise with an id and a key of its own, so that the retries (the service worker may stop under the
 * message) store it once; the toast says "logged" only when the background answered that it was stored.
 */
async function logPromise(capture: PageCapture): Promise<void> {
  const withIds: PageCapture = { ...capture, uid: capture.uid ?? newUid(), ownerKey: capture.ownerKey ?? newUid() };
  const r = await send(() => sendMessage('logPromise', withIds));
  if (!r.ok && r.error === 'unconfirmed')
    show({ kind: 'error', error: 'unconfirmed', what: 'promise', retry: withIds });
  else showPromiseResult(r);
}

type Failed = { ok: false; error: ToastError };

const contextAlive = () => {
  try {
    return !!browser.runtime?.id;
  } catch {
    return false;
  }
};

/** The background's answer, or why there is none (lib/promises/deliver.ts): for messages safe to repeat. */
async function send<T extends { ok: boolean }>(fn: () => Promise<T>): Promise<T | Failed> {
  const d: Delivery<T> = await deliver(fn, {
    contextAlive,
    wait: (ms) => new Promise((ok) => setTimeout(ok, ms)),
    onRetry: (n, e) => console.info(`[huashu] background did not answer (attempt ${n}), retrying`, e),
  });
  if (d.kind === 'ok') return d.value;
  if (d.kind === 'gone') return { ok: false, error: d.sent ? 'disconnectedUnsure' : 'disconnected' };
  console.warn('[huashu] background unreachable', d.error);
  return { ok: false, error: 'unconfirmed' };
}

function showPromiseResult(result: LogPromiseResult | Failed) {
  show(
    result.ok ? { kind: 'promise', promise: result.promise } : { kind: 'error', error: result.error, what: 'promise' },
  );
}

function showFeedbackResult(result: LogFeedbackResult | Failed) {
  show(
    result.ok
      ? { kind: 'feedback', feedback: result.feedback }
      : { kind: 'error', error: result.error, what: 'feedback' },
  );
}

function mountUi(s: Session): Promise<ShadowRootContentScriptUi<Root>> {
  s.ui ??= createShadowRootUi(s.ctx, {
    ...pageUiHost('huashu-toast'),
    css: toastCss,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // Keys typed in the toast's fields must not reach the console's own shortcuts.
    isolateEvents: true,
    onMount: (container, _shadow, host) => {
      host.setAttribute('data-huashu-ui', 'toast');
      return createRoot(container);
    },
    onRemove: (root) => root?.unmount(),
  }).then((ui) => {
    ui.mount();
    return ui;
  });
  return s.ui;
}

function show(state: ToastState | undefined) {
  const s = session;
  if (!s) return;
  s.state = state;
  void mountUi(s).then((ui) => render(s, ui));
}

function render(s: Session, ui: ShadowRootContentScriptUi<Root>) {
  const root = ui.mounted;
  if (!root || session !== s) return;
  const state = s.state;
  // Committed at once: each result of a quick burst of loggings reaches the screen (and its automation),
  // rather than only the last of the answers that arrived before React rendered.
  flushSync(() => paint(s, root, state));
}

function paint(s: Session, root: Root, state: ToastState | undefined) {
  if (!state) {
    root.render(null);
    return;
  }
  root.render(
    createElement(Toast, {
      // A new logging resets the toast (editing state, timer).
      key: state.kind === 'promise' ? state.promise.uid : state.kind === 'feedback' ? state.feedback.uid : state.kind,
      state,
      lang: getLocale(),
      timeZone: s.timeZone,
      now: Date.now(),
      onClose: () => show(undefined),
      onUndo: () => void undo(state),
      onEditPromise: (patch) => {
        if (state.kind !== 'promise') return;
        const { uid, ownerKey } = state.promise;
        void send(() => sendMessage('updatePromise', { uid, ownerKey, patch })).then((r) =>
          show(
            r.ok
              ? { kind: 'promise', promise: r.promise, note: 'saved' }
              : { kind: 'error', error: r.error, what: 'promise' },
          ),
        );
      },
      onChangeDepartment: (department) => {
        if (state.kind !== 'feedback') return;
        const { uid, ownerKey } = state.feedback;
        void send(() => sendMessage('updateFeedback', { uid, ownerKey, patch: { department } })).then(
          showFeedbackResult,
        );
      },
      onLogOffer: () => {
        const capture = s.offer;
        if (!capture) return;
        s.offer = undefined;
        void logPromise(capture);
      },
      onRetry: () => {
        if (state.kind === 'error' && state.retry) void logPromise(state.retry);
      },
    }),
  );
}

async function undo(state: ToastState) {
  const r =
    state.kind === 'promise'
      ? await send(() => sendMessage('undoPromise', { uid: state.promise.uid, ownerKey: state.promise.ownerKey }))
      : state.kind === 'feedback'
        ? await send(() => sendMessage('undoFeedback', { uid: state.feedback.uid, ownerKey: state.feedback.ownerKey }))
        : undefined;
  if (!r) return;
  const what = state.kind === 'feedback' ? 'feedback' : 'promise';
  show(
    r.ok
      ? { kind: 'undone', what }
      : { kind: 'error', error: 'error' in r ? (r.error as ToastError) : 'notFound', what },
  );
}
