import { useState } from 'react';
import { ApiError } from '../../api/http.js';
import { listClients } from '../../api/operator-api.js';
import { setCredential } from '../../api/session.js';
import { ErrorBox } from '../../components/status.js';
import { useAction } from '../../components/use-action.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { navigate } from '../../router/router.js';
import { nextPath } from './login-target.js';

/**
 * An operator pastes its API key; it is kept in sessionStorage for this tab only. The key is tried on an
 * operator route at once, so a wrong or non-operator key is refused here and not on the next page.
 */
export function OperatorLoginPage() {
  const { t } = useI18n();
  const [key, setKey] = useState('');
  const { busy, error, onSubmit } = useAction(async () => {
    const token = key.trim();
    setCredential('operator', { token, label: t('login.operator.label') });
    try {
      const { items } = await listClients();
      // The key's own client is the one whose key prefix it starts with (no key is ever sent back).
      const me = items.find((c) => c.role === 'operator' && c.keys.some((k) => k.revokedAt === null && token.startsWith(k.prefix)));
      setCredential('operator', { token, label: me?.name ?? t('login.operator.label') });
    } catch (err) {
      setCredential('operator', null);
      throw err;
    }
    navigate(nextPath('/console'), { replace: true });
  });
  const refused = error instanceof ApiError && (error.status === 401 || error.status === 403);
  return (
    <div className="stack form-narrow">
      <h1>{t('login.operator.title')}</h1>
      <p>{t('login.operator.lead')}</p>
      <form onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="api-key">{t('login.operator.key')}</label>
          <input id="api-key" type="password" required autoComplete="off" spellCheck={false}
            value={key} onChange={(e) => setKey(e.target.value)} placeholder="crd_live_…" />
        </div>
        {refused ? <p role="alert" className="error-box">{t('login.operator.refused')}</p> : error ? <ErrorBox error={error} /> : null}
        <button type="submit" disabled={busy}>{t(busy ? 'login.busy' : 'login.submit')}</button>
      </form>
    </div>
  );
}
