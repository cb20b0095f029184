import type { OversightView } from '../../../api/wire.js';
import { ListBadge } from '../../../components/badges.js';
import type { RulebookNames } from '../../../components/rulebook-names.js';
import { useFormat } from '../../../components/use-format.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { sizeDaysAgo, type ListSeries } from './list-series.js';
import { ScrollTable } from '../../../components/scroll-table.js';

const percent = (part: number, whole: number): string => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);

export function GradesTable({ figures }: { readonly figures: OversightView }) {
  const { t } = useI18n();
  const f = useFormat();
  const rated = figures.grades.reduce((n, g) => n + g.subjects, 0);
  return (
    <ScrollTable label={t('oversight.grades')} caption="hidden" columns={[
      t('oversight.grade'), { label: t('oversight.subjectsCol'), num: true }, { label: t('oversight.share'), num: true },
    ]}>
      {figures.grades.map((g) => (
        <tr key={g.grade}><th scope="row">{g.grade}</th><td className="num">{f.number(g.subjects)}</td><td className="num">{percent(g.subjects, rated)}</td></tr>
      ))}
    </ScrollTable>
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
    <ScrollTable label={t('oversight.lists')} caption="hidden" columns={[
      t('oversight.list'), { label: t('oversight.now'), num: true }, { label: t('oversight.daysAgo', { n: 30 }), num: true },
      { label: t('oversight.daysAgo', { n: 89 }), num: true },
    ]}>
      {figures.lists.map((l) => (
        <tr key={l.listId} data-testid={`list-${l.listId}`}>
          <th scope="row"><ListBadge kind={l.kind} name={names.list(l.listId)} />{l.byGrade && <div className="muted">{t('oversight.byGrade')}</div>}</th>
          <td className="num">{f.number(l.subjects)}</td>
          <td className="num">{l.byGrade ? '—' : then(l.listId, 30)}</td>
          <td className="num">{l.byGrade ? '—' : then(l.listId, 89)}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}

export function HistoryTable({ days, series, names }: { readonly days: readonly string[]; readonly series: readonly ListSeries[]; readonly names: RulebookNames }) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <ScrollTable label={t('oversight.historyTable')} columns={[
      t('oversight.day'), ...series.map((s) => ({ label: names.list(s.listId), num: true })),
    ]}>
      {days.map((day, i) => (
        <tr key={day}><th scope="row">{day}</th>{series.map((s) => <td className="num" key={s.listId}>{f.number(s.subjects[i] ?? 0)}</td>)}</tr>
      ))}
    </ScrollTable>
  );
}

export function ChecksTable({ checks, names }: { readonly checks: OversightView['checks']; readonly names: RulebookNames }) {
  const { t } = useI18n();
  const f = useFormat();
  if (checks.byAction.length === 0) return <p>{t('oversight.noChecks')}</p>;
  return (
    <ScrollTable label={t('oversight.checks', { n: checks.days })} caption="hidden" columns={[
      t('oversight.sector'), t('oversight.action'), { label: t('oversight.checksCol'), num: true },
      { label: t('oversight.denials'), num: true }, { label: t('oversight.denialRate'), num: true },
    ]}>
      {checks.byAction.map((a) => (
        <tr key={a.action}>
          <td>{a.sector}</td>
          <th scope="row">{names.action(a.action)}<div className="muted"><code>{a.action}</code></div></th>
          <td className="num">{f.number(a.checks)}</td><td className="num">{f.number(a.denials)}</td><td className="num">{percent(a.denials, a.checks)}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}

export function RejectionsTable({ rejections }: { readonly rejections: OversightView['rejections'] }) {
  const { t } = useI18n();
  const f = useFormat();
  if (rejections.length === 0) return <p>{t('oversight.noRejections')}</p>;
  return (
    <ScrollTable label={t('oversight.rejections')} caption="hidden" columns={[
      t('oversight.reason'), { label: t('oversight.items'), num: true },
    ]}>
      {rejections.map((r) => <tr key={r.reason}><th scope="row"><code>{r.reason}</code></th><td className="num">{f.number(r.items)}</td></tr>)}
    </ScrollTable>
  );
}
