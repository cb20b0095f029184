import { useState } from 'react';
import { useAction } from '../../../components/use-action.js';
import { DEFAULT_ATTESTATION_DAYS, MAX_ATTESTATION_DAYS, MAX_AUDIENCE_LENGTH } from '../../../../../src/core/attestation/index.js';
import { issueAttestation, type IssuedAttestation } from '../../../api/attestation-api.js';
import { ErrorBox } from '../../../components/status.js';
import { useI18n } from '../../../i18n/i18n-context.js';

/** Issue an attestation of one's own standing: how many days it lives, optionally for whom. */
export function IssueAttestationForm({ onIssued }: { readonly onIssued: (issued: IssuedAttestation) => void }) {
  const { t } = useI18n();
  const [days, setDays] = useState(String(DEFAULT_ATTESTATION_DAYS));
  const [audience, setAudience] = useState('');
  const [redLists, setRedLists] = useState(false);
  const { busy, error, onSubmit } = useAction(async () => {
    const trimmed = audience.trim();
    onIssued(await issueAttestation({ expiresInDays: Number(days), ...(trimmed ? { audience: trimmed } : {}), ...(redLists ? { includeRedLists: true } : {}) }));
    setAudience('');
  });
  return (
    <form className="card form-narrow" onSubmit={onSubmit} aria-labelledby="attest-issue">
      <h3 id="attest-issue">{t('attest.issue')}</h3>
      <div className="field">
        <label htmlFor="attest-days">{t('attest.days')} <span className="hint">{t('attest.daysHint', { max: MAX_ATTESTATION_DAYS })}</span></label>
        <input id="attest-days" type="number" inputMode="numeric" required min={1} max={MAX_ATTESTATION_DAYS} step={1}
          value={days} onChange={(e) => setDays(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="attest-audience">{t('attest.audience')}</label>
        <input id="attest-audience" type="text" maxLength={MAX_AUDIENCE_LENGTH} value={audience} onChange={(e) => setAudience(e.target.value)}
          aria-describedby="attest-audience-hint" />
        <span id="attest-audience-hint" className="hint">{t('attest.audienceHint')}</span>
      </div>
      <div className="field checkbox">
        <input id="attest-red" type="checkbox" checked={redLists} onChange={(e) => setRedLists(e.target.checked)} />
        <label htmlFor="attest-red">{t('attest.redLists')}</label>
      </div>
      {error ? <ErrorBox error={error} /> : null}
      <button type="submit" disabled={busy}>{t(busy ? 'attest.busy' : 'attest.submit')}</button>
    </form>
  );
}
