/**
 * Stats for the lead: most used scripts, missed messages grouped, scripts never used; CSV and stats-file
 * export; several agents' stats files merged into one report; the best-answer review per script.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { db } from '@/lib/db/db';
import { t, type MessageKey } from '@/lib/i18n';
import { loadAllPacks } from '@/lib/library/packs';
import {
  answerVariants,
  averageRank,
  groupMissed,
  mergeStats,
  neverUsed,
  parseStatsFile,
  statsCsv,
  statsFromUsage,
  type StatsFile,
} from '@/lib/library/stats';
import { getSettings } from '@/lib/settings';
import { downloadText, safeFileName } from '../shared/download';
import { clip } from './format';

export function StatsView() {
  const packs = useLiveQuery(() => loadAllPacks(db), []);
  const usage = useLiveQuery(() => db.usage.toArray(), []);
  const [merged, setMerged] = useState<{ report: StatsFile; files: number } | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [review, setReview] = useState('');

  const effective = useMemo(() => packs?.filter((p) => p.row.active).map((p) => p.pack) ?? [], [packs]);
  const titleOf = useMemo(() => {
    const titles = new Map(
      effective.flatMap((p) =>
        p.scripts.map((s) => [`${p.pack.id}\n${s.id}`, s.title ?? s.questions[0]] as [string, string]),
      ),
    );
    return (packId: string, scriptId: string) => titles.get(`${packId}\n${scriptId}`);
  }, [effective]);
  const featuredName = useMemo(() => {
    const names = new Map(effective.flatMap((p) => p.featured.map((f) => [`${p.pack.id}\n${f.id}`, f.name] as const)));
    return (packId: string, featuredId: string) => names.get(`${packId}\n${featuredId}`);
  }, [effective]);
  const mine = useMemo(
    () => (usage ? statsFromUsage(usage, '', titleOf, featuredName) : undefined),
    [usage, titleOf, featuredName],
  );
  if (!mine || !packs) return null;
  const report = merged?.report ?? mine;
  const missed = groupMissed(report.missed, 0.5, 'newest');
  const unused = neverUsed(report, effective);
  const title = (packId: string, scriptId: string, fallback?: string) =>
    titleOf(packId, scriptId) ?? fallback ?? scriptId;

  async function exportFile() {
    const agent = (await getSettings()).agentName || 'agent';
    const file = { ...mine!, agents: [agent] };
    downloadText(
      `huashu-stats-${safeFileName(agent)}-${new Date().toISOString().slice(0, 10)}.json`,
      JSON.stringify(file, null, 2) + '\n',
    );
  }

  async function mergeFiles(files: FileList) {
    const parsed: StatsFile[] = [];
    const problems: string[] = [];
    for (const f of Array.from(files)) {
      const r = parseStatsFile(await f.text());
      if (r.ok) parsed.push(r.file);
      else problems.push(...r.errors.map((e) => `${f.name}: ${e}`));
    }
    setErrors(problems);
    if (parsed.length) setMerged({ report: mergeStats(parsed), files: parsed.length });
  }

  const reviewed = report.scripts.find((s) => `${s.packId}\n${s.scriptId}` === review);
  const reviewScript =
    reviewed && effective.find((p) => p.pack.id === reviewed.packId)?.scripts.find((s) => s.id === reviewed.scriptId);

  return (
    <section className="hs-card" data-testid="stats-view">
      <h3>{t('libStatsTitle')}</h3>
      {merged ? (
        <p className="hs-note" data-testid="stats-merged" data-agents={report.agents.length}>
          {t('libStatsMerged', merged.files, report.agents.join(', '))}{' '}
          <button onClick={() => setMerged(null)}>{t('libStatsBackToMine')}</button>
        </p>
      ) : null}
      <p data-testid="stats-totals">
        {t(
          'libStatsTotals',
          report.events,
          report.scripts.reduce((n, s) => n + s.inserts, 0),
          report.searches,
        )}
      </p>
      <div className="hs-actions">
        <button
          data-testid="stats-export-csv"
          onClick={() => downloadText('huashu-stats.csv', statsCsv(report, effective), 'text/csv')}
        >
          {t('libStatsExportCsv')}
        </button>
        <button data-testid="stats-export-file" disabled={!!merged} onClick={exportFile}>
          {t('libStatsExportFile')}
        </button>
        <label className="hs-file">
          <span>{t('libStatsMerge')}</span>
          <input
            type="file"
            multiple
            accept=".json,application/json"
            data-testid="stats-merge-input"
            onChange={(e) => {
              if (e.target.files?.length) void mergeFiles(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      <p className="hs-muted">{t('libStatsPrivacy')}</p>
      {errors.length > 0 && (
        <ul role="alert" className="hs-errors" data-testid="stats-errors">
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}

      <h4>{t('libStatsMostUsed')}</h4>
      <ol data-testid="stats-most-used">
        {report.scripts.slice(0, 20).map((s) => {
          const avg = averageRank(s);
          return (
            <li key={`${s.packId}/${s.scriptId}`} data-script={s.scriptId} data-count={s.inserts}>
              <b>{clip(title(s.packId, s.scriptId, s.title), 40)}</b> — {t('libStatsUses', s.inserts)}
              {avg !== undefined && ` · ${t('libStatsAvgRank', (avg + 1).toFixed(1))}`}
              {s.fromSearch > 0 && ` · ${t('libStatsFromSearch', s.fromSearch)}`}
            </li>
          );
        })}
      </ol>

      {report.featured && report.featured.length > 0 && (
        <>
          <h4>{t('libStatsFeatured')}</h4>
          <ol data-testid="stats-featured">
            {report.featured.map((f) => (
              <li key={`${f.packId}/${f.featuredId}`} data-featured={f.featuredId} data-count={f.inserts}>
                <b>{clip(featuredName(f.packId, f.featuredId) ?? f.name ?? f.featuredId, 40)}</b> —{' '}
                {t('libStatsUses', f.inserts)}
              </li>
            ))}
          </ol>
        </>
      )}

      <h4>{t('libStatsMissed')}</h4>
      <ol data-testid="stats-missed">
        {missed.slice(0, 30).map((g) => (
          <li key={g.label} data-testid="missed-question" data-count={g.count}>
            <details>
              <summary>
                “{clip(g.label, 60)}” ×{g.count}
              </summary>
              <ul>
                {g.texts.map((x) => (
                  <li key={x.text}>
                    {x.text} ×{x.count}
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ol>

      <details data-testid="stats-never-used">
        <summary>{t('libStatsNeverUsed', unused.length)}</summary>
        <ul>
          {unused.slice(0, 200).map((s) => (
            <li key={`${s.packId}/${s.scriptId}`}>
              {clip(s.title, 50)} <code>{s.scriptId}</code>
            </li>
          ))}
        </ul>
      </details>

      <h4>{t('libStatsReview')}</h4>
      <select value={review} onChange={(e) => setReview(e.target.value)} data-testid="stats-review-script">
        <option value="">—</option>
        {report.scripts.map((s) => (
          <option key={`${s.packId}\n${s.scriptId}`} value={`${s.packId}\n${s.scriptId}`}>
            {clip(title(s.packId, s.scriptId, s.title), 40)} ({s.inserts})
          </option>
        ))}
      </select>
      {reviewed && (
        <div className="hs-variants" data-testid="stats-variants">
          {answerVariants(report, reviewed.packId, reviewed.scriptId, reviewScript?.answers ?? []).map((v, i) => (
            <div key={i} className="hs-box" data-count={v.count}>
              <div className="hs-muted">
                {t('libStatsUses', v.count)}
                {v.tone && ` · ${t(`libTone_${v.tone}` as MessageKey)}`} ·{' '}
                {v.current ? t('libStatsCurrent') : t('libStatsTeamVariant')}
              </div>
              <div className="hs-pre">{v.text}</div>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
