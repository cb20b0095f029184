import { CopyButton } from '../../components/copy-button.js';
import { useI18n } from '../../i18n/i18n-context.js';

/** A secret the server shows exactly once (an API key, a generated password): copy it now. */
export function SecretOnce({ title, secret, onDone }: { readonly title: string; readonly secret: string; readonly onDone: () => void }) {
  const { t } = useI18n();
  return (
    <div className="warning stack" role="alert">
      <strong>{title}</strong>
      <p>{t('secret.once')}</p>
      <code className="token" data-testid="secret">{secret}</code>
      <p><CopyButton text={secret} /> <button type="button" onClick={onDone}>{t('secret.done')}</button></p>
    </div>
  );
}
