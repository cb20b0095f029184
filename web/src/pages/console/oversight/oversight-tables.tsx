import type { OversightView } from '../../../api/wire.js';
import { ListBadge } from '../../../components/badges.js';
import type { RulebookNames } from '../../../components/rulebook-names.js';
import { useFormat } from '../../../components/use-format.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { sizeDaysAgo, type ListSeries } from './list-series.js';

const percent = (part: number, whole: number): string => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);

export function GradesTable({ figures }: { readonly figures: OversightView }) {
  const { t } = useI18n();
  const f = useFormat();
  const rated = figures.grades.reduce((n, g) => n + g.subjects, 0);
  return (
    <div className="table-scroll" role="region" aria-labelledby="grades-table" tabIndex={0}>
      <table>
        <caption id="grades-table" className="visually-hidden">{t('oversight.grades')}</caption>
        <thead><tr><th scope="col">{t('oversight.grade')}</th><th scope="col" className="num">{t('oversight.subjectsCol')}</th><th scope="col" className="num">{t('oversight.share')}</th></tr></thead>
        <tbody>
          {figures.grades.map((g) => (
            <tr key={g.grade}><th scope="row">{g.grade}</th><td className="num">{f.number(g.subjects)}</td><td className="num">{percent(g.subjects, rated)}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Every list of the rulebook in force: its size now and, from the daily series, 30 and 89 days ago. */
export function ListsTable({ figures, names }: { readonly figures: OversightView; readonly names: RulebookNames }) {
  const { t } = useI18n();
  const f = useFormat();
  const then = (listId: string, days: number) => {
    const n = sizeDaysAgo(figures.listHistory, listId, days);
    return n === undefined ? '—' : f.number(n);
  };
  return (
    <div className="table-scroll" role="region" aria-labelledby="lists-table" tabIndex={0}>
      <table>
        <caption id="lists-table" className="visually-hidden">{t('oversight.lists')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('oversight.list')}</th><th scope="col" className="num">{t('oversight.now')}</th>
            <th scope="col" className="num">{t('oversight.daysAgo', { n: 30 })}</th><th scope="col" className="num">{t('oversight.daysAgo', { n: 89 })}</th>
          </tr>
        </thead>
        <tbody>
          {figures.lists.map((l) => (
            <tr key={l.listId} data-testid={`list-${l.listId}`}>
              <th scope="row"><ListBadge kind={l.kind} name={names.list(l.listId)} />{l.byGrade && <div className="muted">{t('oversight.byGrade')}</div>}</th>
              <td className="num">{f.number(l.subjects)}</td>
              <td className="num">{l.byGrade ? '—' : then(l.listId, 30)}</td>
              <td className="num">{l.byGrade ? '—' : then(l.listId, 89)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function HistoryTable({ days, series, names }: { readonly days: readonly string[]; readonly series: readonly ListSeries[]; readonly names: RulebookNames }) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <div className="table-scroll" role="region" aria-label={t('oversight.historyTable')} tabIndex={0}>
      <table>
        <thead>
          <tr><th scope="col">{t('oversight.day')}</th>{series.map((s) => <th scope="col" className="num" key={s.listId}>{names.list(s.listId)}</th>)}</tr>
        </thead>
        <tbody>
          {days.map((day, i) => (
            <tr key={day}><th scope="row">{day}</th>{series.map((s) => <td className="num" key={s.listId}>{f.number(s.subjects[i] ?? 0)}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ChecksTable({ checks, names }: { readonly checks: OversightView['checks']; readonly names: RulebookNames }) {
  const { t } = useI18n();
  const f = useFormat();
  if (checks.byAction.length === 0) return <p>{t('oversight.noChecks')}</p>;
  return (
    <div className="table-scroll" role="region" aria-labelledby="checks-table" tabIndex={0}>
      <table>
        <caption id="checks-table" className="visually-hidden">{t('oversight.checks', { n: checks.days })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('oversight.sector')}</th><th scope="col">{t('oversight.action')}</th><th scope="col" className="num">{t('oversight.checksCol')}</th>
            <th scope="col" className="num">{t('oversight.denials')}</th><th scope="col" className="num">{t('oversight.denialRate')}</th>
          </tr>
        </thead>
        <tbody>
          {checks.byAction.map((a) => (
            <tr key={a.action}>
              <td>{a.sector}</td>
              <th scope="row">{names.action(a.action)}<div className="muted"><code>{a.action}</code></div></th>
              <td className="num">{f.number(a.checks)}</td><td className="num">{f.number(a.denials)}</td><td className="num">{percent(a.denials, a.checks)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RejectionsTable({ rejections }: { readonly rejections: OversightView['rejections'] }) {
  const { t } = useI18n();
  const f = useFormat();
  if (rejections.length === 0) return <p>{t('oversight.noRejections')}</p>;
  return (
    <div className="table-scroll" role="region" aria-labelledby="rejections-table" tabIndex={0}>
      <table>
        <caption id="rejections-table" className="visually-hidden">{t('oversight.rejections')}</caption>
        <thead><tr><th scope="col">{t('oversight.reason')}</th><th scope="col" className="num">{t('oversight.items')}</th></tr></thead>
        <tbody>
          {rejections.map((r) => <tr key={r.reason}><th scope="row"><code>{r.reason}</code></th><td className="num">{f.number(r.items)}</td></tr>)}
        </tbody>
      </table>
    </div>
  );
}
