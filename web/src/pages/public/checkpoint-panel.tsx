import { fetchCheckpointNote, fetchLogKey } from '../../api/log-api.js';
import { useApi } from '../../api/use-api.js';
import { useFormat } from '../../components/use-format.js';
import { useI18n } from '../../i18n/i18n-context.js';

/** The latest signed checkpoint, its signature checked here in the browser; hidden while the server has no log. */
export function CheckpointPanel() {
  const { t } = useI18n();
  const f = useFormat();
  const check = useApi(async (signal) => {
    const [note, vkey] = await Promise.all([fetchCheckpointNote(signal), fetchLogKey(signal)]);
    const { checkCheckpoint } = await import('../../verify/log-verification.js');
    return { note, result: checkCheckpoint(note, vkey) };
  }, 'checkpoint');
  // A server without a transparency log (or before its first checkpoint) answers 503: show nothing.
  if (check.state !== 'ready') return null;
  const { note, result } = check.data;
  return (
    <section aria-labelledby="checkpoint-title" className="panel stack">
      <h2 id="checkpoint-title">{t('checkpoint.title')}</h2>
      <p>{t('checkpoint.lead')}</p>
      {result.ok ? (
        <>
          <p className="notice" role="status"><span aria-hidden="true">✓ </span>{t('checkpoint.verified', { key: result.keyName })}</p>
          <dl className="facts">
            <dt>{t('checkpoint.origin')}</dt><dd><code>{result.origin}</code></dd>
            <dt>{t('checkpoint.size')}</dt><dd data-testid="checkpoint-size">{t('checkpoint.events', { n: f.number(result.size) })}</dd>
            <dt>{t('checkpoint.root')}</dt><dd><code>{result.rootHex}</code></dd>
          </dl>
        </>
      ) : (
        <p className="error-box" role="alert"><span aria-hidden="true">✕ </span>{t('checkpoint.notVerified', { reason: result.reason })}</p>
      )}
      <details>
        <summary>{t('checkpoint.note')}</summary>
        <pre className="token">{note}</pre>
      </details>
    </section>
  );
}
