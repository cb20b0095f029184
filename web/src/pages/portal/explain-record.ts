import type { FileRecordView } from '../../api/wire.js';
import type { Translate } from '../../i18n/i18n-context.js';

/** One sentence saying whether a record counts, why, by how much and until when. */
export function explainRecord(r: FileRecordView, t: Translate, date: (iso: string | null) => string): string {
  const sign = r.points > 0 ? '+' : r.points < 0 ? '−' : '';
  const points = r.points === 0 ? t('points.none') : t('points.signed', { sign, n: Math.abs(r.points) });
  const rule = r.ruleId ?? '—';
  const until = date(r.until);
  switch (r.state) {
    case 'counted': return t('explain.counted', { points, rule, until });
    case 'fulfilled': return t('explain.fulfilled', { points, rule, until });
    case 'capped': return t('explain.capped', { points, rule, until });
    case 'expired': return t('explain.expired', { rule });
    case 'not_yet': return t('explain.notYet');
    case 'retracted': return t('explain.retracted');
    case 'corrected': return t('explain.corrected');
    case 'no_consent': return t('explain.noConsent');
    case 'dispute_unverified': return t('explain.disputeUnverified');
    case 'dispute_open': return t('explain.disputeOpen');
    case 'no_rule': return t('explain.noRule');
    default: return r.state;
  }
}
