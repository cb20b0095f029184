import { useMemo, useState, type FormEvent } from 'react';
import { fetchOrganization, fetchPublishedRulebook } from '../../api/public-api.js';
import { ApiError } from '../../api/http.js';
import { useApi } from '../../api/use-api.js';
import type { OrganizationProfile } from '../../api/wire.js';
import { GradeBadge, ListBadge, PointsText, RecordStatusText } from '../../components/badges.js';
import { ErrorBox, Loading } from '../../components/status.js';
import { useFormat } from '../../components/use-format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { navigate } from '../../router/router.js';
import { rulebookNames } from '../../components/rulebook-names.js';
import { ScrollTable } from '../../components/scroll-table.js';

/** Lookup by unified social credit code; with a code, the organization's public profile below the form. */
export function OrganizationPage({ code }: { readonly code?: string | undefined }) {
  const { t } = useI18n();
  const [input, setInput] = useState(code ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = input.trim().toUpperCase();
    if (clean) navigate(`/organizations/${encodeURIComponent(clean)}`);
  };
  return (
    <div className="stack">
      <h1>{t('org.title')}</h1>
      <p className="lead">{t('org.lead')}</p>
      <form className="form-narrow" onSubmit={submit} role="search">
        <div className="field">
          <label htmlFor="uscc">{t('org.code')}</label>
          <input id="uscc" type="text" value={input} onChange={(e) => setInput(e.target.value)} autoComplete="off"
            spellCheck={false} maxLength={18} placeholder="91350100M000100Y43" aria-describedby="uscc-hint" />
          <span id="uscc-hint" className="hint">{t('org.codeHint')}</span>
        </div>
        <button type="submit">{t('org.lookUp')}</button>
      </form>
      {code && <Profile key={code} code={code} />}
    </div>
  );
}

function Profile({ code }: { readonly code: string }) {
  const { t } = useI18n();
  const profile = useApi((signal) => fetchOrganization(code, signal), code);
  if (profile.state === 'loading') return <Loading />;
  if (profile.state === 'error') {
    const notFound = profile.error instanceof ApiError && (profile.error.status === 404 || profile.error.code === 'invalid_identifier');
    return notFound ? <p role="alert" className="warning">{t('org.notFound', { code })}</p> : <ErrorBox error={profile.error} />;
  }
  return <ProfileView profile={profile.data} />;
}

function ProfileView({ profile }: { readonly profile: OrganizationProfile }) {
  const { t } = useI18n();
  const f = useFormat();
  const rulebook = useApi((signal) => fetchPublishedRulebook(signal), 'rulebook');
  const names = useMemo(() => rulebookNames(rulebook.state === 'ready' ? rulebook.data.document : undefined), [rulebook]);
  return (
    <section aria-labelledby="profile-title" className="stack">
      <h2 id="profile-title">{t('org.profileOf', { code: profile.subject.identifier })}</h2>
      <dl className="facts">
        <dt>{t('org.kind')}</dt><dd>{t(`kind.${profile.subject.kind}`)}</dd>
        <dt>{t('org.region')}</dt><dd>{profile.subject.regionName ?? profile.subject.region}</dd>
        <dt>{t('standing.grade')}</dt><dd><GradeBadge grade={profile.grade} /></dd>
        <dt>{t('standing.points')}</dt><dd>{f.number(profile.points)}</dd>
        <dt>{t('standing.lists')}</dt>
        <dd>
          {profile.lists.length === 0 ? t('standing.noLists') : profile.lists.map((l) => (
            <div key={l.listId}>
              <ListBadge kind={l.kind} name={names.list(l.listId)} /> {t('standing.listSince', { since: f.date(l.since), until: l.until ? f.date(l.until) : t('standing.open') })}
            </div>
          ))}
        </dd>
        <dt>{t('org.asOf')}</dt><dd>{f.dateTime(profile.asOf)} · {t('org.rulebook', { version: profile.rulebookVersion })}</dd>
      </dl>
      <h3>{t('org.records')}</h3>
      {profile.records.length === 0 ? <p>{t('org.noRecords')}</p> : (
        <ScrollTable label={t('org.records')} columns={[
          t('record.what'), t('record.occurred'), t('record.status'), t('record.points'), t('record.until'),
          t('record.furnisher'),
        ]}>
          {profile.records.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.title}<div className="muted"><code>{r.type}</code></div><div className="source">{r.legalBasis}</div></th>
              <td>{f.date(r.occurredAt)}</td>
              <td><RecordStatusText status={r.status} />{r.fulfilledAt && <div className="muted">{f.date(r.fulfilledAt)}</div>}</td>
              <td><PointsText points={r.points} /></td>
              <td>{f.date(r.until)}</td>
              <td>{r.furnisher}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
}
