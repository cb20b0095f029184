import { useEffect, useState } from 'react';
import type { IssuedAttestation } from '../../../api/attestation-api.js';
import { CopyButton } from '../../../components/copy-button.js';
import { useFormat } from '../../../components/use-format.js';
import { useI18n } from '../../../i18n/i18n-context.js';

/** A newly issued attestation: the token as text to copy, and the same token as a QR code to scan. */
export function AttestationToken({ issued }: { readonly issued: IssuedAttestation }) {
  const { t } = useI18n();
  const f = useFormat();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // The QR encoder is loaded only when there is a token to show.
    void import('qrcode').then((QRCode) => QRCode.toDataURL(issued.token, { errorCorrectionLevel: 'M', margin: 2, width: 320 }))
      .then((url) => { if (live) setQr(url); }, () => { if (live) setQr(null); });
    return () => { live = false; };
  }, [issued.token]);
  return (
    <div className="notice stack" data-testid="issued-attestation">
      <p role="status">{t('attest.issued', { at: f.dateTime(issued.expiresAt) })}</p>
      <div>
        <strong id="attest-token-label">{t('attest.token')}</strong>
        <code className="token" aria-labelledby="attest-token-label" data-testid="attestation-token">{issued.token}</code>
      </div>
      <p><CopyButton text={issued.token} label={t('attest.copyToken')} /></p>
      {qr && <img className="qr" src={qr} alt={t('attest.qrAlt')} width={320} height={320} />}
    </div>
  );
}
