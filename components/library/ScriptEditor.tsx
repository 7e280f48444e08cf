/**
 * Edit one script: questions, keywords, answers per tone, follow-ups with options, compensations with
 * cost, refusal flag. Saving writes the agent's own layer (lib/library/editor.ts).
 */
import { useState } from 'react';
import { db } from '@/lib/db/db';
import { t, type MessageKey } from '@/lib/i18n';
import { saveScript } from '@/lib/library/editor';
import { TONES, type Script, type Tone } from '@/lib/pack/schema';
import { notifyLibraryChanged } from './notify';

interface Draft {
  id: string;
  title: string;
  category: string;
  questions: string;
  keywords: string;
  tags: string;
  refusal: boolean;
  answers: { text: string; tone: Tone; lang: string }[];
  followUps: { text: string; options: string }[];
  compensations: { kind: 'shift' | 'gift'; text: string; cost: string }[];
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);
const items = (s: string) =>
  s
    .split(/[\n,，、]/)
    .map((x) => x.trim())
    .filter(Boolean);

function toDraft(s?: Script): Draft {
  return {
    id: s?.id ?? '',
    title: s?.title ?? '',
    category: s?.category ?? '',
    questions: s?.questions.join('\n') ?? '',
    keywords: s?.keywords.join('\n') ?? '',
    tags: s?.tags.join(', ') ?? '',
    refusal: s?.refusal ?? false,
    answers: s?.answers.map((a) => ({ text: a.text, tone: a.tone, lang: a.lang ?? '' })) ?? [
      { text: '', tone: 'friendly', lang: '' },
    ],
    followUps: s?.followUps.map((f) => ({ text: f.text, options: f.options.join('\n') })) ?? [],
    compensations:
      s?.compensations.map((c) => ({ kind: c.kind, text: c.text, cost: c.cost === undefined ? '' : String(c.cost) })) ??
      [],
  };
}

function fromDraft(d: Draft): unknown {
  return {
    id: d.id.trim(),
    title: d.title.trim() || undefined,
    category: d.category.trim() || undefined,
    questions: lines(d.questions),
    keywords: lines(d.keywords),
    tags: items(d.tags),
    refusal: d.refusal || undefined,
    answers: d.answers.map((a) => ({ text: a.text, tone: a.tone, lang: a.lang.trim() || undefined })),
    followUps: d.followUps.map((f) => ({ text: f.text, options: lines(f.options) })),
    compensations: d.compensations.map((c) => ({
      kind: c.kind,
      text: c.text,
      cost: c.cost.trim() === '' ? undefined : Number(c.cost),
    })),
  };
}

interface Props {
  packId: string;
  script?: Script;
  isNew: boolean;
  onDone: () => void;
}

export function ScriptEditor({ packId, script, isNew, onDone }: Props) {
  const [d, setD] = useState<Draft>(() => toDraft(script));
  const [errors, setErrors] = useState<string[]>([]);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const setAt = <K extends 'answers' | 'followUps' | 'compensations'>(
    key: K,
    i: number,
    patch: Partial<Draft[K][number]>,
  ) => setD((x) => ({ ...x, [key]: x[key].map((v, j) => (j === i ? { ...v, ...patch } : v)) }));
  const removeAt = (key: 'answers' | 'followUps' | 'compensations', i: number) =>
    setD((x) => ({ ...x, [key]: x[key].filter((_, j) => j !== i) }));

  async function save() {
    const r = await saveScript(db, packId, fromDraft(d), { isNew });
    if (!r.ok) return setErrors(r.errors);
    await notifyLibraryChanged();
    onDone();
  }

  return (
    <form
      noValidate
      className="hs-card hs-editor"
      data-testid="script-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{isNew ? t('libNewScript') : t('libEditScript')}</h3>
      <div className="hs-grid2">
        <label>
          {t('libFieldId')}
          <input value={d.id} disabled={!isNew} onChange={(e) => set({ id: e.target.value })} data-testid="edit-id" />
        </label>
        <label>
          {t('libField_category')}
          <input value={d.category} onChange={(e) => set({ category: e.target.value })} data-testid="edit-category" />
        </label>
      </div>
      <label>
        {t('libField_title')}
        <input value={d.title} onChange={(e) => set({ title: e.target.value })} data-testid="edit-title" />
      </label>
      <label>
        <span>
          {t('libField_questions')} <small className="hs-muted">{t('libOnePerLine')}</small>
        </span>
        <textarea
          rows={3}
          value={d.questions}
          onChange={(e) => set({ questions: e.target.value })}
          data-testid="edit-questions"
        />
      </label>
      <label>
        <span>
          {t('libField_keywords')} <small className="hs-muted">{t('libOnePerLine')}</small>
        </span>
        <textarea
          rows={2}
          value={d.keywords}
          onChange={(e) => set({ keywords: e.target.value })}
          data-testid="edit-keywords"
        />
      </label>

      <fieldset>
        <legend>{t('libField_answers')}</legend>
        {d.answers.map((a, i) => (
          <div key={i} className="hs-row" data-testid={`edit-answer-${i}`}>
            <select
              value={a.tone}
              onChange={(e) => setAt('answers', i, { tone: e.target.value as Tone })}
              data-testid={`edit-answer-${i}-tone`}
            >
              {TONES.map((tone) => (
                <option key={tone} value={tone}>
                  {t(`libTone_${tone}` as MessageKey)}
                </option>
              ))}
            </select>
            <textarea
              rows={3}
              value={a.text}
              onChange={(e) => setAt('answers', i, { text: e.target.value })}
              data-testid={`edit-answer-${i}-text`}
            />
            <button type="button" onClick={() => removeAt('answers', i)} aria-label={t('libRemove')}>
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          data-testid="edit-add-answer"
          onClick={() => set({ answers: [...d.answers, { text: '', tone: 'formal', lang: '' }] })}
        >
          + {t('libAddAnswer')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('libField_followUps')}</legend>
        {d.followUps.map((f, i) => (
          <div key={i} className="hs-row" data-testid={`edit-followup-${i}`}>
            <input
              placeholder={t('libFollowUpText')}
              value={f.text}
              onChange={(e) => setAt('followUps', i, { text: e.target.value })}
              data-testid={`edit-followup-${i}-text`}
            />
            <textarea
              rows={2}
              placeholder={t('libFollowUpOptions')}
              value={f.options}
              onChange={(e) => setAt('followUps', i, { options: e.target.value })}
              data-testid={`edit-followup-${i}-options`}
            />
            <button type="button" onClick={() => removeAt('followUps', i)} aria-label={t('libRemove')}>
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          data-testid="edit-add-followup"
          onClick={() => set({ followUps: [...d.followUps, { text: '', options: '' }] })}
        >
          + {t('libAddFollowUp')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('libField_compensations')}</legend>
        {d.compensations.map((c, i) => (
          <div key={i} className="hs-row" data-testid={`edit-comp-${i}`}>
            <select
              value={c.kind}
              onChange={(e) => setAt('compensations', i, { kind: e.target.value as 'shift' | 'gift' })}
              data-testid={`edit-comp-${i}-kind`}
            >
              <option value="shift">{t('libCompShift')}</option>
              <option value="gift">{t('libCompGift')}</option>
            </select>
            <input
              value={c.text}
              onChange={(e) => setAt('compensations', i, { text: e.target.value })}
              data-testid={`edit-comp-${i}-text`}
            />
            <input
              className="hs-num"
              type="number"
              min={0}
              step="any"
              placeholder={t('libCost')}
              value={c.cost}
              onChange={(e) => setAt('compensations', i, { cost: e.target.value })}
              data-testid={`edit-comp-${i}-cost`}
            />
            <button type="button" onClick={() => removeAt('compensations', i)} aria-label={t('libRemove')}>
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          data-testid="edit-add-comp"
          onClick={() => set({ compensations: [...d.compensations, { kind: 'gift', text: '', cost: '' }] })}
        >
          + {t('libAddCompensation')}
        </button>
      </fieldset>

      <label>
        <input
          type="checkbox"
          checked={d.refusal}
          onChange={(e) => set({ refusal: e.target.checked })}
          data-testid="edit-refusal"
        />
        {t('libField_refusal')}
      </label>
      <label>
        {t('libField_tags')}
        <input value={d.tags} onChange={(e) => set({ tags: e.target.value })} data-testid="edit-tags" />
      </label>

      {errors.length > 0 && (
        <ul role="alert" className="hs-errors" data-testid="edit-errors">
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
      <div className="hs-actions">
        <button type="submit" className="hs-primary" data-testid="edit-save">
          {t('libSave')}
        </button>
        <button type="button" onClick={onDone} data-testid="edit-cancel">
          {t('libCancel')}
        </button>
      </div>
    </form>
  );
}
