import { useI18n } from '../../i18n/i18n-context.js';
import type { MessageKey } from '../../i18n/en.js';
import { Link } from '../../router/link.js';
import { matchPath } from '../../router/router.js';
import { ClientsPage } from './clients-page.js';
import { DashboardPage } from './dashboard-page.js';
import { DraftPage } from './draft-page.js';
import { DueProcessPage } from './due-process/due-process-page.js';
import { RulebooksPage } from './rulebooks-page.js';
import { SubjectsPage } from './subjects-page.js';

const TABS: readonly { readonly to: string; readonly label: MessageKey }[] = [
  { to: '/console', label: 'console.dashboard' },
  { to: '/console/due-process', label: 'console.dueProcess' },
  { to: '/console/clients', label: 'console.clients' },
  { to: '/console/rulebooks', label: 'console.rulebooks' },
  { to: '/console/subjects', label: 'console.subjects' },
];

function page(path: string) {
  const draft = matchPath('/console/rulebooks/:version', path);
  if (draft?.['version']) return <DraftPage version={draft['version']} />;
  if (matchPath('/console/rulebooks', path)) return <RulebooksPage />;
  if (matchPath('/console/clients', path)) return <ClientsPage />;
  if (matchPath('/console/due-process', path)) return <DueProcessPage />;
  if (matchPath('/console/subjects', path)) return <SubjectsPage />;
  return <DashboardPage />;
}

/** The operator console: a chunk of its own, loaded only after an operator key is given. */
export function ConsoleApp({ path }: { readonly path: string }) {
  const { t } = useI18n();
  const pathname = path.split('?')[0] ?? path;
  const current = [...TABS].reverse().find((tab) => pathname === tab.to || pathname.startsWith(`${tab.to}/`))?.to;
  return (
    <div>
      <nav aria-label={t('console.nav')}>
        <ul className="tabs">
          {TABS.map((tab) => (
            <li key={tab.to}><Link to={tab.to} aria-current={tab.to === current ? 'page' : undefined}>{t(tab.label)}</Link></li>
          ))}
        </ul>
      </nav>
      {page(path)}
    </div>
  );
}
