import { useState } from 'react';
import { MAX_GROUNDS, MAX_STATEMENT } from '../../../../../src/core/disputes/index.js';
import { applyForRestoration, attachStatement } from '../../../api/due-process-api.js';
import type { DisputeCaseView, FileRecordView, RestorationView, StatementView } from '../../../api/wire.js';
import { TextActionForm } from '../../../components/text-action-form.js';
import { useFormat } from '../../../components/use-format.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { DisputeForm } from './dispute-form.js';

/** What the subject's due process knows about one record. */
export interface RecordDueProcess {
  /** The record's dispute still in progress, if any. */
  readonly openDispute?: DisputeCaseView;
  readonly statement?: StatementView;
  /** Publicity listings this record causes now, from which early restoration may be sought. */
  readonly publicityLists: readonly { readonly listId: string; readonly name: string }[];
  readonly restorations: readonly RestorationView[];
}

type Open = 'dispute' | 'statement' | `restoration:${string}` | null;

/** Under a record of the subject's own file: dispute it, attach a statement, apply for early restoration. */
export function RecordActions({ record, state, onChanged }: { readonly record: FileRecordView; readonly state: RecordDueProcess; readonly onChanged: () => void }) {
  const { t } = useI18n();
  const f = useFormat();
  const [open, setOpen] = useState<Open>(null);
  const done = () => { setOpen(null); onChanged(); };
  const disputable = !state.openDispute && (record.status === 'active' || record.status === 'fulfilled');
  return (
    <div className="stack">
      {state.statement && (
        <div className="statement">
          <div className="muted">{t('statement.current', { at: f.dateTime(state.statement.attachedAt) })}</div>
          <p>{state.statement.text}</p>
        </div>
      )}
      {state.openDispute && <p><a href="#disputes-title">{t('dispute.openNow')}</a></p>}
      {state.restorations.map((r) => (
        <p key={r.id}>
          {r.decision ? t(`restoration.${r.decision.outcome}`, { at: f.date(r.decision.at), reason: r.decision.reason })
            : t('restoration.pending', { at: f.date(r.decideBy) })}
        </p>
      ))}
      <p className="actions">
        {disputable && (
          <button type="button" className="secondary" aria-expanded={open === 'dispute'} onClick={() => setOpen(open === 'dispute' ? null : 'dispute')}>
            {t('dispute.action')}<span className="visually-hidden">: {record.title}</span>
          </button>
        )}
        <button type="button" className="secondary" aria-expanded={open === 'statement'} onClick={() => setOpen(open === 'statement' ? null : 'statement')}>
          {t(state.statement ? 'statement.change' : 'statement.action')}<span className="visually-hidden">: {record.title}</span>
        </button>
        {state.publicityLists.filter((l) => !state.restorations.some((r) => r.listId === l.listId && !r.decision)).map((l) => (
          <button key={l.listId} type="button" className="secondary" aria-expanded={open === `restoration:${l.listId}`}
            onClick={() => setOpen(open === `restoration:${l.listId}` ? null : `restoration:${l.listId}`)}>{t('restoration.actionFor', { list: l.name })}</button>
        ))}
      </p>
      {open === 'dispute' && <DisputeForm recordId={record.id} title={record.title} onOpened={done} onCancel={() => setOpen(null)} />}
      {open === 'statement' && (
        <TextActionForm id={`statement-${record.id}`} label={t('statement.text')} hint={t('statement.hint', { n: MAX_STATEMENT })} maxLength={MAX_STATEMENT}
          submitLabel={t('statement.submit')} onCancel={() => setOpen(null)}
          onSubmit={async (text) => { await attachStatement(record.id, text); done(); }} />
      )}
      {open?.startsWith('restoration:') && (
        <TextActionForm id={`restoration-${record.id}`} label={t('restoration.grounds')} maxLength={MAX_GROUNDS} submitLabel={t('restoration.submit')}
          onCancel={() => setOpen(null)}
          onSubmit={async (grounds) => { await applyForRestoration({ recordId: record.id, listId: open.slice('restoration:'.length), grounds }); done(); }} />
      )}
    </div>
  );
}
