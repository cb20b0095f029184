import type { Grade } from '../../../src/core/rulebook/model.js';
import { useI18n } from '../i18n/i18n-context.js';

// Grades and outcomes always carry their text and a shape; colour only repeats what the words say.

const GRADE_SHAPE: Readonly<Record<Grade, string>> = { AAA: '▲▲▲', AA: '▲▲', A: '▲', B: '■', C: '▼', D: '▼▼' };

export function GradeBadge({ grade }: { readonly grade: Grade }) {
  const { t } = useI18n();
  return (
    <span className={`badge grade grade-${grade}`} title={t('grade.title', { grade })}>
      <span aria-hidden="true" className="badge-icon">{GRADE_SHAPE[grade]}</span> {grade}
    </span>
  );
}

export function OutcomeBadge({ outcome }: { readonly outcome: 'allow' | 'deny' }) {
  const { t } = useI18n();
  return (
    <span className={`badge outcome-${outcome}`}>
      <span aria-hidden="true" className="badge-icon">{outcome === 'allow' ? '✓' : '✕'}</span>{' '}
      {t(outcome === 'allow' ? 'outcome.allow' : 'outcome.deny')}
    </span>
  );
}

export function ListBadge({ kind, name }: { readonly kind: 'black' | 'red'; readonly name: string }) {
  const { t } = useI18n();
  return (
    <span className={`badge list-${kind}`}>
      <span aria-hidden="true" className="badge-icon">{kind === 'black' ? '⚑' : '★'}</span>{' '}
      {t(kind === 'black' ? 'list.black' : 'list.red')}: {name}
    </span>
  );
}

/** Points as words a person reads: "−100 points", "+10 points", "no points". */
export function PointsText({ points }: { readonly points: number }) {
  const { t } = useI18n();
  if (points === 0) return <span>{t('points.none')}</span>;
  const sign = points > 0 ? '+' : '−';
  return <span className={points > 0 ? 'points-up' : 'points-down'}>{t('points.signed', { sign, n: Math.abs(points) })}</span>;
}

const RECORD_STATUSES = ['active', 'fulfilled', 'corrected', 'retracted'] as const;

/** A record's lifecycle status in words; a status this page does not know is shown as sent. */
export function RecordStatusText({ status }: { readonly status: string }) {
  const { t } = useI18n();
  const known = RECORD_STATUSES.find((s) => s === status);
  return <span className="badge status-badge">{known ? t(`recordStatus.${known}`) : status}</span>;
}
