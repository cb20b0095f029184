import { useState, type FormEvent } from 'react';
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES, MAX_EVIDENCE_TOTAL_BYTES, MAX_GROUNDS } from '../../../../../src/core/disputes/index.js';
import { openDispute } from '../../../api/due-process-api.js';
import type { DisputeCaseView } from '../../../api/wire.js';
import { ErrorBox } from '../../../components/status.js';
import { useAction } from '../../../components/use-action.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { readEvidence } from './read-evidence.js';

const MB = MAX_EVIDENCE_BYTES / 1024 / 1024;
const TOTAL_MB = MAX_EVIDENCE_TOTAL_BYTES / 1024 / 1024;

/** Disputes one record: the grounds, and optional evidence files (stored by the registry under their SHA-256). */
export function DisputeForm({ recordId, title, onOpened, onCancel }: {
  readonly recordId: string;
  readonly title: string;
  readonly onOpened: (dispute: DisputeCaseView) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useI18n();
  const [grounds, setGrounds] = useState('');
  const [files, setFiles] = useState<readonly File[]>([]);
  const tooBig = files.find((f) => f.size > MAX_EVIDENCE_BYTES);
  const total = files.reduce((n, f) => n + f.size, 0);
  const problem = tooBig ? t('dispute.tooBig', { name: tooBig.name, mb: MB })
    : files.length > MAX_EVIDENCE_FILES ? t('dispute.tooMany', { n: MAX_EVIDENCE_FILES })
      : total > MAX_EVIDENCE_TOTAL_BYTES ? t('dispute.tooBigTotal', { mb: TOTAL_MB }) : null;
  const field = `dispute-${recordId}`;
  const { busy, error, run } = useAction(async () => {
    const evidence = await Promise.all(files.map(readEvidence));
    onOpened(await openDispute(recordId, { grounds: grounds.trim(), ...(evidence.length > 0 ? { evidence } : {}) }));
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!problem) run();
  };
  return (
    <form className="stack action-form" onSubmit={submit} aria-label={t('dispute.actionFor', { title })}>
      <div className="field">
        <label htmlFor={`${field}-grounds`}>{t('dispute.grounds')}</label>
        <textarea id={`${field}-grounds`} className="prose" required rows={4} maxLength={MAX_GROUNDS} value={grounds} onChange={(e) => setGrounds(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${field}-evidence`}>{t('dispute.evidence')}</label>
        <input id={`${field}-evidence`} type="file" multiple aria-describedby={`${field}-evidence-hint`}
          onChange={(e) => setFiles([...(e.target.files ?? [])])} />
        <span id={`${field}-evidence-hint`} className="hint">{t('dispute.evidenceHint', { n: MAX_EVIDENCE_FILES, mb: MB, total: TOTAL_MB })}</span>
      </div>
      {problem && <p role="alert" className="error-box">{problem}</p>}
      {error ? <ErrorBox error={error} /> : null}
      <p className="actions">
        <button type="submit" disabled={busy || problem !== null}>{t(busy ? 'dispute.sending' : 'dispute.submit')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </p>
    </form>
  );
}
