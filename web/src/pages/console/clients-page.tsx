import { useState } from 'react';
import { issueKey, listClients, revokeClient, revokeKey } from '../../api/operator-api.js';
import { fetchPublishedRulebook } from '../../api/public-api.js';
import { useApi } from '../../api/use-api.js';
import type { ClientView } from '../../api/wire.js';
import { Async, ErrorBox } from '../../components/status.js';
import { useFormat } from '../../components/use-format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { CreateClientForm } from './create-client-form.js';
import { SecretOnce } from './secret-once.js';
import { ScrollTable } from '../../components/scroll-table.js';

interface Shown { readonly title: string; readonly secret: string }

/** Clients: register one (its key shown once), issue or revoke keys, revoke a client for good. */
export function ClientsPage() {
  const { t } = useI18n();
  const clients = useApi((signal) => listClients(signal), 'clients');
  const rulebook = useApi((signal) => fetchPublishedRulebook(signal), 'rulebook');
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<unknown>(null);
  const act = async (work: () => Promise<Shown | null>) => {
    setError(null);
    try {
      const secret = await work();
      if (secret) setShown(secret);
      clients.reload();
    } catch (err) {
      setError(err);
    }
  };
  const actions = rulebook.state === 'ready' ? rulebook.data.document.actions.map((a) => a.id) : [];
  return (
    <div className="stack">
      <h1>{t('clients.title')}</h1>
      {shown && <SecretOnce title={shown.title} secret={shown.secret} onDone={() => setShown(null)} />}
      {error ? <ErrorBox error={error} /> : null}
      <CreateClientForm actions={actions} onCreated={(c) => void act(async () => ({ title: t('clients.keyFor', { name: c.client.name }), secret: c.apiKey.key }))} />
      <Async value={clients}>
        {(data) => (
          <ClientTable clients={data.items}
            onIssue={(c) => void act(async () => ({ title: t('clients.keyFor', { name: c.name }), secret: (await issueKey(c.id)).key }))}
            onRevokeKey={(c, keyId) => void act(async () => { await revokeKey(c.id, keyId); return null; })}
            onRevoke={(c, reason) => void act(async () => { await revokeClient(c.id, reason); return null; })} />
        )}
      </Async>
    </div>
  );
}

function ClientTable({ clients, onIssue, onRevokeKey, onRevoke }: {
  readonly clients: readonly ClientView[];
  readonly onIssue: (c: ClientView) => void;
  readonly onRevokeKey: (c: ClientView, keyId: string) => void;
  readonly onRevoke: (c: ClientView, reason: string) => void;
}) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <ScrollTable label={t('clients.title')} columns={[
      t('clients.name'), t('clients.role'), t('clients.scope'), t('clients.status'), t('clients.keys'), t('common.actions'),
    ]}>
      {clients.map((c) => (
        <tr key={c.id}>
          <th scope="row">{c.name}<div className="muted"><code>{c.id}</code></div></th>
          <td>{t(`role.${c.role}`)}{c.furnisherKind && <div className="muted">{c.furnisherKind}</div>}</td>
          <td className="source">
            {[...(c.scope.actions ?? []), ...(c.scope.purposes ?? []).map((p) => t('clients.purpose', { purpose: p }))].join(', ')
              || (c.scope.recordTypes ? t('clients.recordTypes', { n: c.scope.recordTypes.length }) : '—')}
          </td>
          <td>{t(c.status === 'active' ? 'clients.active' : 'clients.revoked')}{c.revokedAt && <div className="muted">{f.date(c.revokedAt)}</div>}</td>
          <td>
            <ul className="plain">
              {c.keys.map((k) => (
                <li key={k.id}>
                  <code>{k.prefix}…</code> {k.revokedAt ? t('clients.keyRevoked', { at: f.date(k.revokedAt) })
                    : t('clients.keyUsed', { at: k.lastUsedAt ? f.dateTime(k.lastUsedAt) : t('clients.never') })}
                  {!k.revokedAt && c.status === 'active' && (
                    <> <button type="button" className="link-button" onClick={() => onRevokeKey(c, k.id)}
                      aria-label={t('clients.revokeKeyOf', { prefix: k.prefix, name: c.name })}>{t('clients.revokeKey')}</button></>
                  )}
                </li>
              ))}
            </ul>
          </td>
          <td>
            {c.status === 'active' && (
              <>
                <button type="button" className="secondary" onClick={() => onIssue(c)} aria-label={t('clients.issueKeyFor', { name: c.name })}>
                  {t('clients.issueKey')}
                </button>{' '}
                <RevokeClient client={c} onRevoke={onRevoke} />
              </>
            )}
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
}

function RevokeClient({ client, onRevoke }: { readonly client: ClientView; readonly onRevoke: (c: ClientView, reason: string) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) {
    return <button type="button" className="danger" onClick={() => setOpen(true)} aria-label={t('clients.revokeClient', { name: client.name })}>{t('clients.revoke')}</button>;
  }
  const field = `revoke-${client.id}`;
  return (
    <form onSubmit={(e) => { e.preventDefault(); onRevoke(client, reason); setOpen(false); }}>
      <label htmlFor={field}>{t('clients.revokeReason')}</label>
      <input id={field} type="text" required maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" className="danger">{t('clients.confirmRevoke')}</button>{' '}
      <button type="button" className="secondary" onClick={() => setOpen(false)}>{t('common.cancel')}</button>
    </form>
  );
}
