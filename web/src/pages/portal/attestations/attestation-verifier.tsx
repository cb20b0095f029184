import { useState } from 'react';
import { useAction } from '../../../components/use-action.js';
import { fetchAttestationKeys, fetchAttestationStatus } from '../../../api/attestation-api.js';
import { ErrorBox } from '../../../components/status.js';
import { useFormat } from '../../../components/use-format.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import type { AttestationCheck } from '../../../verify/attestation-verification.js';

type Revocation = { readonly known: true; readonly revokedAt?: string } | { readonly known: false };
interface Result { readonly check: AttestationCheck; readonly revocation: Revocation | null }

/**
 * Verifies a pasted attestation in this browser with the core's code and the registry's published keys,
 * then asks the registry whether it was revoked (the one thing a signature cannot say).
 */
export function AttestationVerifier() {
  const { t } = useI18n();
  const f = useFormat();
  const [token, setToken] = useState('');
  const [audience, setAudience] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const { busy, error, onSubmit } = useAction(async () => {
    setResult(null);
    const [jwks, { checkAttestation }] = await Promise.all([fetchAttestationKeys(), import('../../../verify/attestation-verification.js')]);
    const check = checkAttestation(token, jwks, Date.now(), audience);
    const revocation: Revocation | null = !check.ok ? null
      : await fetchAttestationStatus(check.claims.jti).then((s) => (s.revokedAt ? { known: true, revokedAt: s.revokedAt } : { known: true }), () => ({ known: false }));
    setResult({ check, revocation });
  });
  return (
    <form className="card stack" onSubmit={onSubmit} aria-labelledby="verify-title">
      <h3 id="verify-title">{t('verify.title')}</h3>
      <p>{t('verify.lead')}</p>
      <div className="field">
        <label htmlFor="verify-token">{t('verify.token')}</label>
        <textarea id="verify-token" required rows={4} spellCheck={false} value={token} onChange={(e) => setToken(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="verify-audience">{t('verify.audience')}</label>
        <input id="verify-audience" type="text" value={audience} onChange={(e) => setAudience(e.target.value)} />
      </div>
      <p><button type="submit" disabled={busy}>{t(busy ? 'verify.checking' : 'verify.submit')}</button></p>
      {error ? <ErrorBox error={error} /> : null}
      {result && <Verdict result={result} date={f.dateTime} />}
    </form>
  );
}

function Verdict({ result, date }: { readonly result: Result; readonly date: (v: string | number) => string }) {
  const { t } = useI18n();
  const { check, revocation } = result;
  if (!check.ok) {
    const reason = check.reason === 'keys' ? t('verify.reason.keys', { error: check.error }) : t(`verify.reason.${check.reason}`);
    return <p className="error-box" role="alert"><span aria-hidden="true">✕ </span>{t('verify.invalid', { reason })}</p>;
  }
  const c = check.claims;
  const revoked = revocation?.known && revocation.revokedAt;
  return (
    <div className="stack" data-testid="verify-result">
      <p className={revoked ? 'error-box' : 'notice'} role="status">
        <span aria-hidden="true">{revoked ? '✕ ' : '✓ '}</span>{t('verify.valid', { kid: check.kid })}{' '}
        {revoked ? t('verify.revoked', { at: date(revoked) }) : revocation?.known ? t('verify.notRevoked') : t('verify.revocationUnknown')}
      </p>
      <dl className="facts">
        <dt>{t('verify.subject')}</dt><dd><code>{c.sub}</code></dd>
        <dt>{t('verify.grade')}</dt><dd>{c.grade}</dd>
        <dt>{t('verify.band')}</dt><dd>{c.pointsBand}</dd>
        <dt>{t('verify.blackList')}</dt><dd>{t(c.onBlackList ? 'attest.onBlack' : 'attest.notOnBlack')}</dd>
        {c.redLists && <><dt>{t('verify.redLists')}</dt><dd>{c.redLists.length > 0 ? c.redLists.join(', ') : t('common.none')}</dd></>}
        <dt>{t('verify.asOf')}</dt><dd>{date(c.asOf)}</dd>
        <dt>{t('verify.expires')}</dt><dd>{date(c.exp * 1000)}</dd>
        {c.aud !== undefined && <><dt>{t('verify.audienceOf')}</dt><dd>{c.aud}</dd></>}
        <dt>{t('verify.rulebook')}</dt><dd>{c.rulebookVersion}</dd>
      </dl>
    </div>
  );
}
