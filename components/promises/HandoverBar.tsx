/**
 * The shift handover: "hand over" writes this shift's open promises as a huashu-handover file (and as
 * Markdown for the team chat group); "take over" imports the previous shift's file (no duplicates when
 * imported twice; a bad file changes nothing and says why).
 */
import { useState } from 'react';
import type { HuashuDB } from '@/lib/db/db';
import { t } from '@/lib/i18n';
import { handoverToMarkdown, importHandover, makeHandover, parseHandover } from '@/lib/promises/handover';
import { shiftAt } from '@/lib/promises/shifts';
import type { Settings } from '@/lib/settings';
import { civilDateOf, isoDay } from '@/lib/time/civil';
import { JsonFileButton } from '../shared/JsonFileButton';
import { downloadText, safeFileName } from '../shared/download';

interface Props {
  db: HuashuDB;
  settings: Settings;
  timeZone: string;
  onError(e: unknown): void;
}

export function HandoverBar({ db, settings, timeZone, onError }: Props) {
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  async function current() {
    const now = Date.now();
    const agent = settings.agentName.trim();
    const shift = shiftAt(settings.shifts, now, timeZone)?.name;
    const rows = await db.promises.where('status').equals('open').toArray();
    const handover = makeHandover(rows, { agent, shift, timeZone, now });
    const name = safeFileName(
      ['huashu-handover', isoDay(civilDateOf(now, timeZone)), agent, shift].filter(Boolean).join('-'),
    );
    return { handover, name };
  }

  async function onImport(f: File) {
    const parsed = parseHandover(await f.text());
    if (!parsed.ok) return setMessage({ ok: false, text: t('importFailed', parsed.error) });
    try {
      const r = await importHandover(db, parsed.file);
      setMessage({ ok: true, text: t('handoverDone', r.added, r.updated, r.unchanged, r.kept) });
    } catch (e) {
      setMessage({ ok: false, text: t('importFailed', e instanceof Error ? e.message : String(e)) });
      onError(e);
    }
  }

  return (
    <div className="hs-export" data-testid="handover-bar">
      <button
        data-testid="handover-export"
        onClick={() =>
          void current()
            .then(({ handover, name }) => downloadText(`${name}.json`, JSON.stringify(handover, null, 1)))
            .catch(onError)
        }
      >
        {t('handoverExport')}
      </button>
      <button
        data-testid="handover-md"
        onClick={() =>
          void current()
            .then(({ handover, name }) =>
              downloadText(
                `${name}.md`,
                handoverToMarkdown(handover, timeZone, {
                  title: t('handoverMdTitle'),
                  from: t('handoverFrom'),
                  none: t('handoverNone'),
                  buyer: t('labelBuyer'),
                  order: t('labelOrder'),
                  due: t('labelDue'),
                  owner: t('labelOwner'),
                  link: t('handoverLink'),
                }),
                'text/markdown',
              ),
            )
            .catch(onError)
        }
      >
        {t('handoverMd')}
      </button>
      <JsonFileButton
        label={t('handoverImport')}
        buttonTestId="handover-import"
        inputTestId="handover-file"
        onFiles={([f]) => void onImport(f)}
      />
      {message && (
        <p className={message.ok ? 'hs-ok' : 'hs-error'} data-testid="handover-result" role="status">
          {message.text}
        </p>
      )}
    </div>
  );
}
