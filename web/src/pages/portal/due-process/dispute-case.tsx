import { MAX_GROUNDS } from '../../../../../src/core/disputes/index.js';
import { appealDispute } from '../../../api/due-process-api.js';
import type { DisputeCaseView } from '../../../api/wire.js';
import { TextActionForm } from '../../../components/text-action-form.js';
import { useFormat } from '../../../components/use-format.js';
import type { MessageKey } from '../../../i18n/en.js';
import { useI18n, type Translate } from '../../../i18n/i18n-context.js';

type Step = DisputeCaseView['timeline'][number];

const STATUS: Readonly<Record<string, MessageKey>> = {
  open: 'dispute.status.open', unverified: 'dispute.status.unverified', confirmed: 'dispute.status.confirmed', corrected: 'dispute.status.corrected',
  retracted: 'dispute.status.retracted', appealed: 'dispute.status.appealed', upheld: 'dispute.status.upheld', overturned: 'dispute.status.overturned',
};

/** One step of the timeline in the reader's language, from the dispute's own fields (not the server's English detail). */
function stepText(d: DisputeCaseView, step: Step, t: Translate): string {
  const furnisher = d.furnisher.name;
  switch (step.step) {
    case 'opened': return t('dispute.step.opened', { grounds: d.grounds });
    case 'unverified': return t('dispute.step.unverified', { furnisher });
    case 'answered': return d.answer ? t(`dispute.step.${d.answer.kind}`, { furnisher, explanation: d.answer.explanation }) : step.detail;
    case 'appealed': return t('dispute.step.appealed', { grounds: d.appeal?.grounds ?? '' });
    case 'decided': return d.decision ? t(`dispute.step.${d.decision.outcome}`, { reason: d.decision.reason }) : step.detail;
    case 'notified': return t('dispute.step.notified', { party: d.notices.find((n) => n.relyingParty.id === step.by)?.relyingParty.name ?? step.by ?? '' });
    default: return step.detail;
  }
}

/** A dispute as its subject follows it: status, every step with its date, the deadline now running, and the appeal when open. */
export function DisputeCase({ dispute: d, title, onChanged }: { readonly dispute: DisputeCaseView; readonly title: string; readonly onChanged: () => void }) {
  const { t } = useI18n();
  const f = useFormat();
  const heading = `dispute-${d.id}-title`;
  const status = STATUS[d.status];
  return (
    <article className={d.overdue ? 'card stack overdue' : 'card stack'} aria-labelledby={heading} data-testid={`dispute-${d.id}`}>
      <h3 id={heading}>{t('disputes.of', { title })}</h3>
      <p><strong>{t('disputes.status', { status: status ? t(status) : d.status })}</strong></p>
      <h4>{t('disputes.timeline')}</h4>
      <ol className="timeline">
        {d.timeline.map((step, i) => (
          <li key={i}><span className="muted">{f.dateTime(step.at)}</span> — {stepText(d, step, t)}</li>
        ))}
        {d.awaiting && d.dueBy && (
          <li className="pending">
            {d.overdue && <span className="overdue-flag"><span aria-hidden="true">⚠ </span>{t('dispute.overdue')}: </span>}
            {t(`dispute.awaiting.${d.awaiting}`, { furnisher: d.furnisher.name, at: f.dateTime(d.dueBy) })}
          </li>
        )}
      </ol>
      {d.evidence.length > 0 && (
        <>
          <h4>{t('disputes.evidence')}</h4>
          <ul>{d.evidence.map((e) => <li key={e.sha256}>{e.name} <span className="muted">({e.mediaType}, {f.number(e.size)} B, SHA-256 <code>{e.sha256.slice(0, 12)}…</code>)</span></li>)}</ul>
        </>
      )}
      {d.notices.length > 0 && (
        <>
          <h4>{t('disputes.notified')}</h4>
          <ul>{d.notices.map((n) => <li key={n.noticeId}>{n.relyingParty.name} <span className="muted">({f.dateTime(n.at)})</span></li>)}</ul>
        </>
      )}
      {d.awaiting === 'subject' && (
        <TextActionForm id={`appeal-${d.id}`} label={t('appeal.grounds')} maxLength={MAX_GROUNDS} submitLabel={t('appeal.submit')}
          onSubmit={async (grounds) => { await appealDispute(d.id, grounds); onChanged(); }} />
      )}
    </article>
  );
}
