import { useState } from 'react';
import { MAX_GROUNDS } from '../../../../../src/core/disputes/index.js';
import { TextActionForm } from '../../../components/text-action-form.js';
import { useI18n } from '../../../i18n/i18n-context.js';

/** A binding decision: one of two outcomes (radio buttons) and the reasons the parties will read. */
export function DecisionForm<O extends string>({ id, outcomes, onDecide }: {
  readonly id: string;
  readonly outcomes: readonly { readonly value: O; readonly label: string }[];
  readonly onDecide: (outcome: O, reason: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<O | null>(null);
  return (
    <TextActionForm id={`${id}-reason`} label={t('appeals.reason')} maxLength={MAX_GROUNDS} submitLabel={t('appeals.submit')}
      onSubmit={async (reason) => {
        if (outcome === null) throw new Error(t('appeals.outcome'));
        await onDecide(outcome, reason);
      }}>
      <fieldset>
        <legend>{t('appeals.outcome')}</legend>
        {outcomes.map((o) => (
          <div className="field checkbox" key={o.value}>
            <input type="radio" id={`${id}-${o.value}`} name={`${id}-outcome`} value={o.value} required checked={outcome === o.value}
              onChange={() => setOutcome(o.value)} />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
    </TextActionForm>
  );
}
