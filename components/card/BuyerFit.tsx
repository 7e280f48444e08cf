/**
 * The card's reading of the buyer (issue 14): the calming opener put before the answer for an upset or
 * anxious buyer, the buyer-type hint line, and the short / detailed switch. Small and presentational, like
 * Card.tsx: the model comes in, clicks go out through `actions`.
 */
import { t, type MessageKey } from '@/lib/i18n';
import type { BuyerType } from '@/lib/match/buyer-type';
import { pickOpener } from '@/lib/match/openers';
import type { SuggestionView } from '@/lib/messaging';
import { trusted } from '@/lib/trusted';
import { hasStyleChoice, pickAnswer } from './logic';
import type { CardActions, CardModel } from './types';

const keepFocus = (e: React.MouseEvent) => e.preventDefault();

/**
 * The opener that goes before the top suggestion's answer (inserted with it), with what the emotion asks.
 * `compact` (the strip): the opener alone on one line, so the strip shows what its Alt+1…3 insert too.
 */
export function EmotionOpener({
  model,
  top,
  compact = false,
}: {
  model: CardModel;
  top: SuggestionView | undefined;
  compact?: boolean;
}) {
  const emotion = model.reply?.emotion;
  if (model.status !== 'ready' || !top || (emotion !== 'upset' && emotion !== 'anxious')) return null;
  const { lang } = pickAnswer(top.script, model.tone, model.style);
  const opener = pickOpener(model.reply?.openers, top.script, model.tone, lang);
  if (compact)
    return opener ? (
      <p
        className="hs-hint hs-opener hs-compact-line"
        data-testid="huashu-emotion"
        data-emotion={emotion}
        role="note"
        title={t(emotion === 'upset' ? 'cardEmotionUpset' : 'cardEmotionAnxious')}
      >
        <span className="hs-text" data-testid="huashu-opener" data-apology={opener.apology}>
          <span className="hs-label">{t('cardOpenerLabel')}</span> {opener.text}
        </span>
      </p>
    ) : null;
  return (
    <p className="hs-hint hs-opener" data-testid="huashu-emotion" data-emotion={emotion} role="note">
      {t(emotion === 'upset' ? 'cardEmotionUpset' : 'cardEmotionAnxious')}
      {opener && <br />}
      {opener && (
        <span className="hs-text" data-testid="huashu-opener" data-apology={opener.apology}>
          <span className="hs-label">{t('cardOpenerLabel')}</span> {opener.text}
        </span>
      )}
    </p>
  );
}

const HINT: Record<BuyerType, MessageKey> = {
  impatient: 'cardBuyerImpatient',
  expert: 'cardBuyerExpert',
  picky: 'cardBuyerPicky',
  hesitant: 'cardBuyerHesitant',
  suspicious: 'cardBuyerSuspicious',
};

/** One line naming the kind of buyer and how to answer them (none: no line). */
export function BuyerHint({ model }: { model: CardModel }) {
  const type = model.reply?.buyerType;
  if (model.status !== 'ready' || !model.reply?.needsAnswer || !type || type === 'none') return null;
  return (
    <p className="hs-hint" data-testid="huashu-buyer-type" data-buyer-type={type} role="note">
      {t(HINT[type])}
    </p>
  );
}

/** Short ↔ detailed, in one click, when the top script has both variants. */
export function StyleSwitch({
  model,
  actions,
  top,
}: {
  model: CardModel;
  actions: CardActions;
  top: SuggestionView | undefined;
}) {
  if (!top || model.collapsed || !hasStyleChoice(top.script)) return null;
  const style = pickAnswer(top.script, model.tone, model.style).style ?? 'short';
  return (
    <button
      type="button"
      className="hs-tone"
      data-testid="huashu-style"
      data-style={style}
      title={t('cardStyleSwitch')}
      onMouseDown={keepFocus}
      onClick={trusted(() => actions.setStyle(style === 'short' ? 'detailed' : 'short'))}
    >
      {style === 'short' ? t('cardStyleShort') : t('cardStyleDetailed')}
    </button>
  );
}
