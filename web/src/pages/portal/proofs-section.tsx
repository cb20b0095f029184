import { useState } from 'react';
import { useAction } from '../../components/use-action.js';
import { eventRecordId, isSubjectEvent } from '../../../../src/core/ledger/index.js';
import type { SubjectProofsCheck } from '../../../../src/log/verify-subject-proofs.js';
import type { SubjectProofsWire } from '../../../../src/log/proof-wire.js';
import { fetchLogKey, fetchMyProofs } from '../../api/log-api.js';
import { ErrorBox } from '../../components/status.js';
import { useFormat } from '../../components/use-format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { MessageKey } from '../../i18n/en.js';
import { eventLabel } from './history-label.js';
import { ScrollTable } from '../../components/scroll-table.js';

interface Checked { readonly answer: SubjectProofsWire; readonly check: SubjectProofsCheck }

const VERDICT: Readonly<Record<'included' | 'pending' | 'invalid', { readonly icon: string; readonly key: MessageKey }>> = {
  included: { icon: '✓', key: 'proofs.included' },
  pending: { icon: '…', key: 'proofs.pending' },
  invalid: { icon: '✕', key: 'proofs.invalid' },
};

/**
 * Fetches the inclusion proof of every event about the subject's records and checks them here, with the
 * core's verification code, against the checkpoint signed by the log's published key.
 */
export function ProofsSection({ titleOf }: { readonly titleOf: (recordId: string) => string }) {
  const { t } = useI18n();
  const f = useFormat();
  const [result, setResult] = useState<Checked | null>(null);
  const { busy, error, run: verify } = useAction(async () => {
    const [answer, vkey, { checkMyProofs }] = await Promise.all([fetchMyProofs(), fetchLogKey(), import('../../verify/log-verification.js')]);
    setResult({ answer, check: checkMyProofs(answer, vkey) });
  });
  const verdicts = new Map(result?.check.events.map((e) => [e.seq, e.verdict]));
  return (
    <section aria-labelledby="proofs-title" className="stack">
      <h2 id="proofs-title">{t('proofs.title')}</h2>
      <p>{t('proofs.lead')}</p>
      <p><button type="button" onClick={verify} disabled={busy}>{t(busy ? 'proofs.checking' : 'proofs.verify')}</button></p>
      {error ? <ErrorBox error={error} /> : null}
      {result && (
        <>
          {result.check.ok
            ? <p className="notice" role="status"><span aria-hidden="true">✓ </span>{t('proofs.allIncluded', { n: result.answer.items.length, size: f.number(result.check.size) })}</p>
            : <p className="error-box" role="alert"><span aria-hidden="true">✕ </span>{t('proofs.failed', { reason: result.check.reason })}</p>}
          <ScrollTable label={t('proofs.table')} columns={[t('proofs.event'), t('history.what'), t('proofs.verdict')]}>
            {result.answer.items.map(({ event }) => {
              const e = event.event;
              const title = isSubjectEvent(e) ? titleOf(eventRecordId(e)) : '';
              const verdict = VERDICT[verdicts.get(event.seq) ?? 'invalid'];
              return (
                <tr key={event.seq}>
                  <td>#{event.seq}<div className="muted">{f.dateTime(event.recordedAt)}</div></td>
                  <td>{eventLabel(e.type, title, t)}</td>
                  <td><span aria-hidden="true">{verdict.icon} </span>{t(verdict.key)}</td>
                </tr>
              );
            })}
          </ScrollTable>
        </>
      )}
    </section>
  );
}
