import type { SubjectFileView } from '../../api/wire.js';
import { GradeBadge, ListBadge } from '../../components/badges.js';
import { useFormat } from '../../components/use-format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { RulebookNames } from '../../components/rulebook-names.js';

/** Grade, points, lists and measures in force: the standing at a glance. */
export function StandingSummary({ file, names }: { readonly file: SubjectFileView; readonly names: RulebookNames }) {
  const { t } = useI18n();
  const f = useFormat();
  const s = file.standing;
  const denies = s.measures.filter((m) => m.effect === 'deny');
  const benefits = s.measures.filter((m) => m.effect === 'benefit');
  return (
    <section aria-labelledby="standing-title" className="stack">
      <h2 id="standing-title">{t('standing.title')}</h2>
      <div className="stat-grid">
        <div className="stat"><div className="muted">{t('standing.grade')}</div><div className="value"><GradeBadge grade={s.grade} /></div></div>
        <div className="stat"><div className="muted">{t('standing.points')}</div><div className="value" data-testid="points">{f.number(s.points)}</div></div>
        <div className="stat"><div className="muted">{t('standing.lists')}</div><div className="value">{s.lists.length}</div></div>
        <div className="stat"><div className="muted">{t('standing.measures')}</div><div className="value">{s.measures.length}</div></div>
      </div>
      <p className="muted">
        {t('standing.asOf', { at: f.dateTime(s.at), version: s.rulebookVersion })}
        {s.nextChangeAt && <> {t('standing.nextChange', { at: f.date(s.nextChangeAt) })}</>}
      </p>
      {s.lists.length > 0 && (
        <div>
          <h3>{t('standing.lists')}</h3>
          <ul>
            {s.lists.map((l) => (
              <li key={l.listId}>
                <ListBadge kind={l.kind} name={names.list(l.listId)} />{' '}
                {t('standing.listSince', { since: f.date(l.since), until: l.until ? f.date(l.until) : t('standing.open') })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {denies.length > 0 && (
        <div>
          <h3>{t('standing.restrictions')}</h3>
          <ul className="crosses">
            {denies.map((m) => (
              <li key={m.measureId}>
                <strong>{names.action(m.action)}</strong>{names.measure(m.measureId) ? `: ${names.measure(m.measureId) ?? ''}` : ''}
                {m.conditional && <span className="muted"> {t('standing.conditional')}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {benefits.length > 0 && (
        <div>
          <h3>{t('standing.benefits')}</h3>
          <ul className="ticks">
            {benefits.map((m) => (
              <li key={m.measureId}><strong>{names.action(m.action)}</strong>: {m.benefit ?? names.measure(m.measureId) ?? m.measureId}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
