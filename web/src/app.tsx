import { lazy, Suspense, type ReactNode } from 'react';
import { Layout } from './components/layout.js';
import { RequireRole } from './components/require-role.js';
import { Loading } from './components/status.js';
import { useI18n } from './i18n/i18n-context.js';
import { LandingPage } from './pages/public/landing-page.js';
import { OperatorLoginPage } from './pages/login/operator-login-page.js';
import { SubjectLoginPage } from './pages/login/subject-login-page.js';
import { OrganizationPage } from './pages/public/organization-page.js';
import { RulebookPage } from './pages/public/rulebook-page.js';
import { matchPath, useLocationPath } from './router/router.js';

// The portal and the console are separate chunks: the public pages stay small.
const PortalPage = lazy(() => import('./pages/portal/portal-page.js').then((m) => ({ default: m.PortalPage })));
const ConsoleApp = lazy(() => import('./pages/console/console-app.js').then((m) => ({ default: m.ConsoleApp })));

function route(path: string): ReactNode {
  if (matchPath('/', path)) return <LandingPage />;
  if (matchPath('/rulebook', path)) return <RulebookPage />;
  if (matchPath('/organizations', path)) return <OrganizationPage />;
  const org = matchPath('/organizations/:code', path);
  if (org) return <OrganizationPage key={org['code']} code={org['code']} />;
  if (matchPath('/login', path)) return <SubjectLoginPage />;
  if (matchPath('/console/login', path)) return <OperatorLoginPage />;
  if (path.startsWith('/portal')) return <RequireRole role="subject"><PortalPage /></RequireRole>;
  if (path.startsWith('/console')) {
    return <RequireRole role="operator"><ConsoleApp path={path} /></RequireRole>;
  }
  return <NotFound />;
}

function NotFound() {
  const { t } = useI18n();
  return <h1>{t('error.notFound')}</h1>;
}

export function App() {
  const path = useLocationPath();
  return (
    <Layout>
      <Suspense fallback={<Loading />}>{route(path)}</Suspense>
    </Layout>
  );
}
