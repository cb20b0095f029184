import { useState } from 'react';
import { useAction } from '../../components/use-action.js';
import { ApiError } from '../../api/http.js';
import { logIn } from '../../api/subject-api.js';
import { ErrorBox } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { navigate } from '../../router/router.js';
import { nextPath } from './login-target.js';

export function SubjectLoginPage() {
  const { t } = useI18n();
  const [scheme, setScheme] = useState('cn-rid');
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, onSubmit } = useAction(async () => {
    await logIn({ subject: { scheme, identifier: identifier.trim().toUpperCase() }, password });
    navigate(nextPath('/portal'), { replace: true });
  });
  const wrong = error instanceof ApiError && error.status === 401;
  return (
    <div className="stack form-narrow">
      <h1>{t('login.subject.title')}</h1>
      <p>{t('login.subject.lead')}</p>
      <form onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="scheme">{t('login.scheme')}</label>
          <select id="scheme" value={scheme} onChange={(e) => setScheme(e.target.value)}>
            <option value="cn-rid">{t('login.scheme.rid')}</option>
            <option value="cn-uscc">{t('login.scheme.uscc')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="identifier">{t('login.identifier')}</label>
          <input id="identifier" type="text" required autoComplete="username" spellCheck={false} maxLength={18}
            value={identifier} onChange={(e) => setIdentifier(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="password">{t('login.password')}</label>
          <input id="password" type="password" required autoComplete="current-password"
            value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        {wrong ? <p role="alert" className="error-box">{t('login.wrong')}</p> : error ? <ErrorBox error={error} /> : null}
        <button type="submit" disabled={busy}>{t(busy ? 'login.busy' : 'login.submit')}</button>
      </form>
    </div>
  );
}
