import type { Instant, RecordId, SubjectId } from '../core/brand.js';
import { CredenceError, isCredenceError, type ErrorCode } from '../core/errors.js';
import type { NewEvent, StoredRecord, SubjectRow } from '../store/rows.js';
import type { WriteTx } from '../store/store.js';
import { check, fulfilment, type ChangeReads, type Checked, type RecordChange } from './change-record.js';
import { MAX_BATCH } from './furnish-types.js';
import { activeFurnisher, appendEvents, type LedgerContext } from './ledger-context.js';
import { bySubject, standingsFor } from './project-standings.js';

/** One fulfilment of a batch: its change, or why it was refused (nothing was written for it). */
export type ChangeOutcome =
  | { readonly ok: true; readonly change: RecordChange }
  | { readonly ok: false; readonly code: ErrorCode; readonly reason: string };

/** What a batch changed, to be written at its end. */
interface Changes {
  readonly events: NewEvent[];
  /** The records changed, as the batch leaves them. */
  readonly records: Map<RecordId, StoredRecord>;
  /** The subjects changed, as read before the batch. */
  readonly before: Map<SubjectId, SubjectRow>;
  /** Every subject the batch read, at its version so far. */
  readonly subjects: Map<SubjectId, SubjectRow>;
}

/**
 * Up to MAX_BATCH fulfilments of one furnisher in one transaction (bulk import: one durable commit
 * instead of one per line). Each is answered as `fulfil` would have, in order, against the state the
 * ones before it left; a refused one changes nothing. The records and subjects are read once, the
 * events appended together, and each changed subject re-rated and written once, at its final
 * version: a fixed number of statements per batch, not per line.
 */
export async function fulfilMany(
  ctx: LedgerContext, furnisherId: string, items: readonly { readonly id: RecordId; readonly fulfilledAt?: Instant | undefined }[], at: Instant,
): Promise<ChangeOutcome[]> {
  if (items.length > MAX_BATCH) throw new CredenceError('payload_too_large', `at most ${MAX_BATCH} fulfilments are committed together, got ${items.length}`);
  await activeFurnisher(ctx.store, furnisherId);
  if (items.length === 0) return [];
  return ctx.store.write(async (tx) => {
    const records = new Map((await tx.records([...new Set(items.map((i) => i.id))])).map((r) => [r.id, r]));
    const subjects = new Map((await tx.subjects([...new Set([...records.values()].map((r) => r.subjectId))])).map((s) => [s.id, s]));
    const reads: ChangeReads = { record: (id) => Promise.resolve(records.get(id)), subject: (id) => Promise.resolve(subjects.get(id)) };
    const changes: Changes = { events: [], records: new Map(), before: new Map(), subjects };
    const outcomes: ChangeOutcome[] = [];
    for (const item of items) {
      const fulfilledAt = item.fulfilledAt ?? at;
      let checked: Checked;
      try {
        if (fulfilledAt > at) throw new CredenceError('invalid_request', 'fulfilledAt is later than the time of submission');
        checked = await check(tx, reads, furnisherId, item.id, {}, ['active'], fulfilment(item.id, fulfilledAt, item.fulfilledAt));
      } catch (e) {
        if (!isCredenceError(e)) throw e;
        outcomes.push({ ok: false, code: e.code, reason: e.message });
        continue;
      }
      if ('done' in checked) {
        outcomes.push({ ok: true, change: checked.done });
        continue;
      }
      const { record, subject, plan } = checked;
      const version = subject.version + 1;
      changes.events.push({ event: plan.event, recordedAt: at, actor: furnisherId });
      changes.records.set(record.id, plan.updated);
      records.set(record.id, plan.updated);
      if (!changes.before.has(subject.id)) changes.before.set(subject.id, subject);
      subjects.set(subject.id, { ...subject, version });
      outcomes.push({ ok: true, change: { recordId: record.id, subjectId: subject.id, status: plan.updated.status, version, duplicate: false } });
    }
    if (changes.events.length > 0) await writeChanges(ctx, tx, changes, at);
    return outcomes;
  });
}

/** Appends the batch's events, then writes each changed subject once with standings from all its records as changed. */
async function writeChanges(ctx: LedgerContext, tx: WriteTx, { events, records, before, subjects }: Changes, at: Instant): Promise<void> {
  const rbs = await ctx.rulebooks.active(tx);
  await appendEvents(ctx, tx, events);
  const ids = [...before.keys()];
  const all = bySubject((await tx.recordsOf(ids)).map((r) => records.get(r.id) ?? r));
  await tx.putSubjects([...before.values()].map((subject) => ({
    subject,
    expected: subject.version,
    version: subjects.get(subject.id)?.version ?? subject.version,
    standings: standingsFor(subject, all.get(subject.id) ?? [], rbs, at),
  })));
  await tx.putRecords([...records.values()]);
}
