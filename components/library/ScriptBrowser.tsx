/**
 * Browse and search the library by pack and category; add, edit, duplicate, delete scripts. Search asks
 * the background's engine first (same ranking as the card), then adds plain text matches it missed.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { db } from '@/lib/db/db';
import { t } from '@/lib/i18n';
import { deleteScript, duplicateScript, revertScript } from '@/lib/library/editor';
import { loadAllPacks } from '@/lib/library/packs';
import { sendMessage } from '@/lib/messaging';
import type { Script } from '@/lib/pack/schema';
import { clip, scriptTitle } from './format';
import { notifyLibraryChanged } from './notify';
import { ScriptEditor } from './ScriptEditor';

export type SearchFn = (query: string) => Promise<{ packId: string; scriptId: string }[]>;

const engineSearch: SearchFn = async (query) => {
  try {
    return await sendMessage('search', { query, limit: 50 });
  } catch {
    return [];
  }
};

interface Item {
  packId: string;
  packName: string;
  script: Script;
  /** edited = the agent changed a script of the installed copy; own = the agent added it. */
  layer: 'base' | 'edited' | 'own';
}

const MAX_SHOWN = 200;

export function ScriptBrowser({ search = engineSearch }: { search?: SearchFn }) {
  const packs = useLiveQuery(() => loadAllPacks(db), []);
  const overrides = useLiveQuery(() => db.overrides.toArray(), []);
  const [packFilter, setPackFilter] = useState('');
  const [category, setCategory] = useState('');
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<{ query: string; keys: string[] }>({ query: '', keys: [] });
  const [editing, setEditing] = useState<{ packId: string; script?: Script; isNew: boolean } | null>(null);
  const [confirm, setConfirm] = useState<string | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    let live = true;
    const timer = setTimeout(() => {
      void search(q).then((r) => {
        if (live) setHits({ query: q, keys: r.map((h) => `${h.packId}\n${h.scriptId}`) });
      });
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, search]);

  const items = useMemo<Item[]>(() => {
    if (!packs) return [];
    const layer = new Map(overrides?.map((o) => [`${o.packId}\n${o.scriptId}`, o]));
    return packs
      .filter((p) => !packFilter || p.row.id === packFilter)
      .flatMap(({ row, pack }) =>
        pack.scripts
          .filter((s) => !category || s.category === category)
          .map((s): Item => {
            const inBase = row.pack.scripts.some((b) => b.id === s.id);
            const edited = layer.has(`${row.id}\n${s.id}`);
            return {
              packId: row.id,
              packName: pack.pack.name,
              script: s,
              layer: !inBase ? 'own' : edited ? 'edited' : 'base',
            };
          }),
      );
  }, [packs, overrides, packFilter, category]);

  const categories = useMemo(
    () => [...new Set(items.map((i) => i.script.category).filter((c): c is string => !!c))].sort(),
    [items],
  );

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return items;
    const byKey = new Map(items.map((i) => [`${i.packId}\n${i.script.id}`, i]));
    const ranked = hits.query === query.trim() ? hits.keys.map((k) => byKey.get(k)).filter((i): i is Item => !!i) : [];
    const seen = new Set(ranked);
    const text = (s: Script) =>
      [s.id, s.title ?? '', s.category ?? '', ...s.questions, ...s.keywords, ...s.answers.map((a) => a.text)]
        .join('\n')
        .toLowerCase();
    return [...ranked, ...items.filter((i) => !seen.has(i) && text(i.script).includes(q))];
  }, [items, hits, query]);

  if (!packs) return null;
  if (editing)
    return (
      <ScriptEditor
        key={`${editing.packId}/${editing.script?.id ?? ''}`}
        packId={editing.packId}
        script={editing.script}
        isNew={editing.isNew}
        onDone={() => setEditing(null)}
      />
    );

  const act = async (fn: () => Promise<unknown>) => {
    await fn();
    setConfirm(null);
    await notifyLibraryChanged();
  };
  const newPack = packFilter || packs[0]?.row.id;

  return (
    <section className="hs-card" data-testid="script-browser">
      <div className="hs-filters">
        <select value={packFilter} onChange={(e) => setPackFilter(e.target.value)} data-testid="script-filter-pack">
          <option value="">{t('libAllPacks')}</option>
          {packs.map((p) => (
            <option key={p.row.id} value={p.row.id}>
              {p.pack.pack.name}
            </option>
          ))}
        </select>
        <select value={category} onChange={(e) => setCategory(e.target.value)} data-testid="script-filter-category">
          <option value="">{t('libAllCategories')}</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <input
          type="search"
          placeholder={t('libSearch')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="script-search"
        />
        <button
          className="hs-primary"
          disabled={!newPack}
          data-testid="script-new"
          onClick={() => newPack && setEditing({ packId: newPack, isNew: true })}
        >
          + {t('libNewScript')}
        </button>
      </div>
      <p className="hs-muted" data-testid="script-count" data-count={shown.length}>
        {t('libShowing', Math.min(shown.length, MAX_SHOWN), shown.length)}
      </p>
      <ul className="hs-scripts">
        {shown.slice(0, MAX_SHOWN).map((i) => {
          const key = `${i.packId}/${i.script.id}`;
          return (
            <li key={key} data-testid={`script-item-${key}`} data-layer={i.layer}>
              <div>
                <b>{clip(scriptTitle(i.script), 50)}</b>{' '}
                {i.layer !== 'base' && (
                  <span className="hs-badge">{t(i.layer === 'own' ? 'libLayerOwn' : 'libLayerEdited')}</span>
                )}
              </div>
              <div className="hs-muted">
                {i.packName}
                {i.script.category && ` · ${i.script.category}`} · <code>{i.script.id}</code>
              </div>
              <div className="hs-snippet">{clip(i.script.answers[0]?.text ?? '', 90)}</div>
              <div className="hs-actions hs-small">
                <button
                  data-testid={`script-edit-${key}`}
                  onClick={() => setEditing({ packId: i.packId, script: i.script, isNew: false })}
                >
                  {t('libEdit')}
                </button>
                <button
                  data-testid={`script-duplicate-${key}`}
                  onClick={() => act(() => duplicateScript(db, i.packId, i.script.id))}
                >
                  {t('libDuplicate')}
                </button>
                {i.layer === 'edited' && (
                  <button
                    data-testid={`script-revert-${key}`}
                    onClick={() => act(() => revertScript(db, i.packId, i.script.id))}
                  >
                    {t('libRevert')}
                  </button>
                )}
                {confirm === key ? (
                  <button
                    className="hs-danger"
                    data-testid={`script-delete-confirm-${key}`}
                    onClick={() => act(() => deleteScript(db, i.packId, i.script.id))}
                  >
                    {t('libDeleteConfirm')}
                  </button>
                ) : (
                  <button data-testid={`script-delete-${key}`} onClick={() => setConfirm(key)}>
                    {t('libDelete')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
