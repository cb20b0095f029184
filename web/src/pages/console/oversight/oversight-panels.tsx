import { lazy, Suspense, type ReactNode } from 'react';
import { fetchOversight } from '../../../api/operator-api.js';
import { useApi } from '../../../api/use-api.js';
import type { OversightView } from '../../../api/wire.js';
import type { RulebookNames } from '../../../components/rulebook-names.js';
import { Async, Loading } from '../../../components/status.js';
import { useFormat } from '../../../components/use-format.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { Link } from '../../../router/link.js';
import { ChecksTable, GradesTable, HistoryTable, ListsTable, RejectionsTable } from './oversight-tables.js';
import { seriesWithMembers } from './list-series.js';

// The charting library is a chunk of its own: the figures and tables show before it loads.
const GradesChart = lazy(() => import('./grades-chart.js'));
const ListHistoryChart = lazy(() => import('./list-history-chart.js'));
const ChecksChart = lazy(() => import('./checks-chart.js'));

const Chart = ({ children }: { readonly children: ReactNode }) => <Suspense fallback={<Loading />}>{children}</Suspense>;

/** The registry's oversight figures (GET /v1/oversight): every chart has the same numbers in a table. */
export function OversightPanels({ names }: { readonly names: RulebookNames }) {
  const figures = useApi((signal) => fetchOversight(signal), 'oversight');
  return <Async value={figures}>{(data) => <Figures figures={data} names={names} />}</Async>;
}

function Figures({ figures, names }: { readonly figures: OversightView; readonly names: RulebookNames }) {
  const { t } = useI18n();
  const f = useFormat();
  const history = figures.listHistory;
  const drawn = seriesWithMembers(history);
  const d = figures.disputes;
  const overdue = d ? d.overdueFurnisher + d.overdueOperator : 0;
  return (
    <>
      <p className="muted" data-testid="oversight-as-of">{t('oversight.asOf', { at: f.dateTime(figures.at), version: figures.rulebookVersion })}</p>
      <section aria-labelledby="dash-subjects" className="stack">
        <h2 id="dash-subjects">{t('oversight.subjects')}</h2>
        <div className="stat-grid">
          <Stat label={t('oversight.total')} value={f.number(figures.subjects.total)} testId="subjects-total"
            note={figures.subjects.unrated > 0 ? t('oversight.unrated', { n: f.number(figures.subjects.unrated) }) : undefined} />
          <Stat label={t('kind.person')} value={f.number(figures.subjects.person)} />
          <Stat label={t('kind.organization')} value={f.number(figures.subjects.organization)} />
          <Stat label={t('kind.public_body')} value={f.number(figures.subjects.public_body)} />
        </div>
      </section>
      <section aria-labelledby="dash-grades" className="stack">
        <h2 id="dash-grades">{t('oversight.grades')}</h2>
        <div className="columns">
          <Chart><GradesChart grades={figures.grades} /></Chart>
          <GradesTable figures={figures} />
        </div>
      </section>
      <section aria-labelledby="dash-lists" className="stack">
        <h2 id="dash-lists">{t('oversight.lists')}</h2>
        <ListsTable figures={figures} names={names} />
        <h3>{t('oversight.history', { n: 'days' in history ? history.days.length : 90 })}</h3>
        <p className="muted">{t('oversight.historyLead')}</p>
        {'skipped' in history ? <p className="warning">{t('oversight.historySkipped', { limit: f.number(history.limit) })}</p>
          : drawn.length === 0 ? <p>{t('oversight.historyNone')}</p> : (
            <>
              <Chart><ListHistoryChart days={history.days} series={drawn} names={names} /></Chart>
              <details>
                <summary>{t('oversight.historyTable')}</summary>
                <HistoryTable days={history.days} series={drawn} names={names} />
              </details>
            </>
          )}
      </section>
      <section aria-labelledby="dash-checks" className="stack">
        <h2 id="dash-checks">{t('oversight.checks', { n: figures.checks.days })}</h2>
        <p data-testid="checks-total">{t('oversight.checksTotal', { total: f.number(figures.checks.total), denials: f.number(figures.checks.denials) })}</p>
        {figures.checks.byAction.length > 0 && <Chart><ChecksChart byAction={figures.checks.byAction} /></Chart>}
        <ChecksTable checks={figures.checks} names={names} />
      </section>
      {d && (
        <section aria-labelledby="dash-disputes" className="stack" data-testid="dispute-figures">
          <h2 id="dash-disputes">{t('oversight.disputes')}</h2>
          <div className="stat-grid">
            <Stat label={t('oversight.disputesOpened', { since: f.date(d.since) })} value={f.number(d.opened)} />
            <Stat label={t('oversight.awaitingFurnisher')} value={f.number(d.awaitingFurnisher)} />
            <Stat label={t('oversight.awaitingOperator')} value={f.number(d.awaitingOperator)} />
            <Stat label={t('oversight.resolved')} value={f.number(d.resolved)} />
            <Stat label={t('oversight.overdue')} value={f.number(overdue)} warn={overdue > 0} testId="disputes-overdue"
              note={overdue > 0 ? t('oversight.overdueDetail', { furnisher: f.number(d.overdueFurnisher), operator: f.number(d.overdueOperator) }) : t('oversight.noneOverdue')} />
            <Stat label={t('oversight.restorations')} value={f.number(d.restorationsPending)} warn={d.restorationsOverdue > 0}
              note={t('oversight.restorationsDetail', { overdue: f.number(d.restorationsOverdue), decided: f.number(d.restorationsDecided) })} />
          </div>
          <p><Link to="/console/due-process">{t('console.dueProcess')}</Link></p>
        </section>
      )}
      <section aria-labelledby="dash-rejections" className="stack">
        <h2 id="dash-rejections">{t('oversight.rejections')}</h2>
        <RejectionsTable rejections={figures.rejections} />
      </section>
    </>
  );
}

/** One figure; `warn` marks it with an icon and a border as well as its words, never by colour alone. */
function Stat({ label, value, note, warn = false, testId }: {
  readonly label: string; readonly value: string; readonly note?: string | undefined; readonly warn?: boolean; readonly testId?: string;
}) {
  return (
    <div className={warn ? 'stat stat-warn' : 'stat'} data-testid={testId}>
      <div className="muted">{label}</div>
      <div className="value">{warn && <span aria-hidden="true">⚠ </span>}{value}</div>
      {note && <div className="muted">{note}</div>}
    </div>
  );
}
