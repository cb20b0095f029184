import { useDeferredValue, useMemo, useState } from 'react';
import { fetchPublishedRulebook } from '../../api/public-api.js';
import { useApi } from '../../api/use-api.js';
import { GradeBadge } from '../../components/badges.js';
import { Async } from '../../components/status.js';
import { useFormat } from '../../components/use-format.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { RulebookView } from '../../api/wire.js';
import { ListCard } from './list-card.js';
import { MeasuresTable } from './measures-table.js';
import { indexRulebook } from './rulebook-index.js';
import { RuleTypeSection } from './rule-type-section.js';

export function RulebookPage() {
  const { t } = useI18n();
  const rulebook = useApi((signal) => fetchPublishedRulebook(signal), 'rulebook');
  return (
    <div className="stack">
      <h1>{t('rulebook.title')}</h1>
      <p className="lead">{t('rulebook.lead')}</p>
      <Async value={rulebook}>{(rb) => <RulebookBody view={rb} />}</Async>
    </div>
  );
}

function RulebookBody({ view: published }: { readonly view: RulebookView }) {
  const rulebook = published.document;
  const { t } = useI18n();
  const f = useFormat();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const view = useMemo(() => indexRulebook(rulebook, deferred), [rulebook, deferred]);
  const bands = rulebook.grading.bands;
  return (
    <>
      <p>{t('rulebook.version', { version: rulebook.version, title: rulebook.title })}</p>
      <div role="search" className="search-box">
        <label htmlFor="rulebook-search">{t('rulebook.search')}</label>
        <input id="rulebook-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)}
          placeholder={t('rulebook.searchPlaceholder')} />
        <p role="status" className="muted">
          {t('rulebook.found', { rules: view.types.reduce((n, s) => n + s.rules.length, 0), lists: view.lists.length, measures: view.measures.length })}
        </p>
      </div>

      <section aria-labelledby="grading">
        <h2 id="grading">{t('rulebook.grading')}</h2>
        <p>{t('rulebook.base', { base: rulebook.grading.base })}</p>
        <ul className="inline-list">
          {bands.map((b) => (
            <li key={b.grade}><GradeBadge grade={b.grade} /> {b.min === undefined ? t('rulebook.bandBelow') : t('rulebook.bandFrom', { min: b.min })}</li>
          ))}
        </ul>
        <p className="source">{rulebook.grading.source}</p>
      </section>

      <section aria-labelledby="rules" className="stack">
        <h2 id="rules">{t('rulebook.rules')}</h2>
        {view.types.length === 0 && <p>{t('rulebook.noMatch')}</p>}
        {view.types.map((s) => <RuleTypeSection key={s.type} section={s} />)}
      </section>

      <section aria-labelledby="lists" className="stack">
        <h2 id="lists">{t('rulebook.lists')}</h2>
        {view.lists.map((l) => <ListCard key={l.id} list={l} />)}
      </section>

      <section aria-labelledby="measures">
        <h2 id="measures">{t('rulebook.measures')}</h2>
        <MeasuresTable measures={view.measures} />
      </section>

      <section aria-labelledby="disputes">
        <h2 id="disputes">{t('rulebook.disputes')}</h2>
        <p>{t(rulebook.disputes.workingDays ? 'rulebook.disputeWorkingDays' : 'rulebook.disputeDays', { days: rulebook.disputes.verifyWithinDays })}</p>
        {Object.entries(rulebook.disputes.perType ?? {}).map(([type, p]) => (
          <p key={type}><code>{type}</code>: {t(p.workingDays ? 'rulebook.disputeWorkingDays' : 'rulebook.disputeDays', { days: p.verifyWithinDays })}</p>
        ))}
        <p className="source">{rulebook.disputes.source}</p>
        <p className="muted">{f.number(rulebook.rules.length)} · {t('rulebook.rules')}</p>
      </section>
    </>
  );
}
