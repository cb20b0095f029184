import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { ErrorBox } from './status.js';
import { useAction } from './use-action.js';

/**
 * One labelled text box and a submit button, for the due-process steps that are a piece of text
 * (a statement, an appeal, an application). The caller's `onSubmit` does the request; its error is shown here.
 */
export function TextActionForm({ id, label, hint, maxLength, submitLabel, onSubmit, onCancel, children }: {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly maxLength: number;
  readonly submitLabel: string;
  readonly onSubmit: (text: string) => Promise<void>;
  readonly onCancel?: () => void;
  /** More fields, before the text box (a decision's outcome before its reasons). */
  readonly children?: ReactNode;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const { busy, error, onSubmit: submit } = useAction(async () => {
    await onSubmit(text.trim());
    setText('');
  });
  return (
    <form className="stack action-form" onSubmit={submit}>
      {children}
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <textarea id={id} className="prose" required rows={3} maxLength={maxLength} value={text} onChange={(e) => setText(e.target.value)}
          {...(hint ? { 'aria-describedby': `${id}-hint` } : {})} />
        {hint && <span id={`${id}-hint`} className="hint">{hint}</span>}
      </div>
      {error ? <ErrorBox error={error} /> : null}
      <p className="actions">
        <button type="submit" disabled={busy}>{submitLabel}</button>
        {onCancel && <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>}
      </p>
    </form>
  );
}
