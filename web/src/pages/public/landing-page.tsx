import { useI18n } from '../../i18n/i18n-context.js';
import type { MessageKey } from '../../i18n/en.js';
import { Link } from '../../router/link.js';
import { CheckpointPanel } from './checkpoint-panel.js';

const DOES: readonly MessageKey[] = ['landing.does.rules', 'landing.does.explained', 'landing.does.file', 'landing.does.log'];
const REFUSES: readonly MessageKey[] = [
  'landing.refuses.domains', 'landing.refuses.others', 'landing.refuses.thirdParty',
  'landing.refuses.expiry', 'landing.refuses.shaming', 'landing.refuses.hidden',
];

export function LandingPage() {
  const { t } = useI18n();
  return (
    <div className="stack">
      <section className="hero">
        <h1>{t('landing.title')}</h1>
        <p className="lead">{t('landing.lead')}</p>
        <p className="actions">
          <Link className="button" to="/rulebook">{t('landing.cta.rulebook')}</Link>
          <Link className="button" to="/organizations">{t('landing.cta.lookup')}</Link>
          <Link className="button secondary" to="/portal">{t('landing.cta.portal')}</Link>
        </p>
      </section>
      <div className="columns">
        <section aria-labelledby="does">
          <h2 id="does">{t('landing.does.title')}</h2>
          <ul className="ticks">{DOES.map((k) => <li key={k}>{t(k)}</li>)}</ul>
        </section>
        <section aria-labelledby="refuses">
          <h2 id="refuses">{t('landing.refuses.title')}</h2>
          <ul className="crosses">{REFUSES.map((k) => <li key={k}>{t(k)}</li>)}</ul>
        </section>
      </div>
      <CheckpointPanel />
    </div>
  );
}
