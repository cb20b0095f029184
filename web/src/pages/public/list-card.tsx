import type { RulebookDocument } from '../../api/wire.js';
import { ListBadge } from '../../components/badges.js';
import { useFormat } from '../../components/use-format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatConditions } from './format-conditions.js';

export function ListCard({ list }: { readonly list: RulebookDocument['lists'][number] }) {
  const { t } = useI18n();
  const f = useFormat();
  const entry = [
    list.entry.types?.length ? t('rulebook.list.entryTypes', { types: list.entry.types.join(', ') }) : '',
    list.entry.when ? formatConditions(list.entry.when) : '',
    list.entry.grades?.length ? t('rulebook.list.entryGrades', { grades: list.entry.grades.join(', ') }) : '',
  ].filter(Boolean).join(' · ');
  return (
    <section className="card" aria-labelledby={`list-${list.id}`} id={`list-card-${list.id}`}>
      <h3 id={`list-${list.id}`}>{list.name} <ListBadge kind={list.kind} name={list.id} /></h3>
      <dl className="facts">
        <dt>{t('rulebook.list.subjects')}</dt><dd>{list.subjects.map((s) => t(`subjectKind.${s}`)).join(', ')}</dd>
        <dt>{t('rulebook.list.entry')}</dt><dd>{entry}</dd>
        <dt>{t('rulebook.term')}</dt>
        <dd>
          {list.term ? f.term(list.term) : t('rulebook.list.whileGrade')}
          {list.extension && <> · {t('rulebook.list.extension', { attr: list.extension.attribute, years: list.extension.maxYears })}</>}
        </dd>
        <dt>{t('rulebook.list.exit')}</dt>
        <dd>{t(list.exitOnFulfilment ? 'rulebook.list.exitOnFulfilment' : 'rulebook.list.exitAtTerm')}</dd>
        {list.publicity && (
          <>
            <dt>{t('rulebook.list.publicity')}</dt>
            <dd>{t('rulebook.list.publicityRange', { min: f.term(list.publicity.minimum), max: f.term(list.publicity.maximum) })}</dd>
          </>
        )}
        <dt>{t('rulebook.source')}</dt><dd className="source">{list.source}</dd>
      </dl>
    </section>
  );
}
