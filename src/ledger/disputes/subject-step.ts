import type { Instant, RecordId } from '../../core/brand.js';
import { CredenceError } from '../../core/errors.js';
import { applyRecordEvent, recordFromFurnished } from '../../core/ledger/apply-record-event.js';
import type { StoredEvent, SubjectEvent } from '../../core/ledger/ledger-event.js';
import { recordIdFromSeq } from '../../store/record-key.js';
import type { StoredRecord, SubjectRow } from '../../store/rows.js';
import type { WriteTx } from '../../store/store.js';
import { appendEvents, type LedgerContext } from '../ledger-context.js';
import { standingsFor } from '../project-standings.js';

/** A record, its subject and all the subject's records, read in the write transaction. */
export interface RecordInTx {
  readonly record: StoredRecord;
  readonly subject: SubjectRow;
  readonly records: readonly StoredRecord[];
}

export async function recordInTx(tx: WriteTx, id: RecordId): Promise<RecordInTx | undefined> {
  const [record] = await tx.records([id]);
  if (!record) return undefined;
  const [subject] = await tx.subjects([record.subjectId]);
  if (!subject) throw new CredenceError('internal_error', `subject of record ${id} is missing`);
  return { record, subject, records: await tx.recordsOf([subject.id]) };
}

/**
 * Appends events about one subject's records and, in the same transaction, folds them into the
 * record rows, recomputes the standings under every rulebook in use and bumps the subject's version
 * by one per event.
 */
export async function commitSubjectEvents(
  ctx: LedgerContext, tx: WriteTx, at: RecordInTx, events: readonly SubjectEvent[], actor: string, now: Instant,
): Promise<{ readonly stored: readonly StoredEvent[]; readonly records: ReadonlyMap<RecordId, StoredRecord> }> {
  const rbs = await ctx.rulebooks.active(tx);
  const stored = await appendEvents(ctx, tx, events.map((event) => ({ event, recordedAt: now, actor })));
  const byId = new Map(at.records.map((r) => [r.id, r]));
  const changed = new Set<RecordId>();
  for (const { seq, event } of stored) {
    if (event.subjectId !== at.subject.id) throw new Error(`${event.type} is about ${String(event.subjectId)}, not ${at.subject.id}`);
    const e = event as SubjectEvent;
    if (e.type === 'record.furnished') throw new Error('due process never furnishes a record directly');
    const old = byId.get(e.recordId);
    if (!old) throw new Error(`${e.type} for record ${e.recordId} the subject does not have`);
    if (e.type === 'record.corrected') {
      const next = e.replacement.recordId;
      if (next !== recordIdFromSeq(seq)) throw new Error(`the corrected record ${next} does not match event ${seq}`);
      byId.set(next, { ...recordFromFurnished(e.subjectId, e.replacement), supersededBy: null, seq });
      byId.set(old.id, { ...old, status: 'corrected', supersededBy: next });
      changed.add(next);
    } else {
      byId.set(old.id, { ...old, ...applyRecordEvent(old, e) });
    }
    changed.add(old.id);
  }
  const records = [...byId.values()];
  const version = at.subject.version + stored.length;
  await tx.putSubjects([{ subject: at.subject, expected: at.subject.version, version, standings: standingsFor(at.subject, records, rbs, now) }]);
  await tx.putRecords([...changed].map((id) => byId.get(id)).filter((r) => r !== undefined));
  return { stored, records: byId };
}
