/** What Apply would do: added / changed (field by field) / removed scripts, other changes, conflicts. */
import { t, type MessageKey } from '@/lib/i18n';
import { resolutionOf, type PreviewSummary, type Resolution } from '@/lib/pack/merge';
import type { Script } from '@/lib/pack/schema';
import { clip, fieldText, scriptTitle } from './format';

interface Props {
  preview: PreviewSummary;
  resolutions: Record<string, Resolution>;
  onResolve: (scriptId: string, r: Resolution) => void;
}

export function PreviewView({ preview: p, resolutions, onResolve }: Props) {
  const more = (shown: number, total: number) =>
    total > shown ? <li className="hs-muted">{t('libMore', total - shown)}</li> : null;
  return (
    <div className="hs-preview" data-testid="pack-import-preview">
      <h4>
        {p.packName} <code>{p.packId}</code> — {t(p.isNew ? 'libPreviewNew' : 'libPreviewUpdate')}
      </h4>
      <p
        data-testid="preview-counts"
        data-added={p.counts.added}
        data-changed={p.counts.changed}
        data-removed={p.counts.removed}
        data-conflicts={p.conflicts.length}
      >
        {t('libPreviewCounts', p.scriptCount, p.counts.added, p.counts.changed, p.counts.removed)}
      </p>
      {p.identical && (
        <p className="hs-note" data-testid="preview-identical">
          {t('libPreviewIdentical')}
        </p>
      )}

      {p.conflicts.length > 0 && (
        <section className="hs-conflicts" data-testid="preview-conflicts">
          <h5>{t('libConflicts', p.conflicts.length)}</h5>
          <p className="hs-muted">{t('libConflictsHelp')}</p>
          {p.conflicts.map((c) => {
            const choice = resolutionOf(resolutions, c.scriptId);
            return (
              <fieldset key={c.scriptId} data-testid={`conflict-${c.scriptId}`}>
                <legend>
                  <code>{c.scriptId}</code>
                </legend>
                <div className="hs-side-by-side">
                  <ScriptBox label={t('libMine')} script={c.mine} />
                  <ScriptBox label={t('libTheirs')} script={c.theirs} />
                </div>
                <label>
                  <input
                    type="radio"
                    name={`conflict-${c.scriptId}`}
                    checked={choice === 'mine'}
                    onChange={() => onResolve(c.scriptId, 'mine')}
                    data-testid={`conflict-${c.scriptId}-mine`}
                  />
                  {t('libKeepMine')}
                </label>
                <label>
                  <input
                    type="radio"
                    name={`conflict-${c.scriptId}`}
                    checked={choice === 'theirs'}
                    onChange={() => onResolve(c.scriptId, 'theirs')}
                    data-testid={`conflict-${c.scriptId}-theirs`}
                  />
                  {t('libTakeTheirs')}
                </label>
              </fieldset>
            );
          })}
        </section>
      )}

      {p.counts.added > 0 && (
        <details open data-testid="preview-added">
          <summary>{t('libAdded', p.counts.added)}</summary>
          <ul>
            {p.added.map((s) => (
              <li key={s.id}>
                <b>{clip(scriptTitle(s), 60)}</b> <code>{s.id}</code>
              </li>
            ))}
            {more(p.added.length, p.counts.added)}
          </ul>
        </details>
      )}
      {p.counts.changed > 0 && (
        <details open data-testid="preview-changed">
          <summary>{t('libChanged', p.counts.changed)}</summary>
          <ul>
            {p.changed.map((c) => (
              <li key={c.id} data-testid={`preview-changed-${c.id}`}>
                <b>{clip(scriptTitle(c.after), 60)}</b> <code>{c.id}</code>
                <dl className="hs-diff">
                  {c.fields.map((f) => (
                    <div key={f.field}>
                      <dt>{t(`libField_${f.field}` as MessageKey)}</dt>
                      <dd className="hs-before">{fieldText(f.field, f.before)}</dd>
                      <dd className="hs-after">{fieldText(f.field, f.after)}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
            {more(p.changed.length, p.counts.changed)}
          </ul>
        </details>
      )}
      {p.counts.removed > 0 && (
        <details open data-testid="preview-removed">
          <summary>{t('libRemoved', p.counts.removed)}</summary>
          <ul>
            {p.removed.map((s) => (
              <li key={s.id}>
                <b>{clip(scriptTitle(s), 60)}</b> <code>{s.id}</code>
              </li>
            ))}
            {more(p.removed.length, p.counts.removed)}
          </ul>
        </details>
      )}
      {p.other.length > 0 && (
        <details data-testid="preview-other">
          <summary>{t('libOtherChanges', p.other.length)}</summary>
          <ul>
            {p.other.map((o) => (
              <li key={`${o.section}/${o.key}`}>
                {o.section}: {o.key} — {t(`libKind_${o.kind}` as MessageKey)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {p.redundant.length > 0 && <p className="hs-muted">{t('libRedundant', p.redundant.length)}</p>}
    </div>
  );
}

function ScriptBox({ label, script }: { label: string; script: Script | null }) {
  return (
    <div className="hs-box">
      <div className="hs-muted">{label}</div>
      {script ? (
        <>
          <b>{scriptTitle(script)}</b>
          <div className="hs-pre">{fieldText('questions', script.questions)}</div>
          <div className="hs-pre">{fieldText('answers', script.answers)}</div>
        </>
      ) : (
        <i>{t('libDeleted')}</i>
      )}
    </div>
  );
}
