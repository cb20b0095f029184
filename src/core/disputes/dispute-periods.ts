import type { DisputePolicy } from '../rulebook/model.js';
import type { DayCount } from './deadline.js';

/** The subject may appeal the furnisher's answer to the operator within 10 days (calendar days). */
export const APPEAL_PERIOD: DayCount = { days: 10, workingDays: false };
/** The operator decides an appeal within 15 days of it (calendar days). */
export const APPEAL_DECISION_PERIOD: DayCount = { days: 15, workingDays: false };
/** The operator's target for deciding an early-restoration application (calendar days). */
export const RESTORATION_DECISION_PERIOD: DayCount = { days: 15, workingDays: false };

/** How long the furnisher has to verify a disputed record of this type: the rulebook's override, else its default. */
export function verifyPeriod(policy: DisputePolicy, recordType: string): DayCount {
  const own = policy.perType?.[recordType];
  return own ? { days: own.verifyWithinDays, workingDays: own.workingDays } : { days: policy.verifyWithinDays, workingDays: policy.workingDays };
}
