import type { Instant, RecordId, SubjectId } from '../core/brand.js';
import { CredenceError } from '../core/errors.js';
import type { LedgerEvent } from '../core/ledger/ledger-event.js';
import { recordFromFurnished } from '../core/ledger/apply-record-event.js';
import type { RecordStatus } from '../core/record.js';
import type { StoredRecord, SubjectRow } from '../store/rows.js';
import type { WriteTx } from '../store/store.js';
import { furnishedRecord } from './furnished-record.js';
import { activeFurnisher, appendEvents, type LedgerContext } from './ledger-context.js';
import { standingsFor } from './project-standings.js';
import { sameFacts } from './payload-hash.js';
import { recordIdFromSeq, seqFromRecordId } from '../store/record-key.js';
import { validateItem } from './validate-item.js';

/** What a fulfilment, correction or retraction did. */
export interface RecordChange {
  readonly recordId: RecordId;
  readonly subjectId: string;
  readonly status: RecordStatus;
  /** The subject's version after the change: pass it as `expectedVersion` to the next change. */
  readonly version: number;
  /** For a correction: the new record that supersedes the old one. */
  readonly replacementId?: RecordId;
  /** True when this exact change had already been made (a retried request); nothing changed. */
  readonly duplicate: boolean;
}

export interface ChangeOptions {
  /** The subject version the caller last saw; a different current version fails with `version_conflict`. */
  readonly expectedVersion?: number;
}

interface Plan {
  readonly event: LedgerEvent;
  readonly updated: StoredRecord;
  readonly added?: StoredRecord;
}

/** A change checked against the record and the subject, or the answer when it was already made. */
export type Checked = { readonly record: StoredRecord; readonly subject: SubjectRow; readonly plan: Plan } | { readonly done: RecordChange };

type Planner = (record: StoredRecord, subject: SubjectRow, tx: WriteTx) => Promise<Plan | RecordChange>;

/** Where a change finds its record and that record's subject: the transaction, or a batch's state so far. */
export interface ChangeReads {
  record(id: RecordId): Promise<StoredRecord | undefined>;
  subject(id: SubjectId): Promise<SubjectRow | undefined>;
}

const txReads = (tx: WriteTx): ChangeReads => ({
  record: async (id) => (await tx.records([id]))[0],
  subject: async (id) => (await tx.subjects([id]))[0],
});

/** Every check of a change, before anything is written: a failed check throws and leaves the transaction untouched. */
export async function check(
  tx: WriteTx, reads: ChangeReads, furnisherId: string, id: RecordId, options: ChangeOptions, allowed: readonly RecordStatus[], plan: Planner,
): Promise<Checked> {
  const record = await reads.record(id);
  if (!record) throw new CredenceError('not_found', `record ${id} does not exist`);
  if (record.furnisherId !== furnisherId) throw new CredenceError('not_record_furnisher', `record ${id} was furnished by another furnisher`);
  const subject = await reads.subject(record.subjectId);
  if (!subject) throw new CredenceError('internal_error', `subject of record ${id} is missing`);
  if (options.expectedVersion !== undefined && options.expectedVersion !== subject.version) {
    throw new CredenceError('version_conflict', `subject ${subject.id} is at version ${subject.version}, not ${options.expectedVersion}`,
      { subjectId: subject.id, expected: options.expectedVersion, actual: subject.version });
  }
  const planned = await plan(record, subject, tx);
  if ('duplicate' in planned) return { done: planned };
  if (!allowed.includes(record.status)) throw new CredenceError('record_not_active', `record ${id} is ${record.status}`);
  return { record, subject, plan: planned };
}

/** Appends the change's event and rewrites the record and the subject's standings. */
async function apply(ctx: LedgerContext, tx: WriteTx, furnisherId: string, at: Instant, { record, subject, plan }: Extract<Checked, { plan: Plan }>): Promise<RecordChange> {
  const rbs = await ctx.rulebooks.active(tx);
  const [stored] = await appendEvents(ctx, tx, [{ event: plan.event, recordedAt: at, actor: furnisherId }]);
  if (plan.added && plan.added.seq !== stored?.seq) throw new Error('the replacement record did not get the expected sequence number');
  const added = plan.added ? [plan.added] : [];
  const others = (await tx.recordsOf([subject.id])).filter((r) => r.id !== record.id);
  const standings = standingsFor(subject, [...others, plan.updated, ...added], rbs, at);
  await tx.putSubjects([{ subject, expected: subject.version, version: subject.version + 1, standings }]);
  await tx.putRecords([plan.updated, ...added]);
  return {
    recordId: record.id, subjectId: subject.id, status: plan.updated.status, version: subject.version + 1,
    ...(added[0] ? { replacementId: added[0].id } : {}), duplicate: false,
  };
}

async function change(
  ctx: LedgerContext, furnisherId: string, id: RecordId, at: Instant, options: ChangeOptions, allowed: readonly RecordStatus[], plan: Planner,
): Promise<RecordChange> {
  await activeFurnisher(ctx.store, furnisherId);
  return ctx.store.write(async (tx) => {
    const checked = await check(tx, txReads(tx), furnisherId, id, options, allowed, plan);
    return 'done' in checked ? checked.done : apply(ctx, tx, furnisherId, at, checked);
  });
}

/** Plans a fulfilment: a fulfilment already made (same or no `fulfilledAt` given) is answered as done. */
export const fulfilment = (id: RecordId, fulfilledAt: Instant, given: Instant | undefined): Planner => (record, subject) => {
  if (record.status === 'fulfilled' && (given === undefined || given === record.fulfilledAt)) {
    return Promise.resolve({ recordId: id, subjectId: subject.id, status: record.status, version: subject.version, duplicate: true });
  }
  if (fulfilledAt < record.occurredAt) throw new CredenceError('invalid_request', `fulfilledAt is before the record occurred`);
  return Promise.resolve({
    event: { type: 'record.fulfilled', subjectId: record.subjectId, recordId: id, fulfilledAt },
    updated: { ...record, status: 'fulfilled', fulfilledAt },
  });
};

/**
 * The subject performed: the record stops counting from `fulfilledAt` (default now) and fulfilment-lifted
 * listings end. Fulfilling an already fulfilled record again (same or no `fulfilledAt`) is a no-op.
 */
export function fulfil(ctx: LedgerContext, furnisherId: string, id: RecordId, input: ChangeOptions & { readonly fulfilledAt?: Instant }, at: Instant): Promise<RecordChange> {
  const fulfilledAt = input.fulfilledAt ?? at;
  if (fulfilledAt > at) return Promise.reject(new CredenceError('invalid_request', 'fulfilledAt is later than the time of submission'));
  return change(ctx, furnisherId, id, at, input, ['active'], fulfilment(id, fulfilledAt, input.fulfilledAt));
}

/** The record was wrong: it stops counting, and it is replaced by a new record (its own furnisherRef). */
export async function correct(
  ctx: LedgerContext, furnisherId: string, id: RecordId, input: ChangeOptions & { readonly replacement: unknown; readonly reason: string }, at: Instant,
): Promise<RecordChange> {
  const furnisher = await activeFurnisher(ctx.store, furnisherId);
  const check = validateItem(input.replacement, furnisher, at);
  if (!check.ok) throw new CredenceError(check.code, `replacement: ${check.reason}`);
  requireReason(input.reason);
  const item = check.item;
  return change(ctx, furnisherId, id, at, input, ['active', 'fulfilled'], async (record, subject, tx) => {
    if (item.subject.id !== record.subjectId) throw new CredenceError('invalid_request', 'a correction must be about the same subject');
    const [taken] = await tx.recordsByRef(furnisherId, [item.furnisherRef]);
    if (taken) {
      if (record.supersededBy === taken.id && sameFacts(taken.subjectId, taken, item.subject.id, item)) {
        return { recordId: id, subjectId: subject.id, status: record.status, version: subject.version, replacementId: taken.id, duplicate: true };
      }
      throw new CredenceError('idempotency_conflict', `furnisherRef ${item.furnisherRef} is already used by record ${taken.id}`);
    }
    // The replacement is furnished by the correction event itself, so its id is that event's.
    const newId = recordIdFromSeq((await tx.head()).nextSeq);
    const replacement = furnishedRecord(item, newId, furnisherId);
    return {
      event: { type: 'record.corrected', subjectId: record.subjectId, recordId: id, replacement, reason: input.reason },
      updated: { ...record, status: 'corrected', supersededBy: newId },
      added: { ...recordFromFurnished(record.subjectId, replacement), supersededBy: null, seq: seqFromRecordId(newId) ?? 0 },
    };
  });
}

/** The record should never have been furnished: it stops counting entirely. */
export function retract(ctx: LedgerContext, furnisherId: string, id: RecordId, input: ChangeOptions & { readonly reason: string }, at: Instant): Promise<RecordChange> {
  requireReason(input.reason);
  return change(ctx, furnisherId, id, at, input, ['active', 'fulfilled'], (record) => Promise.resolve({
    event: { type: 'record.retracted', subjectId: record.subjectId, recordId: id, reason: input.reason },
    updated: { ...record, status: 'retracted' },
  }));
}

function requireReason(reason: unknown): void {
  if (typeof reason !== 'string' || reason.trim() === '' || reason.length > 1000) {
    throw new CredenceError('invalid_request', 'reason must be a non-blank string of at most 1000 characters');
  }
}
