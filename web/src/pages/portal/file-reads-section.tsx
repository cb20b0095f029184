import type { FileReadView } from '../../api/wire.js';
import { useFormat } from '../../components/use-format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ScrollTable } from '../../components/scroll-table.js';

/** Who else opened my file: every operator lookup, with when. */
export function FileReadsSection({ reads }: { readonly reads: readonly FileReadView[] }) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <section aria-labelledby="reads-title" className="stack">
      <h2 id="reads-title">{t('reads.title', { n: reads.length })}</h2>
      {reads.length === 0 ? <p>{t('reads.none')}</p> : (
        <ScrollTable label={t('reads.table')} columns={[t('common.when'), t('reads.who')]}>
          {reads.map((r, i) => (
            <tr key={`${r.at}-${r.operator.id}-${i}`}>
              <td>{f.dateTime(r.at)}</td>
              <th scope="row">{r.operator.name}</th>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
}
