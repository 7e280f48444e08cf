/**
 * Featured product of the week, per pack: the model to push, its pitch, the dates and the words that tie
 * a buyer's question to it. The card puts the pitch first when a buyer asks which model to choose.
 */
import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import { isRunning, localDay } from '@/lib/library/featured';
import type { PackSummary } from '@/lib/library/service';
import type { Featured } from '@/lib/pack/schema';
import { libraryClient, type LibraryClient } from './library-client';
import { notifyLibraryChanged } from './notify';
import { useLibraryVersion } from './useLibraryVersion';

interface Draft {
  id: string;
  name: string;
  pitch: string;
  from: string;
  until: string;
  keywords: string;
  url: string;
}

const toDraft = (f: Featured): Draft => ({ ...f, keywords: f.keywords.join('\n'), url: f.url ?? '' });
const fromDraft = (d: Draft) => ({
  id: d.id.trim(),
  name: d.name,
  pitch: d.pitch,
  from: d.from,
  until: d.until,
  keywords: d.keywords
    .split(/[\n,，]/)
    .map((k) => k.trim())
    .filter(Boolean),
  url: d.url.trim() || undefined,
});

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00`);
  d.setDate(d.getDate() + n);
  return localDay(d);
}

export function FeaturedEditor({ client = libraryClient() }: { client?: LibraryClient }) {
  const version = useLibraryVersion();
  const [packs, setPacks] = useState<PackSummary[] | null>(null);
  const [packId, setPackId] = useState('');
  const [loaded, setLoaded] = useState<{ packId: string; featured: Featured[] } | null>(null);
  useEffect(() => {
    void client.summaries().then(setPacks);
  }, [client, version]);
  const current = packs?.find((p) => p.id === packId) ?? packs?.[0];
  useEffect(() => {
    if (current) void client.featured(current.id).then((featured) => setLoaded({ packId: current.id, featured }));
  }, [client, current]);

  if (!packs) return null;
  if (!current) return <p className="hs-muted">{t('libNoPacks')}</p>;
  return (
    <section className="hs-card" data-testid="featured-editor">
      <h3>{t('libFeaturedTitle')}</h3>
      <p className="hs-muted">{t('libFeaturedHelp')}</p>
      <label>
        {t('libPack')}
        <select value={current.id} onChange={(e) => setPackId(e.target.value)} data-testid="featured-pack">
          {packs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {loaded?.packId === current.id && (
        <FeaturedList
          key={`${current.id}/${current.installedAt}`}
          client={client}
          packId={current.id}
          initial={loaded.featured}
        />
      )}
    </section>
  );
}

function FeaturedList({ client, packId, initial }: { client: LibraryClient; packId: string; initial: Featured[] }) {
  const [list, setList] = useState<Draft[]>(() => initial.map(toDraft));
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const today = localDay(new Date());
  const set = (i: number, patch: Partial<Draft>) => {
    setSaved(false);
    setList((l) => l.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  };

  async function save() {
    const r = await client.saveFeatured(packId, list.map(fromDraft));
    setErrors(r.ok ? [] : r.errors);
    setSaved(r.ok);
    if (r.ok) await notifyLibraryChanged();
  }

  return (
    <div>
      {list.map((d, i) => {
        const running = d.from && d.until && isRunning({ ...fromDraft(d) } as Featured, today);
        return (
          <fieldset key={i} data-testid={`featured-${i}`}>
            <legend>
              {d.name || t('libFeaturedNew')} {running && <span className="hs-badge">{t('libFeaturedRunning')}</span>}
            </legend>
            <div className="hs-grid2">
              <label>
                {t('libFieldId')}
                <input value={d.id} onChange={(e) => set(i, { id: e.target.value })} data-testid={`featured-${i}-id`} />
              </label>
              <label>
                {t('libFeaturedName')}
                <input
                  value={d.name}
                  onChange={(e) => set(i, { name: e.target.value })}
                  data-testid={`featured-${i}-name`}
                />
              </label>
              <label>
                {t('libFeaturedFrom')}
                <input
                  type="date"
                  value={d.from}
                  onChange={(e) => set(i, { from: e.target.value })}
                  data-testid={`featured-${i}-from`}
                />
              </label>
              <label>
                {t('libFeaturedUntil')}
                <input
                  type="date"
                  value={d.until}
                  onChange={(e) => set(i, { until: e.target.value })}
                  data-testid={`featured-${i}-until`}
                />
              </label>
            </div>
            <label>
              {t('libFeaturedPitch')}
              <textarea
                rows={3}
                value={d.pitch}
                onChange={(e) => set(i, { pitch: e.target.value })}
                data-testid={`featured-${i}-pitch`}
              />
            </label>
            <label>
              <span>
                {t('libField_keywords')} <small className="hs-muted">{t('libOnePerLine')}</small>
              </span>
              <textarea
                rows={2}
                value={d.keywords}
                onChange={(e) => set(i, { keywords: e.target.value })}
                data-testid={`featured-${i}-keywords`}
              />
            </label>
            <label>
              URL
              <input
                value={d.url}
                onChange={(e) => set(i, { url: e.target.value })}
                data-testid={`featured-${i}-url`}
              />
            </label>
            <button
              type="button"
              onClick={() => setList((l) => l.filter((_, j) => j !== i))}
              data-testid={`featured-${i}-remove`}
            >
              {t('libRemove')}
            </button>
          </fieldset>
        );
      })}
      {errors.length > 0 && (
        <ul role="alert" className="hs-errors" data-testid="featured-errors">
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
      <div className="hs-actions">
        <button
          data-testid="featured-add"
          onClick={() =>
            setList((l) => [
              ...l,
              {
                id: `featured-${today}`,
                name: '',
                pitch: '',
                from: today,
                until: addDays(today, 6),
                keywords: '',
                url: '',
              },
            ])
          }
        >
          + {t('libFeaturedAdd')}
        </button>
        <button className="hs-primary" data-testid="featured-save" onClick={save}>
          {t('libSave')}
        </button>
        {saved && (
          <span role="status" data-testid="featured-saved">
            {t('libSaved')}
          </span>
        )}
      </div>
    </div>
  );
}
