import { useState } from 'react';
import { useAction } from '../../components/use-action.js';
import { FURNISHER_KINDS } from '../../../../src/core/taxonomy/model.js';
import { createClient } from '../../api/operator-api.js';
import type { CreateClientBody, CreatedClientView } from '../../api/wire.js';
import { ErrorBox } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n-context.js';

type ClientRole = CreateClientBody['role'];
const ROLES: readonly ClientRole[] = ['furnisher', 'relying_party', 'auditor', 'operator'];
type FurnisherKind = NonNullable<CreateClientBody['furnisherKind']>;

const splitList = (text: string): string[] => text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

/** Registers a client; the API answers with its first key, which the caller shows once. */
export function CreateClientForm({ actions, onCreated }: {
  readonly actions: readonly string[];
  readonly onCreated: (created: CreatedClientView) => void;
}) {
  const { t } = useI18n();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<ClientRole>('relying_party');
  const [kind, setKind] = useState<FurnisherKind>('court');
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [purposes, setPurposes] = useState('');
  const { busy, error, onSubmit } = useAction(async () => {
    const body: CreateClientBody = {
      id: id.trim(), name: name.trim(), role,
      ...(role === 'furnisher' ? { furnisherKind: kind } : {}),
      ...(role === 'relying_party' ? { scope: { actions: [...chosen], purposes: splitList(purposes) } } : {}),
    };
    onCreated(await createClient(body));
    setId('');
    setName('');
    setChosen([]);
    setPurposes('');
  });

  return (
    <form onSubmit={onSubmit} className="card form-narrow" aria-labelledby="new-client">
      <h2 id="new-client">{t('clients.new')}</h2>
      <div className="field">
        <label htmlFor="client-id">{t('clients.id')} <span className="hint">{t('clients.idHint')}</span></label>
        <input id="client-id" type="text" required pattern="[a-z0-9][a-z0-9_.\-]{0,63}" value={id} onChange={(e) => setId(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="client-name">{t('clients.name')}</label>
        <input id="client-name" type="text" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="client-role">{t('clients.role')}</label>
        <select id="client-role" value={role} onChange={(e) => setRole(e.target.value as ClientRole)}>
          {ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
        </select>
      </div>
      {role === 'furnisher' && (
        <div className="field">
          <label htmlFor="client-kind">{t('clients.furnisherKind')}</label>
          <select id="client-kind" value={kind} onChange={(e) => setKind(e.target.value as FurnisherKind)}>
            {FURNISHER_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
          <span className="hint">{t('clients.kindHint')}</span>
        </div>
      )}
      {role === 'relying_party' && (
        <>
          <div className="field">
            <label htmlFor="client-actions">{t('clients.actions')}</label>
            <select id="client-actions" multiple size={Math.min(8, Math.max(3, actions.length))} value={[...chosen]}
              onChange={(e) => setChosen([...e.target.selectedOptions].map((o) => o.value))}>
              {actions.map((a) => <option key={a} value={a}>{a}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="client-purposes">{t('clients.purposes')} <span className="hint">{t('clients.purposesHint')}</span></label>
            <input id="client-purposes" type="text" value={purposes} onChange={(e) => setPurposes(e.target.value)} placeholder="ticket-sale" />
          </div>
        </>
      )}
      {error ? <ErrorBox error={error} /> : null}
      <button type="submit" disabled={busy}>{t('clients.create')}</button>
    </form>
  );
}
