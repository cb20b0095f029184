import type { Instant } from '../brand.js';
import { CredenceError } from '../errors.js';
import type { RestorationOutcome } from '../ledger/ledger-event.js';
import type { RecordState } from '../record.js';
import type { CompiledRulebook } from '../rulebook/compile-rulebook.js';
import type { Standing } from '../standing/model.js';
import { periodEnd } from './deadline.js';
import { MAX_GROUNDS } from './decide-dispute.js';
import { RESTORATION_DECISION_PERIOD } from './dispute-periods.js';
import { requireText } from './require-text.js';
import type { Restoration, RestorationEvent } from './restoration.js';

export type RestorationCommand =
  /** `standing`: the subject's standing now; `pending`: an undecided application for the same record exists. */
  | {
    readonly kind: 'apply'; readonly restorationId: string; readonly record: RecordState; readonly listId: string; readonly grounds: string;
    readonly standing: Standing; readonly rulebook: CompiledRulebook; readonly pending: boolean;
  }
  | { readonly kind: 'decide'; readonly outcome: RestorationOutcome; readonly reason: string };

const unavailable = (detail: string, details?: Readonly<Record<string, unknown>>): CredenceError =>
  new CredenceError('restoration_not_available', detail, details);

/**
 * When the record's publicity listings may be ended early: once the longest publicity minimum among
 * the lists it puts the subject on now has passed since the record occurred. Undefined when it
 * causes no publicity listing now.
 */
export function earliestRestoration(record: RecordState, standing: Standing, rb: CompiledRulebook): Instant | undefined {
  let earliest: Instant | undefined;
  for (const l of standing.lists) {
    const def = rb.lists.find((c) => c.def.id === l.listId)?.def;
    if (!def?.publicity || !l.recordIds.includes(record.id)) continue;
    const after = rb.addTerm(record.occurredAt, def.publicity.minimum);
    earliest = earliest === undefined ? after : Math.max(earliest, after);
  }
  return earliest;
}

/** The event a restoration command appends at `at`, or a CredenceError saying why not. */
export function decideRestoration(state: Restoration | undefined, command: RestorationCommand, at: Instant): RestorationEvent {
  if (command.kind === 'apply') {
    const { record, listId, standing, rulebook } = command;
    const listing = standing.lists.find((l) => l.listId === listId && l.recordIds.includes(record.id));
    const def = rulebook.lists.find((c) => c.def.id === listId)?.def;
    if (!listing || !def?.publicity) {
      throw unavailable(`record ${record.id} does not put you on a list with a publicity term called "${listId}" now`, { listId });
    }
    if (command.pending) throw unavailable(`an application for early restoration of record ${record.id} is waiting for the operator's decision`);
    const earliest = earliestRestoration(record, standing, rulebook) ?? at;
    if (at < earliest) {
      throw unavailable(`early restoration may be applied for from ${new Date(earliest).toISOString()} (the publicity minimum)`, { earliest });
    }
    return {
      type: 'restoration.applied', subjectId: record.subjectId, recordId: record.id, restorationId: command.restorationId, listId,
      grounds: requireText('grounds', command.grounds, MAX_GROUNDS), appliedAt: at, decideBy: periodEnd(at, RESTORATION_DECISION_PERIOD),
    };
  }
  if (state === undefined) throw new CredenceError('not_found', 'no such restoration application');
  if (state.decision) throw new CredenceError('step_not_allowed', `restoration ${state.id} was ${state.decision.outcome} already`);
  return {
    type: 'restoration.decided', subjectId: state.subjectId, recordId: state.recordId, restorationId: state.id, outcome: command.outcome,
    reason: requireText('reason', command.reason, MAX_GROUNDS), decidedAt: at,
  };
}
