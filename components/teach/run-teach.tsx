/**
 * Teach mode on the page: the agent clicks the chat history, one buyer message and the reply box
 * (optionally the buyer's name); lib/consoles/teach.ts derives a profile, the panel shows what Huashu
 * now reads, and Save stores it for the site. Page clicks are swallowed while teaching; only the agent's
 * real clicks and keys pick, save or cancel (lib/trusted.ts).
 */
import { useEffect, useRef, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { sitePattern } from '@/lib/consoles/match-pattern';
import { deriveProfile, type TeachResult } from '@/lib/consoles/teach';
import { pickFor, summarize, type TeachStep, type TeachSummary } from '@/lib/consoles/teach-pick';
import { t, type MessageKey } from '@/lib/i18n';
import type { ConsoleProfile } from '@/lib/pack/schema';
import { report } from '@/lib/guard';
import { pageUiHost } from '@/components/shared/page-ui-host';
import { isTrusted, trusted } from '@/lib/trusted';

type Step = TeachStep | 'review';
const STEP_TEXT: Record<Exclude<Step, 'review'>, MessageKey> = {
  list: 'teachStepList',
  buyer: 'teachStepBuyer',
  reply: 'teachStepReply',
  name: 'teachStepName',
};
const PROBLEM_TEXT: Record<string, MessageKey> = {
  buyerNotInList: 'teachProblemBuyerNotInList',
  replyNotEditable: 'teachProblemReplyNotEditable',
  buyerNotDistinct: 'teachProblemBuyerNotDistinct',
  needAgentMessage: 'teachProblemNeedAgentMessage',
};

const CSS = `
.hs-teach{position:fixed;z-index:2147483001;top:12px;left:50%;transform:translateX(-50%);width:min(520px,calc(100vw - 24px));
 background:#fff;color:#1f2328;border:2px solid #e4572e;border-radius:10px;box-shadow:0 8px 30px rgb(0 0 0/.2);padding:10px 12px;
 font:13px/1.5 system-ui,-apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif}
.hs-teach h2{margin:0 0 4px;font-size:14px;color:#e4572e}.hs-teach p{margin:2px 0}.hs-teach ul{margin:4px 0;padding-left:18px}
.hs-teach .row{display:flex;gap:6px;justify-content:flex-end;margin-top:6px}
.hs-teach button{font:inherit;border:1px solid #d0d7de;border-radius:6px;background:#fff;padding:2px 10px;cursor:pointer}
.hs-teach button.primary{background:#e4572e;border-color:#e4572e;color:#fff}.hs-teach button:disabled{opacity:.5;cursor:default}
.hs-teach .problem{color:#a40e26}
.hs-hl{position:fixed;z-index:2147483000;pointer-events:none;border:2px dashed #e4572e;background:rgb(228 87 46/.08);border-radius:4px}`;

const isOurs = (e: Event) => e.composedPath().some((n) => n instanceof Element && n.hasAttribute('data-huashu-ui'));

function TeachPanel({ onFinish }: { onFinish(profile: ConsoleProfile | null): void }) {
  const [step, setStep] = useState<Step>('list');
  const [hover, setHover] = useState<DOMRect | null>(null);
  const [result, setResult] = useState<(TeachResult & { summary?: TeachSummary }) | null>(null);
  const picks = useRef<{ list?: Element; buyer?: Element; reply?: Element; name?: Element }>({});

  const review = () => {
    const { list, buyer, reply, name } = picks.current;
    // A srcdoc / about:blank frame belongs to its page's site (the background binds the profile to it).
    const pattern = sitePattern(location.href) ?? sitePattern(`${location.origin}/`) ?? `${location.origin}/*`;
    const r = deriveProfile(
      { list: list!, buyerMessage: buyer!, replyBox: reply!, conversationName: name },
      { url: location.href, pattern, name: document.title || location.hostname },
      document,
    );
    setResult({ ...r, summary: r.profile ? summarize(r.profile) : undefined });
    setStep('review');
    setHover(null);
  };

  useEffect(() => {
    if (step === 'review') return;
    const target = (e: Event) => e.composedPath()[0] as Element;
    const onMove = (e: MouseEvent) => {
      if (isOurs(e) || !(target(e) instanceof Element)) return setHover(null);
      setHover(pickFor(step as TeachStep, target(e)).getBoundingClientRect());
    };
    const swallow = (e: Event) => {
      if (isOurs(e)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    const onClick = (e: MouseEvent) => {
      if (isOurs(e) || !(target(e) instanceof Element)) return;
      // A page script's click is swallowed too, but picks nothing.
      if (!isTrusted(e)) return swallow(e);
      swallow(e);
      const el = pickFor(step as TeachStep, target(e));
      picks.current = { ...picks.current, [step]: el };
      if (step === 'list') setStep('buyer');
      else if (step === 'buyer') setStep('reply');
      else if (step === 'reply') setStep('name');
      else review();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && isTrusted(e)) {
        swallow(e);
        onFinish(null);
      }
    };
    const opts = { capture: true } as const;
    document.addEventListener('mousemove', onMove, opts);
    document.addEventListener('click', onClick, opts);
    for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup'] as const)
      document.addEventListener(type, swallow, opts);
    document.addEventListener('keydown', onKey, opts);
    return () => {
      document.removeEventListener('mousemove', onMove, opts);
      document.removeEventListener('click', onClick, opts);
      for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup'] as const)
        document.removeEventListener(type, swallow, opts);
      document.removeEventListener('keydown', onKey, opts);
    };
  }, [step, onFinish]);

  const restart = () => {
    picks.current = {};
    setResult(null);
    setStep('list');
  };

  return (
    <>
      {hover && (
        <div
          className="hs-hl"
          style={{ left: hover.left - 2, top: hover.top - 2, width: hover.width + 4, height: hover.height + 4 }}
        />
      )}
      <div
        className="hs-teach"
        data-testid="huashu-teach-panel"
        data-step={step}
        role="dialog"
        aria-label={t('teachTitle')}
      >
        <h2>{t('teachTitle')}</h2>
        {step !== 'review' && <p>{t(STEP_TEXT[step])}</p>}
        {step === 'review' && result && (
          <div data-testid="huashu-teach-summary">
            {result.summary && (
              <>
                <p>{t('teachReview')}</p>
                <ul>
                  <li>{t('teachSummary', result.summary.messages, result.summary.buyer)}</li>
                  {result.summary.lastBuyer && <li>{t('teachLastBuyer', result.summary.lastBuyer)}</li>}
                  <li>{result.summary.reply ? t('teachReplyFound') : t('teachReplyMissing')}</li>
                  {result.summary.name && <li>{t('teachBuyerName', result.summary.name)}</li>}
                </ul>
              </>
            )}
            {result.problems.map((p) => (
              <p key={p} className="problem" data-testid="huashu-teach-problem" data-problem={p}>
                {t(PROBLEM_TEXT[p] ?? 'teachProblemBuyerNotDistinct')}
              </p>
            ))}
          </div>
        )}
        <div className="row">
          {step === 'name' && (
            <button type="button" data-testid="huashu-teach-skip" onClick={(e) => isTrusted(e) && review()}>
              {t('teachSkip')}
            </button>
          )}
          {step !== 'list' && (
            <button type="button" data-testid="huashu-teach-redo" onClick={(e) => isTrusted(e) && restart()}>
              {t('teachRedo')}
            </button>
          )}
          <button type="button" data-testid="huashu-teach-cancel" onClick={trusted(() => onFinish(null))}>
            {t('teachCancel')}
          </button>
          {step === 'review' && (
            <button
              type="button"
              className="primary"
              data-testid="huashu-teach-save"
              disabled={!result?.profile}
              onClick={trusted(() => onFinish(result!.profile))}
            >
              {t('teachSave')}
            </button>
          )}
        </div>
      </div>
    </>
  );
}

/** Run one teach session; resolves with the profile to save, or null when cancelled. */
export async function runTeach(ctx: ContentScriptContext): Promise<ConsoleProfile | null> {
  let finish!: (p: ConsoleProfile | null) => void;
  const done = new Promise<ConsoleProfile | null>((ok) => (finish = ok));
  const ui = await createShadowRootUi<Root>(ctx, {
    ...pageUiHost('huashu-teach'),
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: CSS,
    isolateEvents: true,
    onMount(container, _shadow, host) {
      host.setAttribute('data-huashu-ui', 'teach');
      const root = createRoot(container);
      root.render(<TeachPanel onFinish={(p) => finish(p)} />);
      return root;
    },
    onRemove: (root) => root?.unmount(),
  });
  ui.mount();
  ctx.onInvalidated(() => finish(null));
  try {
    return await done;
  } catch (e) {
    report('teach', e);
    return null;
  } finally {
    ui.remove();
  }
}
