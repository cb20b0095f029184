import type { HistoryPoint } from '../../api/wire.js';
import type { Translate } from '../../i18n/i18n-context.js';
import type { MessageKey } from '../../i18n/en.js';

const EVENT_KEYS: Readonly<Record<string, MessageKey>> = {
  'record.furnished': 'history.furnished',
  'record.fulfilled': 'history.fulfilled',
  'record.corrected': 'history.corrected',
  'record.retracted': 'history.retracted',
  'dispute.opened': 'history.disputeOpened',
  'dispute.answered': 'history.disputeAnswered',
  'dispute.closed': 'history.disputeClosed',
};

/** A ledger event about a record, in words: "Fulfilled: Tax arrears". */
export function eventLabel(eventType: string | undefined, title: string, t: Translate): string {
  const key = eventType === undefined ? undefined : EVENT_KEYS[eventType];
  return key ? t(key, { title }) : `${eventType ?? ''} ${title}`.trim();
}

/** What moved the points at one step of the history, in words. */
export function historyLabel(p: HistoryPoint, t: Translate, titleOf: (recordId: string) => string): string {
  if (p.cause === 'now') return t('history.now');
  if (p.cause === 'time') return t('history.time');
  return eventLabel(p.event, p.recordId === undefined ? '' : titleOf(p.recordId), t);
}
