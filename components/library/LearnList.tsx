/**
 * Learning: buyer messages the engine ranked low or missed, that the agent answered with a script.
 * One click adds the message as a new question of that script (in the agent's own layer).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { db } from '@/lib/db/db';
import { t } from '@/lib/i18n';
import { loadAllPacks } from '@/lib/library/packs';
import { acceptLearn, dismissLearn, learnCandidates, type LearnCandidate } from '@/lib/library/usage';
import { clip } from './format';
import { notifyLibraryChanged } from './notify';

export function LearnList() {
  const packs = useLiveQuery(() => loadAllPacks(db), []);
  const inserts = useLiveQuery(() => db.usage.where('kind').equals('insert').toArray(), []);
  const [error, setError] = useState('');
  const [edited, setEdited] = useState<Record<string, string>>({});
  const candidates = useMemo(
    () =>
      packs && inserts
        ? learnCandidates(
            inserts,
            packs.map((p) => p.pack),
          )
        : undefined,
    [packs, inserts],
  );
  if (!candidates) return null;

  const keyOf = (c: LearnCandidate) => `${c.packId}/${c.scriptId}/${c.wording}`;
  async function accept(c: LearnCandidate) {
    const r = await acceptLearn(db, c, edited[keyOf(c)] ?? c.wording);
    setError(r.ok ? '' : r.errors.join('; '));
    if (r.ok) await notifyLibraryChanged();
  }

  return (
    <section className="hs-card" data-testid="learn-list">
      <h3>{t('libLearnTitle')}</h3>
      <p className="hs-muted">{t('libLearnHelp')}</p>
      {candidates.length === 0 && <p data-testid="learn-empty">{t('libLearnEmpty')}</p>}
      {error && (
        <p role="alert" className="hs-errors">
          {error}
        </p>
      )}
      <ul className="hs-scripts">
        {candidates.slice(0, 100).map((c, i) => (
          <li key={keyOf(c)} data-testid={`learn-item-${i}`}>
            <div className="hs-quote">“{clip(c.message, 120)}”</div>
            <label>
              <span className="hs-muted">{t('libLearnWording')}</span>
              <input
                value={edited[keyOf(c)] ?? c.wording}
                onChange={(e) => setEdited((x) => ({ ...x, [keyOf(c)]: e.target.value }))}
                data-testid={`learn-wording-${i}`}
              />
            </label>
            <div className="hs-muted">
              → <b>{clip(c.title, 40)}</b> · {t('libLearnCount', c.count)} ·{' '}
              {c.rank < 0 ? t('libLearnMissed') : t('libLearnRank', c.rank + 1)}
            </div>
            <div className="hs-actions hs-small">
              <button className="hs-primary" data-testid={`learn-add-${i}`} onClick={() => accept(c)}>
                {t('libLearnAdd')}
              </button>
              <button data-testid={`learn-dismiss-${i}`} onClick={() => dismissLearn(db, c)}>
                {t('libLearnDismiss')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
