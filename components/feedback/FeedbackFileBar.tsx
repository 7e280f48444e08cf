/**
 * The feedback file out and in: the agent exports theirs (named by agent and day); the lead merges
 * several agents' files (one message per file; a bad file changes nothing and says why).
 */
import { useState } from 'react';
import type { HuashuDB } from '@/lib/db/db';
import { importFeedbackFile, makeFeedbackFile, parseFeedbackFile, type FileError } from '@/lib/feedback/file';
import { t } from '@/lib/i18n';
import { civilDateOf, isoDay } from '@/lib/time/civil';
import { JsonFileButton } from '../shared/JsonFileButton';
import { downloadText, safeFileName } from '../shared/download';

interface Props {
  db: HuashuDB;
  agent: string;
  timeZone: string;
  onError(e: unknown): void;
}

function reason(e: FileError): string {
  switch (e.kind) {
    case 'json':
      return t('fbErrJson', e.detail);
    case 'format':
      return t('fbErrFormat');
    case 'newer':
      return t('fbErrNewer', e.version);
    case 'field':
      return t('fbErrField', e.detail);
  }
}

export function FeedbackFileBar({ db, agent, timeZone, onError }: Props) {
  const [messages, setMessages] = useState<{ ok: boolean; text: string }[]>([]);

  async function exportFile() {
    const rows = await db.feedback.toArray();
    const day = isoDay(civilDateOf(Date.now(), timeZone));
    const name = `huashu-feedback-${agent.trim() ? `${safeFileName(agent.trim())}-` : ''}${day}.json`;
    downloadText(name, JSON.stringify(makeFeedbackFile(rows, agent, Date.now()), null, 1));
  }

  async function importFiles(files: File[]) {
    const out: { ok: boolean; text: string }[] = [];
    // One file after another: each is merged in its own transaction, all of it or nothing.
    for (const file of files) {
      const parsed = parseFeedbackFile(await file.text());
      if (!parsed.ok) {
        out.push({ ok: false, text: t('fbImportFailed', file.name, reason(parsed.error)) });
        continue;
      }
      try {
        const r = await importFeedbackFile(db, parsed.file);
        out.push({ ok: true, text: t('fbImportDone', file.name, r.added, r.updated, r.unchanged) });
      } catch (e) {
        onError(e);
        out.push({ ok: false, text: t('fbImportFailed', file.name, e instanceof Error ? e.message : String(e)) });
      }
    }
    setMessages(out);
  }

  return (
    <div className="hs-export" data-testid="feedback-file-bar">
      <button data-testid="feedback-export-file" onClick={() => void exportFile().catch(onError)}>
        {t('fbExportFile')}
      </button>
      <JsonFileButton
        label={t('fbImportFiles')}
        buttonTestId="feedback-import-files"
        inputTestId="feedback-import-input"
        multiple
        onFiles={(files) => void importFiles(files).catch(onError)}
      />
      {messages.map((m, i) => (
        <p key={i} className={m.ok ? 'hs-ok' : 'hs-error'} data-testid="feedback-import-result" role="status">
          {m.text}
        </p>
      ))}
    </div>
  );
}
