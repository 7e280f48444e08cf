/**
 * The suggestion card (rendered in an open shadow root by the content script). Presentational: the
 * model comes in, clicks go out through `actions`. Buttons keep the focus in the console's reply box
 * (mousedown is cancelled), so an insert lands at the agent's caret. Only real input acts (lib/trusted.ts):
 * a page script's `el.click()` on a button does nothing.
 */
import { useEffect, useState } from 'react';
import { t, type MessageKey } from '@/lib/i18n';
import { fillPlaceholders } from '@/lib/insert/placeholders';
import type { FeaturedPick } from '@/lib/match/types';
import type { SuggestionView } from '@/lib/messaging';
import { trusted } from '@/lib/trusted';
import { BuyerHint, EmotionOpener, StyleSwitch } from './BuyerFit';
import { ExtraLines, ReviewHint } from './Extras';
import { compensationsWithin, followUpText, hasToneChoice, pickAnswer } from './logic';
import type { CardActions, CardModel, OpenQuestion } from './types';

const keepFocus = (e: React.MouseEvent) => e.preventDefault();

/** Suggestions shown for each earlier question of the buyer's turn (the newest question shows all). */
const EARLIER_SUGGESTIONS = 2;
/** The strip shows the newest question's top three and one suggestion for each earlier question. */
const STRIP_SUGGESTIONS = 3;
const STRIP_EARLIER_SUGGESTIONS = 1;

const NOTICE_TEXT: Record<NonNullable<CardModel['notice']>, MessageKey> = {
  noReplyBox: 'cardNoReplyBox',
  insertCopied: 'cardInsertCopied',
  insertFailed: 'cardInsertFailed',
};

function Suggestion({
  s,
  rank,
  model,
  actions,
  question,
  offset = 0,
  compact = false,
}: {
  s: SuggestionView;
  rank: number;
  model: CardModel;
  actions: CardActions;
  /** Set for an earlier question of the turn: no Alt shortcut (those insert the newest question's answers). */
  question?: string;
  /** Shortcuts taken before this list (the featured product takes Alt+1). */
  offset?: number;
  /** One line in the strip: shortcut, title, the first words of the answer. */
  compact?: boolean;
}) {
  const key = question === undefined;
  // The buyer type's length (short / detailed) applies to the newest question's answers.
  const answer = pickAnswer(s.script, model.tone, key ? model.style : undefined);
  const n = rank + 1 + offset;
  const shortcut = key && n <= 3;
  const text = fillPlaceholders(answer.text, model.placeholders);
  return (
    <li>
      <button
        type="button"
        className={compact ? 'hs-suggestion hs-compact' : 'hs-suggestion'}
        data-testid="huashu-suggestion"
        data-script-id={s.scriptId}
        data-pack-id={s.packId}
        data-tone={answer.tone}
        data-style={answer.style}
        aria-keyshortcuts={shortcut ? `Alt+${n}` : undefined}
        title={compact ? text : undefined}
        onMouseDown={keepFocus}
        onClick={trusted(() => (key ? actions.insertAnswer(s, rank) : actions.insertAnswer(s, rank, question)))}
      >
        {compact ? (
          <>
            {shortcut && <kbd>Alt+{n}</kbd>}
            <span className="hs-title">{s.title}</span>
          </>
        ) : (
          <span className="hs-row">
            <span className="hs-title">{s.title}</span>
            <span className="hs-conf" title={t('cardConfidence', Math.round(s.confidence * 100))}>
              {Math.round(s.confidence * 100)}%
            </span>
            {shortcut && <kbd>Alt+{n}</kbd>}
          </span>
        )}
        <span className="hs-text">{text}</span>
      </button>
    </li>
  );
}

/** A hesitant buyer gets the multiple-choice follow-up first (before the answers). */
const followUpsFirst = (model: CardModel) => model.reply?.buyerType === 'hesitant';

/** The selected suggestion's multiple-choice follow-ups, as chips. */
function FollowUps({ s, actions }: { s: SuggestionView; actions: CardActions }) {
  if (s.script.followUps.length === 0) return null;
  return (
    <div className="hs-chips" aria-label={t('cardFollowUps')}>
      <span className="hs-label">{t('cardFollowUps')}</span>
      {s.script.followUps.map((f, i) => (
        <button
          key={i}
          type="button"
          className="hs-chip"
          data-testid="huashu-followup"
          title={followUpText(f)}
          onMouseDown={keepFocus}
          onClick={trusted(() => actions.insertFollowUp(s, f))}
        >
          {f.text}
          {f.options.length > 0 && <span className="hs-options">{f.options.join(' / ')}</span>}
        </button>
      ))}
    </div>
  );
}

function Extras({ model, actions }: { model: CardModel; actions: CardActions }) {
  const s = model.reply?.suggestions[model.selected];
  if (!s) return null;
  const { shown, overBudget } = compensationsWithin(s.script, model.budgetLeft);
  const offerCompensations = s.script.refusal || model.showCompensations;
  return (
    <>
      <ExtraLines s={s} actions={actions} />
      {!followUpsFirst(model) && <FollowUps s={s} actions={actions} />}
      {s.script.compensations.length > 0 && !offerCompensations && (
        <button
          type="button"
          className="hs-link"
          data-testid="huashu-compensations-toggle"
          onMouseDown={keepFocus}
          onClick={trusted(actions.toggleCompensations)}
        >
          {t('cardIfRefused', s.script.compensations.length)}
        </button>
      )}
      {offerCompensations && (shown.length > 0 || overBudget > 0) && (
        <div className="hs-comp" aria-label={t('cardCompensations')}>
          <span className="hs-label">{t('cardCompensations')}</span>
          {shown.map((c, i) => (
            <button
              key={i}
              type="button"
              className={`hs-chip hs-${c.kind}`}
              data-testid="huashu-compensation"
              data-kind={c.kind}
              onMouseDown={keepFocus}
              onClick={trusted(() => actions.insertCompensation(s, c))}
            >
              <span className="hs-kind">{c.kind === 'gift' ? t('cardGift') : t('cardShift')}</span>
              {c.text}
              {c.kind === 'gift' && c.cost !== undefined && (
                <span className="hs-options">{t('cardGiftCost', c.cost)}</span>
              )}
            </button>
          ))}
          {overBudget > 0 && (
            <span className="hs-muted" data-testid="huashu-over-budget">
              {t('cardOverBudget', overBudget)}
            </span>
          )}
        </div>
      )}
    </>
  );
}

/** The featured product's pitch, first on a choice question ("which model should I take"): Alt+1. */
function FeaturedPitch({
  f,
  model,
  actions,
  compact = false,
}: {
  f: FeaturedPick;
  model: CardModel;
  actions: CardActions;
  compact?: boolean;
}) {
  const pitch = fillPlaceholders(f.pitch, model.placeholders);
  if (compact)
    return (
      <button
        type="button"
        className="hs-suggestion hs-featured hs-compact"
        data-testid="huashu-featured"
        data-featured-id={f.id}
        data-pack-id={f.packId}
        aria-keyshortcuts="Alt+1"
        title={pitch}
        onMouseDown={keepFocus}
        onClick={trusted(() => actions.insertFeatured(f))}
      >
        <kbd>Alt+1</kbd>
        <span className="hs-badge">{t('cardFeatured')}</span>
        <span className="hs-title">{f.name}</span>
        <span className="hs-text">{pitch}</span>
      </button>
    );
  return (
    <button
      type="button"
      className="hs-suggestion hs-featured"
      data-testid="huashu-featured"
      data-featured-id={f.id}
      data-pack-id={f.packId}
      aria-keyshortcuts="Alt+1"
      onMouseDown={keepFocus}
      onClick={trusted(() => actions.insertFeatured(f))}
    >
      <span className="hs-row">
        <span className="hs-badge">{t('cardFeatured')}</span>
        <span className="hs-title">{f.name}</span>
        <kbd>Alt+1</kbd>
      </span>
      <span className="hs-text">{pitch}</span>
    </button>
  );
}

/** The buyer message a group of suggestions answers. */
function Asked({ text }: { text: string }) {
  return (
    <p className="hs-asked" data-testid="huashu-question-text" title={text}>
      {text}
    </p>
  );
}

/** An earlier question of the buyer's open turn, with its own suggestions (not a question: not shown). */
function Earlier({
  q,
  model,
  actions,
  compact = false,
}: {
  q: OpenQuestion;
  model: CardModel;
  actions: CardActions;
  compact?: boolean;
}) {
  if (q.status === 'ready' && !q.reply?.needsAnswer) return null;
  const suggestions = q.reply?.needsAnswer
    ? q.reply.suggestions.slice(0, compact ? STRIP_EARLIER_SUGGESTIONS : EARLIER_SUGGESTIONS)
    : [];
  return (
    <section className="hs-question hs-earlier" data-testid="huashu-question" data-status={q.status}>
      <Asked text={q.message} />
      {q.status === 'loading' && <p className="hs-muted">{t('cardLoading')}</p>}
      {q.status === 'error' && <p className="hs-muted">{t('cardError')}</p>}
      {q.status === 'ready' && suggestions.length === 0 && <p className="hs-muted">{t('cardNothing')}</p>}
      {suggestions.length > 0 && (
        <ol className="hs-list">
          {suggestions.map((s, i) => (
            <Suggestion
              key={`${s.packId}/${s.scriptId}`}
              s={s}
              rank={i}
              model={model}
              actions={actions}
              question={q.message}
              compact={compact}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function Search({ model, actions }: { model: CardModel; actions: CardActions }) {
  const { results } = model.search;
  return (
    <div className="hs-search">
      <input
        type="search"
        data-testid="huashu-search"
        placeholder={t('cardSearch')}
        aria-label={t('cardSearch')}
        value={model.search.query}
        onChange={(e) => actions.search(e.target.value)}
        onKeyDown={trusted((e: React.KeyboardEvent) => {
          if (e.key === 'Enter' && results[0]) actions.insertSearchResult(results[0], 0);
        })}
      />
      {results.length > 0 && (
        <ul className="hs-results">
          {results.map((s, i) => (
            <li key={`${s.packId}/${s.scriptId}`}>
              <button
                type="button"
                data-testid="huashu-search-result"
                data-script-id={s.scriptId}
                onMouseDown={keepFocus}
                onClick={trusted(() => actions.insertSearchResult(s, i))}
              >
                <span className="hs-title">{s.title}</span>
                <span className="hs-text">
                  {fillPlaceholders(pickAnswer(s.script, model.tone).text, model.placeholders)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {model.search.status === 'done' && model.search.query.trim() !== '' && results.length === 0 && (
        <p className="hs-muted">{t('cardNoResults')}</p>
      )}
    </div>
  );
}

/** The newest question of the turn with its suggestions (the featured pitch first); the strip shows three. */
function Newest({ model, actions, compact }: { model: CardModel; actions: CardActions; compact: boolean }) {
  const all = model.reply?.needsAnswer ? model.reply.suggestions : [];
  const suggestions = compact ? all.slice(0, STRIP_SUGGESTIONS) : all;
  const featured = model.status === 'ready' && model.reply?.needsAnswer ? model.reply.featured : undefined;
  if (model.status === 'idle') return null;
  return (
    <section className="hs-question" data-testid="huashu-question" data-status={model.status}>
      {model.earlier.length > 0 && model.message !== undefined && <Asked text={model.message} />}
      {model.status === 'loading' && (
        <p className="hs-muted" data-testid="huashu-loading">
          {t('cardLoading')}
        </p>
      )}
      {model.status === 'error' && (
        <p className="hs-muted" data-testid="huashu-error">
          {t('cardError')}
        </p>
      )}
      {model.status === 'ready' && suggestions.length === 0 && !featured && (
        <p className="hs-muted" data-testid="huashu-empty">
          {t('cardNothing')}
        </p>
      )}
      {featured && <FeaturedPitch f={featured} model={model} actions={actions} compact={compact} />}
      {!compact && suggestions[0] && followUpsFirst(model) && (
        <FollowUps s={suggestions[model.selected] ?? suggestions[0]} actions={actions} />
      )}
      {suggestions.length > 0 && (
        <ol className="hs-list">
          {suggestions.map((s, i) => (
            <Suggestion
              key={`${s.packId}/${s.scriptId}`}
              s={s}
              rank={i}
              model={model}
              actions={actions}
              offset={featured ? 1 : 0}
              compact={compact}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function Notices({ model }: { model: CardModel }) {
  return (
    <>
      {model.excuse && (
        <p className="hs-hint" data-testid="huashu-hint" role="note">
          {t('cardExcuseHint')}
        </p>
      )}
      {model.notice && (
        <p className="hs-hint" data-testid="huashu-notice" data-notice={model.notice} role="alert">
          {t(NOTICE_TEXT[model.notice])}
        </p>
      )}
    </>
  );
}

/** Hovering the strip's handle this long opens the full card (passing over it on the way to a row does not). */
const HOVER_OPEN_MS = 250;

/** One pending "open after hovering" at a time; cancelled when the pointer leaves or the card unmounts. */
function hoverIntent() {
  let timer: number | undefined;
  return {
    start(fn: () => void) {
      clearTimeout(timer);
      timer = window.setTimeout(fn, HOVER_OPEN_MS);
    },
    cancel: () => clearTimeout(timer),
  };
}

/**
 * The full card, or (layout `strip`, no free column beside the conversation) a compact strip docked to the
 * reply box: the top suggestions one line each, opened to the full card by hovering or clicking its handle,
 * or Alt+0. Collapsed (by the agent only), a bar with the brand and the number of suggestions.
 */
export function Card({ model, actions }: { model: CardModel; actions: CardActions }) {
  const [intent] = useState(hoverIntent);
  useEffect(() => intent.cancel, [intent]);
  const suggestions = model.reply?.needsAnswer ? model.reply.suggestions : [];
  const top = suggestions[model.selected] ?? suggestions[0];
  const strip = model.layout === 'strip' && !model.collapsed;
  const compact = strip && !model.open;
  const hoverOpen = trusted(() => intent.start(() => actions.setOpen('hover')));
  const hoverEnd = trusted(() => {
    intent.cancel();
    if (model.open === 'hover') actions.setOpen(false);
  });
  const handle = strip && (
    <button
      type="button"
      className={compact ? 'hs-handle' : 'hs-icon'}
      data-testid="huashu-expand"
      aria-expanded={!compact}
      aria-keyshortcuts="Alt+0"
      title={compact ? t('cardOpenFull') : t('cardToStrip')}
      onMouseDown={keepFocus}
      onMouseEnter={compact ? hoverOpen : undefined}
      onMouseLeave={compact ? intent.cancel : undefined}
      onClick={trusted(() => {
        intent.cancel();
        actions.setOpen(model.open === 'pinned' ? false : 'pinned');
      })}
    >
      {compact ? <strong className="hs-brand">{t('cardTitle')}</strong> : '↓'}
    </button>
  );
  const controls = (
    <>
      <button
        type="button"
        className="hs-icon"
        data-testid="huashu-collapse"
        aria-expanded={!model.collapsed}
        title={model.collapsed ? t('cardExpand') : t('cardCollapse')}
        onMouseDown={keepFocus}
        onClick={trusted(actions.toggleCollapsed)}
      >
        {model.collapsed ? '▴' : '▾'}
      </button>
      <button
        type="button"
        className="hs-icon"
        data-testid="huashu-close"
        title={t('cardHide')}
        onMouseDown={keepFocus}
        onClick={trusted(actions.hide)}
      >
        ×
      </button>
    </>
  );
  return (
    <section
      className="hs-card"
      data-testid="huashu-card"
      data-theme={model.theme}
      data-status={model.status}
      data-collapsed={model.collapsed}
      data-emotion={model.status === 'ready' ? model.reply?.emotion : undefined}
      data-layout={strip ? 'strip' : 'card'}
      data-open={strip ? !compact : undefined}
      hidden={model.hidden}
      aria-label={t('cardTitle')}
      lang={t('cardLang')}
      onMouseLeave={strip ? hoverEnd : undefined}
    >
      {compact ? (
        <div className="hs-strip" data-testid="huashu-strip">
          {handle}
          <div className="hs-strip-body">
            <Notices model={model} />
            <EmotionOpener model={model} top={top} compact />
            <Newest model={model} actions={actions} compact />
            {model.earlier.map((q) => (
              <Earlier key={q.seq} q={q} model={model} actions={actions} compact />
            ))}
            {model.status === 'idle' && <span className="hs-console">{consoleName(model)}</span>}
          </div>
          <div className="hs-strip-controls">{controls}</div>
        </div>
      ) : (
        <>
          <header className="hs-head">
            <strong className="hs-brand">{t('cardTitle')}</strong>
            <span className="hs-console" title={model.console.name}>
              {consoleName(model)}
              {model.console.source !== 'generic' && model.console.verified === false && (
                <span className="hs-badge" data-testid="huashu-unverified">
                  {t('cardUnverified')}
                </span>
              )}
            </span>
            {model.collapsed && suggestions.length > 0 && (
              <span className="hs-count" data-testid="huashu-count">
                {suggestions.length}
              </span>
            )}
            {top && hasToneChoice(top.script) && !model.collapsed && (
              <button
                type="button"
                className="hs-tone"
                data-testid="huashu-tone"
                data-tone={model.tone}
                title={t('cardToneSwitch')}
                onMouseDown={keepFocus}
                onClick={trusted(() => actions.setTone(model.tone === 'formal' ? 'friendly' : 'formal'))}
              >
                {model.tone === 'formal' ? t('cardToneFormal') : t('cardToneFriendly')}
              </button>
            )}
            <StyleSwitch model={model} actions={actions} top={top} />
            {handle}
            {controls}
          </header>
          {!model.collapsed && (
            <div className="hs-body">
              <Notices model={model} />
              <EmotionOpener model={model} top={top} />
              <BuyerHint model={model} />
              <ReviewHint model={model} />
              <Newest model={model} actions={actions} compact={false} />
              <Extras model={model} actions={actions} />
              {model.earlier.map((q) => (
                <Earlier key={q.seq} q={q} model={model} actions={actions} />
              ))}
              <Search model={model} actions={actions} />
            </div>
          )}
          {model.chatTools !== false && (
            <footer className="hs-foot">
              <button
                type="button"
                data-testid="huashu-log-promise"
                onMouseDown={keepFocus}
                onClick={trusted(actions.logPromise)}
              >
                {t('cardLogPromise')}
              </button>
              <button
                type="button"
                data-testid="huashu-log-feedback"
                onMouseDown={keepFocus}
                onClick={trusted(actions.logFeedback)}
              >
                {t('cardLogFeedback')}
              </button>
              <button type="button" data-testid="huashu-teach" onMouseDown={keepFocus} onClick={trusted(actions.teach)}>
                {t('cardTeach')}
              </button>
            </footer>
          )}
        </>
      )}
    </section>
  );
}

const consoleName = (model: CardModel) => (model.console.source === 'generic' ? t('cardGeneric') : model.console.name);
