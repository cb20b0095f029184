import type { RulebookDocument } from '../../api/wire.js';

type Measure = RulebookDocument['measures'][number];
import { useI18n } from '../../i18n/i18n-context.js';
import { formatConditions } from './format-conditions.js';
import { ScrollTable } from '../../components/scroll-table.js';

export function MeasuresTable({ measures }: { readonly measures: readonly Measure[] }) {
  const { t } = useI18n();
  const trigger = (m: Measure) => [
    m.when.list ? t('rulebook.measure.onList', { list: m.when.list }) : '',
    m.when.grades?.length ? t('rulebook.measure.grades', { grades: m.when.grades.join(', ') }) : '',
    m.when.context ? formatConditions(m.when.context) : '',
    m.when.subjects?.length ? m.when.subjects.map((s) => t(`subjectKind.${s}`)).join(', ') : '',
  ].filter(Boolean).join(' · ');
  return (
    <ScrollTable label={t('rulebook.measures')} columns={[
      t('rulebook.measure.action'), t('rulebook.measure.effect'), t('rulebook.measure.when'), t('rulebook.measure.description'),
      t('rulebook.measure.legalBasis'),
    ]}>
      {measures.map((m) => (
        <tr key={m.id} id={`measure-${m.id}`}>
          <th scope="row"><code>{m.action}</code></th>
          <td>
            {t(m.effect === 'deny' ? 'measure.deny' : 'measure.benefit')}
            {m.benefit && <> (<code>{m.benefit}</code>)</>}
          </td>
          <td>{trigger(m)}</td>
          <td>{m.description}</td>
          <td className="source">{m.legalBasis}<div className="muted">{m.source}</div></td>
        </tr>
      ))}
    </ScrollTable>
  );
}
