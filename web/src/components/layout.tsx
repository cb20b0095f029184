import type { ReactNode } from 'react';
import { setCredential } from '../api/session.js';
import { logOut } from '../api/subject-api.js';
import { useCredential } from '../api/use-credential.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { MessageKey } from '../i18n/en.js';
import { Link } from '../router/link.js';
import { navigate, useLocationPath } from '../router/router.js';
import { LanguageSwitch } from './language-switch.js';

const NAV: readonly { readonly to: string; readonly label: MessageKey }[] = [
  { to: '/rulebook', label: 'nav.rulebook' },
  { to: '/organizations', label: 'nav.organizations' },
  { to: '/portal', label: 'nav.portal' },
  { to: '/console', label: 'nav.console' },
];

export function Layout({ children }: { readonly children: ReactNode }) {
  const { t } = useI18n();
  const path = useLocationPath();
  const subject = useCredential('subject');
  const operator = useCredential('operator');
  const signOut = async () => {
    setCredential('operator', null);
    if (subject) await logOut().catch(() => undefined);
    navigate('/');
  };
  return (
    <>
      <a className="skip-link" href="#main">{t('nav.skip')}</a>
      <header className="site-header">
        <Link to="/" className="brand">Credence <span className="brand-sub">{t('brand.tagline')}</span></Link>
        <nav aria-label={t('nav.main')}>
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={path.startsWith(item.to) ? 'page' : undefined}>{t(item.label)}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          <LanguageSwitch />
          {(subject ?? operator) && (
            <button type="button" className="link-button" onClick={() => void signOut()}>
              {t('nav.signOut', { who: (subject ?? operator)?.label ?? '' })}
            </button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
      <footer className="site-footer">
        <p>{t('footer.text')}</p>
        <p><a href="/docs">{t('footer.apiDocs')}</a> · <a href="/openapi.json">OpenAPI</a></p>
      </footer>
    </>
  );
}
