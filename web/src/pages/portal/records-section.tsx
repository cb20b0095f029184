import type { ReactNode } from 'react';
import type { FileRecordView } from '../../api/wire.js';
import { PointsText, RecordStatusText } from '../../components/badges.js';
import { useFormat } from '../../components/use-format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { DisputeState } from './dispute-state.js';
import { explainRecord } from './explain-record.js';

/** Every record of the file, newest first, each with its status, rule and points in plain words. */
export function RecordsSection({ records, actions }: {
  readonly records: readonly FileRecordView[];
  /** What the reader can do about a record (the subject's own portal: dispute, statement, restoration). */
  readonly actions?: (record: FileRecordView) => ReactNode;
}) {
  const { t } = useI18n();
  const f = useFormat();
  const ordered = [...records].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <section aria-labelledby="records-title" className="stack">
      <h2 id="records-title">{t('records.title', { n: records.length })}</h2>
      {ordered.length === 0 && <p>{t('records.none')}</p>}
      {ordered.map((r) => (
        <article key={r.id} id={`record-${r.id}`} className="card" aria-labelledby={`record-${r.id}-title`} tabIndex={-1}>
          <h3 id={`record-${r.id}-title`}>
            {r.title} <RecordStatusText status={r.status} /> <PointsText points={r.points} />
          </h3>
          <p>{explainRecord(r, t, (iso) => f.date(iso))}</p>
          <dl className="facts">
            <dt>{t('record.occurred')}</dt><dd>{f.date(r.occurredAt)}</dd>
            <dt>{t('record.furnisher')}</dt><dd>{r.furnisher.name}</dd>
            <dt>{t('record.type')}</dt><dd><code>{r.type}</code></dd>
            <dt>{t('record.legalBasis')}</dt><dd>{r.legalBasis}</dd>
            {Object.keys(r.attributes).length > 0 && (
              <>
                <dt>{t('record.details')}</dt>
                <dd>{Object.entries(r.attributes).map(([k, v]) => <span key={k} className="attr"><code>{k}</code>: {String(v)}; </span>)}</dd>
              </>
            )}
            {r.fulfilledAt && <><dt>{t('record.fulfilledAt')}</dt><dd>{f.date(r.fulfilledAt)}</dd></>}
            {r.supersededBy && <><dt>{t('record.supersededBy')}</dt><dd><a href={`#record-${r.supersededBy}`}>{r.supersededBy}</a></dd></>}
            <dt>{t('record.id')}</dt><dd><code>{r.id}</code></dd>
          </dl>
          {r.dispute && <DisputeState dispute={r.dispute} />}
          {actions?.(r)}
        </article>
      ))}
    </section>
  );
}
