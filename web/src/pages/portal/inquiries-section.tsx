import type { InquiryView } from '../../api/wire.js';
import { OutcomeBadge } from '../../components/badges.js';
import { useFormat } from '../../components/use-format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { RulebookNames } from '../../components/rulebook-names.js';
import { ScrollTable } from '../../components/scroll-table.js';

/** Who checked me: every inquiry, with the reasons of each denial and the records they rest on. */
export function InquiriesSection({ inquiries, names, titleOf = (id) => id }: {
  readonly inquiries: readonly InquiryView[];
  readonly names: RulebookNames;
  /** The record's title for a record id, when the page has the records. */
  readonly titleOf?: (recordId: string) => string;
}) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <section aria-labelledby="inquiries-title" className="stack">
      <h2 id="inquiries-title">{t('inquiries.title', { n: inquiries.length })}</h2>
      {inquiries.length === 0 ? <p>{t('inquiries.none')}</p> : (
        <ScrollTable label={t('inquiries.table')} columns={[
          t('common.when'), t('inquiries.who'), t('inquiries.action'), t('inquiries.purpose'), t('inquiries.outcome'),
          t('inquiries.reasons'),
        ]}>
          {inquiries.map((q) => (
            <tr key={q.decisionId}>
              <td>{f.dateTime(q.at)}</td>
              <th scope="row">{q.relyingParty.name}</th>
              <td>{names.action(q.action)}<div className="muted"><code>{q.action}</code></div></td>
              <td>{q.purpose}</td>
              <td><OutcomeBadge outcome={q.outcome} /></td>
              <td>
                {q.reasons.length === 0 ? '—' : (
                  <ul className="reasons">
                    {q.reasons.map((r) => (
                      <li key={r.measureId}>
                        {r.description}
                        {r.listId && <> — {t('inquiries.becauseList', { list: names.list(r.listId) })}</>}
                        {r.grade && <> — {t('inquiries.becauseGrade', { grade: r.grade })}</>}
                        {r.recordIds.length > 0 && (
                          <> ({t('inquiries.records')}{' '}
                            {r.recordIds.map((id, i) => <span key={id}>{i > 0 && ', '}<a href={`#record-${id}`}>{titleOf(id)}</a></span>)})
                          </>
                        )}
                        <div className="source">{r.legalBasis}</div>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
}
