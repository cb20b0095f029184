import { listClients, listDrafts } from '../../api/operator-api.js';
import { fetchPublishedRulebook } from '../../api/public-api.js';
import { useApi } from '../../api/use-api.js';
import type { ClientView } from '../../api/wire.js';
import { Async } from '../../components/status.js';
import { useFormat } from '../../components/use-format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { Link } from '../../router/link.js';
import { rulebookNames } from '../../components/rulebook-names.js';
import { OversightPanels } from './oversight/oversight-panels.js';
import { useMemo } from 'react';

const ROLES = ['furnisher', 'relying_party', 'auditor', 'operator'] as const;

/** Oversight at a glance: the rulebook, the clients, and the registry's figures (GET /v1/oversight). */
export function DashboardPage() {
  const { t } = useI18n();
  const f = useFormat();
  const clients = useApi((signal) => listClients(signal), 'clients');
  const drafts = useApi((signal) => listDrafts(signal), 'drafts');
  const rulebook = useApi((signal) => fetchPublishedRulebook(signal), 'rulebook');
  const names = useMemo(() => rulebookNames(rulebook.state === 'ready' ? rulebook.data.document : undefined), [rulebook]);
  return (
    <div className="stack">
      <h1>{t('dashboard.title')}</h1>
      <section aria-labelledby="dash-rulebook">
        <h2 id="dash-rulebook">{t('dashboard.rulebook')}</h2>
        <Async value={rulebook}>
          {(rb) => <p>{t('rulebooks.inForce', { version: rb.version, title: rb.title, at: f.date(rb.publishedAt) })}</p>}
        </Async>
        <Async value={drafts}>
          {(d) => (
            <p>
              {t('dashboard.drafts', { n: d.items.length, approved: d.items.filter((x) => x.approved).length })}{' '}
              <Link to="/console/rulebooks">{t('console.rulebooks')}</Link>
            </p>
          )}
        </Async>
      </section>
      <section aria-labelledby="dash-clients">
        <h2 id="dash-clients">{t('dashboard.clients')}</h2>
        <Async value={clients}>{(c) => <ClientCounts clients={c.items} />}</Async>
      </section>
      <OversightPanels names={names} />
    </div>
  );
}

function ClientCounts({ clients }: { readonly clients: readonly ClientView[] }) {
  const { t } = useI18n();
  return (
    <div className="stat-grid">
      {ROLES.map((role) => {
        const mine = clients.filter((c) => c.role === role);
        const active = mine.filter((c) => c.status === 'active').length;
        return (
          <div className="stat" key={role}>
            <div className="muted">{t(`role.${role}`)}</div>
            <div className="value">{active}</div>
            <div className="muted">{t('dashboard.revokedCount', { n: mine.length - active })}</div>
          </div>
        );
      })}
    </div>
  );
}
