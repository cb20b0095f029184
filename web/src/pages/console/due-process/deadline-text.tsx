import { useFormat } from '../../../components/use-format.js';
import { useI18n } from '../../../i18n/i18n-context.js';

/** A queue item's deadline: "Decide by …", or, past it, a warning sign and "Overdue: the deadline was …". */
export function DeadlineText({ by, overdue }: { readonly by: string; readonly overdue: boolean }) {
  const { t } = useI18n();
  const f = useFormat();
  if (!overdue) return <span>{t('queue.due', { at: f.dateTime(by) })}</span>;
  return <strong className="overdue-flag"><span aria-hidden="true">⚠ </span>{t('queue.overdue', { at: f.dateTime(by) })}</strong>;
}
