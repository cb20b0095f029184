import { ListBadge, PointsText } from '../../components/badges.js';
import { useFormat } from '../../components/use-format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatConditions } from './format-conditions.js';
import type { TypeSection } from './rulebook-index.js';
import { ScrollTable } from '../../components/scroll-table.js';

/** One record type: each rule's points, term and source, the lists it leads to and what they trigger. */
export function RuleTypeSection({ section }: { readonly section: TypeSection }) {
  const { t } = useI18n();
  const f = useFormat();
  const headingId = `type-${section.type.replace(/\W/g, '-')}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}><code>{section.type}</code></h3>
      <ScrollTable label={t('rulebook.rulesOf', { type: section.type })} columns={[
        t('rulebook.rule'), t('rulebook.when'), t('rulebook.points'), t('rulebook.afterFulfilment'), t('rulebook.term'),
        t('rulebook.source'),
      ]}>
        {section.rules.map((r) => (
          <tr key={r.id} id={`rule-${r.id}`}>
            <th scope="row"><code>{r.id}</code></th>
            <td>{formatConditions(r.when) || t('rulebook.always')}</td>
            <td>
              <PointsText points={r.points} />
              {r.per && <> {t('rulebook.per', { attr: r.per })}</>}
              {r.cap !== undefined && <div className="muted">{t('rulebook.cap', { cap: r.cap })}</div>}
            </td>
            <td><PointsText points={r.fulfilledPoints ?? 0} /></td>
            <td>{f.term(r.term)}</td>
            <td className="source">{r.source}</td>
          </tr>
        ))}
      </ScrollTable>
      {section.lists.length > 0 && (
        <div className="effects">
          <p>{t('rulebook.leadsTo')} {section.lists.map((l) => <ListBadge key={l.id} kind={l.kind} name={l.name} />)}</p>
          {section.measures.length > 0 && (
            <ul>
              {section.measures.map((m) => (
                <li key={m.id}>
                  <strong>{t(m.effect === 'deny' ? 'measure.deny' : 'measure.benefit')}</strong> <code>{m.action}</code>: {m.description}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
