import type { Instant } from '../../core/brand.js';
import type { RecordState } from '../../core/record.js';
import type { ExplanationLine } from '../../core/standing/model.js';

export const day = (t: Instant): string => new Date(t).toISOString().slice(0, 10);
export const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');
const pts = (n: number): string => `${signed(n)} point${Math.abs(n) === 1 ? '' : 's'}`;

/** Why one record does or does not count, in words a subject understands. */
export function explainLine(line: ExplanationLine, record: RecordState | undefined): string {
  const rule = line.ruleId === null ? '' : ` (rule ${line.ruleId})`;
  const until = line.until === null ? '' : ` until ${day(line.until)}`;
  switch (line.state) {
    case 'counted':
      return `counts ${pts(line.points)}${until}${rule}`;
    case 'capped':
      return `counts ${pts(line.points)}${until}: the rulebook caps the total for this kind of record${rule}`;
    case 'fulfilled': {
      const when = record?.fulfilledAt === undefined ? '' : ` on ${day(record.fulfilledAt)}`;
      return `fulfilled${when}: now counts ${pts(line.points)}${until}${rule}`;
    }
    case 'expired':
      return `no longer counts: its term under the rulebook has ended${rule}`;
    case 'not_yet':
      return 'does not count yet: it is dated after the moment of this standing';
    case 'retracted':
      return 'does not count: the furnisher retracted it';
    case 'corrected':
      return 'does not count: a correction replaced it (see the corrected record)';
    case 'no_consent':
      return 'does not count: positive civic records count only with the subject\'s consent';
    case 'dispute_unverified':
      return 'does not count: it is disputed and the furnisher did not verify it in time';
    case 'dispute_open':
      return `does not count while its dispute is open${rule}`;
    case 'no_rule':
      return 'moves no points: the rulebook has no rule for this record';
  }
}
