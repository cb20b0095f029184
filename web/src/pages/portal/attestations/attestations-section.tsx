import { useState } from 'react';
import { listAttestations, revokeAttestation, type AttestationView, type IssuedAttestation } from '../../../api/attestation-api.js';
import { useApi } from '../../../api/use-api.js';
import { Async, ErrorBox } from '../../../components/status.js';
import { useFormat } from '../../../components/use-format.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { AttestationToken } from './attestation-token.js';
import { AttestationVerifier } from './attestation-verifier.js';
import { IssueAttestationForm } from './issue-attestation-form.js';
import { ScrollTable } from '../../../components/scroll-table.js';

/** Attestations: issue one (token and QR code), see every one issued with its status, revoke, verify one. */
export function AttestationsSection() {
  const { t } = useI18n();
  const list = useApi((signal) => listAttestations(signal), 'attestations');
  const [issued, setIssued] = useState<IssuedAttestation | null>(null);
  const [error, setError] = useState<unknown>(null);
  const revoke = async (a: AttestationView) => {
    setError(null);
    try {
      await revokeAttestation(a.id);
      if (issued?.id === a.id) setIssued(null);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="attestations-title" className="stack">
      <h2 id="attestations-title">{t('attest.title')}</h2>
      <p>{t('attest.lead')}</p>
      <IssueAttestationForm onIssued={(a) => { setIssued(a); list.reload(); }} />
      {issued && <AttestationToken issued={issued} />}
      {error ? <ErrorBox error={error} /> : null}
      <Async value={list}>{(data) => <AttestationTable attestations={data.attestations} onRevoke={(a) => void revoke(a)} />}</Async>
      <AttestationVerifier />
    </section>
  );
}

function AttestationTable({ attestations, onRevoke }: { readonly attestations: readonly AttestationView[]; readonly onRevoke: (a: AttestationView) => void }) {
  const { t } = useI18n();
  const f = useFormat();
  const title = t('attest.list', { n: attestations.length });
  if (attestations.length === 0) return <><h3>{title}</h3><p>{t('attest.none')}</p></>;
  return (
    <ScrollTable label={title} caption="visible" columns={[
      t('attest.issuedAt'), t('attest.expiresAt'), t('attest.for'), t('attest.states'), t('attest.status'), t('common.actions'),
    ]}>
      {attestations.map((a) => (
        <tr key={a.id} data-testid={`attestation-${a.id}`}>
          <th scope="row">{f.dateTime(a.issuedAt)}</th>
          <td>{f.dateTime(a.expiresAt)}</td>
          <td>{a.audience ?? t('attest.anyone')}</td>
          <td>{t('attest.statesValue', { grade: a.claims.grade, band: a.claims.pointsBand, black: t(a.claims.onBlackList ? 'attest.onBlack' : 'attest.notOnBlack') })}</td>
          <td><StatusText a={a} /></td>
          <td>
            {a.status === 'active' && (
              <button type="button" className="danger" onClick={() => onRevoke(a)} aria-label={t('attest.revokeOne', { at: f.dateTime(a.issuedAt) })}>
                {t('attest.revoke')}
              </button>
            )}
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
}

function StatusText({ a }: { readonly a: AttestationView }) {
  const { t } = useI18n();
  const f = useFormat();
  const icon = a.status === 'active' ? '✓' : a.status === 'revoked' ? '✕' : '⌛';
  const text = a.status === 'revoked' ? t('attest.status.revoked', { at: f.dateTime(a.revokedAt) }) : t(`attest.status.${a.status}`);
  return <span className="badge status-badge"><span aria-hidden="true" className="badge-icon">{icon}</span> {text}</span>;
}
