import type { DisputeCaseView } from '../../../api/wire.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { DisputeCase } from './dispute-case.js';

/** Every dispute the subject opened, newest first, each with its timeline and running deadline. */
export function DisputesSection({ disputes, titleOf, onChanged }: {
  readonly disputes: readonly DisputeCaseView[];
  readonly titleOf: (recordId: string) => string;
  readonly onChanged: () => void;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="disputes-title" className="stack">
      <h2 id="disputes-title" tabIndex={-1}>{t('disputes.title', { n: disputes.length })}</h2>
      {disputes.length === 0 && <p>{t('disputes.none')}</p>}
      {disputes.map((d) => <DisputeCase key={d.id} dispute={d} title={titleOf(d.recordId)} onChanged={onChanged} />)}
    </section>
  );
}
