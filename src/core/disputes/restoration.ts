import type { Instant, RecordId, SubjectId } from '../brand.js';
import type { LedgerEvent, RestorationOutcome } from '../ledger/ledger-event.js';
import type { Step } from './dispute.js';

export type RestorationEvent = Extract<LedgerEvent, { readonly type: 'restoration.applied' | 'restoration.decided' }>;

/** An application for early restoration of a publicity listing, as folded from its events. */
export interface Restoration {
  readonly id: string;
  readonly subjectId: SubjectId;
  /** The record whose publicity listings the application asks to end. */
  readonly recordId: RecordId;
  readonly listId: string;
  readonly grounds: string;
  readonly appliedAt: Instant;
  /** The operator's target for a decision; later, the application is overdue. */
  readonly decideBy: Instant;
  readonly decision?: Step & { readonly outcome: RestorationOutcome; readonly reason: string };
}

export function evolveRestoration(state: Restoration | undefined, event: RestorationEvent, by: string): Restoration {
  if (event.type === 'restoration.applied') {
    if (state !== undefined) throw new Error(`restoration ${event.restorationId} applied for twice`);
    return {
      id: event.restorationId, subjectId: event.subjectId, recordId: event.recordId, listId: event.listId, grounds: event.grounds,
      appliedAt: event.appliedAt, decideBy: event.decideBy,
    };
  }
  if (state === undefined || state.id !== event.restorationId) throw new Error(`restoration.decided for unknown application ${event.restorationId}`);
  if (state.decision) throw new Error(`restoration ${state.id} decided twice`);
  return { ...state, decision: { outcome: event.outcome, reason: event.reason, at: event.decidedAt, by } };
}
