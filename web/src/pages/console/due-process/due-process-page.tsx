import { decideAppeal, decideRestoration, fetchAppealQueue, fetchRestorationQueue } from '../../../api/due-process-api.js';
import { fetchPublishedRulebook } from '../../../api/public-api.js';
import { useApi } from '../../../api/use-api.js';
import type { DisputeCaseView, RestorationView } from '../../../api/wire.js';
import { rulebookNames, type RulebookNames } from '../../../components/rulebook-names.js';
import { Async } from '../../../components/status.js';
import { useFormat } from '../../../components/use-format.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { DeadlineText } from './deadline-text.js';
import { DecisionForm } from './decision-form.js';

/** The operator's due-process queues, the earliest deadline first: appeals of furnishers' answers and early-restoration applications. */
export function DueProcessPage() {
  const { t } = useI18n();
  const appeals = useApi((signal) => fetchAppealQueue(signal), 'appeals');
  const restorations = useApi((signal) => fetchRestorationQueue(signal), 'restorations');
  const rulebook = useApi((signal) => fetchPublishedRulebook(signal), 'rulebook');
  const names = rulebookNames(rulebook.state === 'ready' ? rulebook.data.document : undefined);
  return (
    <div className="stack">
      <h1>{t('queue.title')}</h1>
      <p>{t('queue.lead')}</p>
      <Async value={appeals}>{(a) => <AppealQueue appeals={a.disputes} onDecided={appeals.reload} />}</Async>
      <Async value={restorations}>{(r) => <RestorationQueue restorations={r.restorations} names={names} onDecided={restorations.reload} />}</Async>
    </div>
  );
}

function AppealQueue({ appeals, onDecided }: { readonly appeals: readonly DisputeCaseView[]; readonly onDecided: () => void }) {
  const { t } = useI18n();
  const f = useFormat();
  const late = appeals.filter((a) => a.overdue).length;
  return (
    <section aria-labelledby="appeals-title" className="stack">
      <h2 id="appeals-title">{t('appeals.title', { n: appeals.length })}</h2>
      {late > 0 && <p className="overdue-flag"><span aria-hidden="true">⚠ </span>{t('queue.overdueCount', { n: late })}</p>}
      {appeals.length === 0 && <p>{t('appeals.none')}</p>}
      {appeals.map((a) => (
        <article key={a.id} className={a.overdue ? 'card stack overdue' : 'card stack'} aria-labelledby={`appeal-${a.id}`} data-testid={`appeal-${a.id}`}>
          <h3 id={`appeal-${a.id}`}>{t('appeals.of', { id: a.id, record: a.recordId, subject: a.subjectId })}</h3>
          <p>{a.dueBy ? <DeadlineText by={a.dueBy} overdue={a.overdue} /> : null}</p>
          <dl className="facts">
            <dt>{t('appeals.furnisher')}</dt><dd>{a.furnisher.name}</dd>
            <dt>{t('appeals.disputed')}</dt><dd>{a.grounds} <span className="muted">({f.date(a.openedAt)})</span></dd>
            {a.answer && <><dt>{t('appeals.answer')}</dt><dd>{t(`dispute.step.${a.answer.kind}`, { furnisher: a.furnisher.name, explanation: a.answer.explanation })}</dd></>}
            {a.appeal && <><dt>{t('appeals.appealGrounds')}</dt><dd>{a.appeal.grounds} <span className="muted">({f.date(a.appeal.at)})</span></dd></>}
          </dl>
          <DecisionForm id={`decide-${a.id}`}
            outcomes={[{ value: 'upheld', label: t('appeals.upheld') }, { value: 'overturned', label: t('appeals.overturned') }]}
            onDecide={async (outcome, reason) => { await decideAppeal(a.id, { outcome, reason }); onDecided(); }} />
        </article>
      ))}
    </section>
  );
}

function RestorationQueue({ restorations, names, onDecided }: {
  readonly restorations: readonly RestorationView[]; readonly names: RulebookNames; readonly onDecided: () => void;
}) {
  const { t } = useI18n();
  const f = useFormat();
  const late = restorations.filter((r) => r.overdue).length;
  return (
    <section aria-labelledby="restorations-title" className="stack">
      <h2 id="restorations-title">{t('restorations.title', { n: restorations.length })}</h2>
      {late > 0 && <p className="overdue-flag"><span aria-hidden="true">⚠ </span>{t('queue.overdueCount', { n: late })}</p>}
      {restorations.length === 0 && <p>{t('restorations.none')}</p>}
      {restorations.map((r) => (
        <article key={r.id} className={r.overdue ? 'card stack overdue' : 'card stack'} aria-labelledby={`restoration-${r.id}`} data-testid={`restoration-${r.id}`}>
          <h3 id={`restoration-${r.id}`}>{t('restorations.of', { id: r.id, list: names.list(r.listId), record: r.recordId, subject: r.subjectId })}</h3>
          <p><DeadlineText by={r.decideBy} overdue={r.overdue} /> · {t('restorations.applied', { at: f.date(r.appliedAt) })}</p>
          <dl className="facts"><dt>{t('restorations.grounds')}</dt><dd>{r.grounds}</dd></dl>
          <DecisionForm id={`decide-${r.id}`}
            outcomes={[{ value: 'granted', label: t('restorations.granted') }, { value: 'refused', label: t('restorations.refused') }]}
            onDecide={async (outcome, reason) => { await decideRestoration(r.id, { outcome, reason }); onDecided(); }} />
        </article>
      ))}
    </section>
  );
}
