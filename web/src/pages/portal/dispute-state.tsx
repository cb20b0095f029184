import type { FileRecordView } from '../../api/wire.js';
import { useFormat } from '../../components/use-format.js';
import { useI18n } from '../../i18n/i18n-context.js';

type Dispute = NonNullable<FileRecordView['dispute']>;

/** A record's dispute as the file reports it: opened, the furnisher's deadline, verified or closed. */
export function DisputeState({ dispute }: { readonly dispute: Dispute }) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <div className="panel" aria-label={t('dispute.title')}>
      <strong>{t('dispute.title')}</strong>
      <ol className="timeline">
        <li>{t('dispute.opened', { at: f.dateTime(dispute.openedAt) })}</li>
        <li>{t('dispute.verifyBy', { at: f.dateTime(dispute.verifyBy) })}</li>
        {dispute.verifiedAt && <li>{t('dispute.verified', { at: f.dateTime(dispute.verifiedAt) })}</li>}
        {dispute.closedAt && <li>{t('dispute.closed', { at: f.dateTime(dispute.closedAt) })}</li>}
      </ol>
    </div>
  );
}
