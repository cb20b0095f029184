import type { Instant, RecordId, SubjectId } from '../core/brand.js';
import { CredenceError, type ErrorCode } from '../core/errors.js';
import type { FurnishedRecord } from '../core/ledger/ledger-event.js';
import { recordFromFurnished } from '../core/ledger/apply-record-event.js';
import { reinsertionKey } from '../core/disputes/reinsertion-key.js';
import { dueProcessReads } from '../store/due-process/due-process-tables.js';
import { recordIdFromSeq } from '../store/record-key.js';
import type { ClientRow, StoredRecord, SubjectRow } from '../store/rows.js';
import type { WriteTx } from '../store/store.js';
import { MAX_BATCH, type BatchResult, type ItemResult } from './furnish-types.js';
import { activeFurnisher, appendEvents, type LedgerContext } from './ledger-context.js';
import { bySubject, standingsFor } from './project-standings.js';
import { payloadHash } from './payload-hash.js';
import { validateItem, type ItemCheck, type ValidItem } from './validate-item.js';

type Prepared = Extract<ItemCheck, { ok: false }> | { readonly ok: true; readonly item: ValidItem; readonly hash: string };

export const furnishedRecord = (item: ValidItem, id: RecordId, furnisherId: string): FurnishedRecord => ({
  recordId: id,
  subjectKind: item.subject.kind,
  type: item.type,
  occurredAt: item.occurredAt,
  attributes: item.attributes,
  legalBasis: item.legalBasis,
  ...(item.evidenceRef !== undefined ? { evidenceRef: item.evidenceRef } : {}),
  furnisherId,
  furnisherRef: item.furnisherRef,
  ...(item.consent !== undefined ? { consent: item.consent } : {}),
  ...(item.certified ? { certified: true } : {}),
});

const EMPTY: BatchResult = { accepted: 0, duplicates: 0, rejected: 0, items: [] };

function checkBatch(batch: unknown): asserts batch is readonly unknown[] {
  if (!Array.isArray(batch)) throw new CredenceError('invalid_request', 'a batch must be an array of records');
  if (batch.length > MAX_BATCH) throw new CredenceError('payload_too_large', `a batch holds at most ${MAX_BATCH} records, got ${batch.length}`);
}

const prepare = (batch: readonly unknown[], furnisher: ClientRow, at: Instant): Prepared[] => batch.map((raw) => {
  const check = validateItem(raw, furnisher, at);
  return check.ok ? { ok: true, item: check.item, hash: payloadHash(check.item) } : check;
});

/**
 * Validates a batch, then commits its accepted items, their events and the touched subjects'
 * standings in one transaction; resolves after the commit is durable. Rejections are counted per code.
 */
export async function furnish(ctx: LedgerContext, furnisherId: string, batch: readonly unknown[], at: Instant): Promise<BatchResult> {
  checkBatch(batch);
  const furnisher = await activeFurnisher(ctx.store, furnisherId);
  if (batch.length === 0) return EMPTY;
  const prepared = prepare(batch, furnisher, at);
  return ctx.store.write((tx) => commitBatch(ctx, tx, furnisherId, prepared, at));
}

/** At most this many batches share one transaction. */
export const MAX_BATCHES_PER_COMMIT = 20;

/**
 * Several batches of one furnisher in one transaction, for bulk import: one durable commit instead
 * of one per batch. Each batch is answered exactly as `furnish` would have, in order.
 */
export async function furnishMany(ctx: LedgerContext, furnisherId: string, batches: readonly (readonly unknown[])[], at: Instant): Promise<BatchResult[]> {
  if (batches.length > MAX_BATCHES_PER_COMMIT) {
    throw new CredenceError('payload_too_large', `at most ${MAX_BATCHES_PER_COMMIT} batches are committed together, got ${batches.length}`);
  }
  batches.forEach(checkBatch);
  const furnisher = await activeFurnisher(ctx.store, furnisherId);
  const prepared = batches.map((batch) => prepare(batch, furnisher, at));
  if (prepared.every((p) => p.length === 0)) return prepared.map(() => EMPTY);
  return ctx.store.write(async (tx) => {
    const results: BatchResult[] = [];
    for (const p of prepared) results.push(p.length === 0 ? EMPTY : await commitBatch(ctx, tx, furnisherId, p, at));
    return results;
  });
}

/** Sorts a batch into rejected, duplicate and new items (in item order), then commits the new ones. */
async function commitBatch(ctx: LedgerContext, tx: WriteTx, furnisherId: string, prepared: readonly Prepared[], at: Instant): Promise<BatchResult> {
  const items: ItemResult[] = [];
  const rejections = new Map<string, number>();
  const reject = (index: number, furnisherRef: string | null, code: ErrorCode, reason: string): void => {
    items.push({ index, furnisherRef, status: 'rejected', code, reason });
    rejections.set(code, (rejections.get(code) ?? 0) + 1);
  };
  const refs = [...new Set(prepared.flatMap((p) => (p.ok ? [p.item.furnisherRef] : [])))];
  const known = new Map((await tx.recordsByRef(furnisherId, refs)).map((r) => [r.furnisherRef, { id: r.id, hash: r.payloadHash }]));
  const removed = await removedAfterDispute(tx, prepared);
  // New records get the ids of the events that will furnish them, appended below in this order.
  const firstSeq = (await tx.head()).nextSeq;
  const fresh: Fresh[] = [];
  let duplicates = 0;
  prepared.forEach((p, index) => {
    if (!p.ok) return reject(index, p.furnisherRef, p.code, p.reason);
    const ref = p.item.furnisherRef;
    const prior = known.get(ref);
    if (prior === undefined) {
      if (!p.item.certified && removed.has(identityOf(p.item))) {
        return reject(index, ref, 'reinsertion_not_certified',
          'a record with this identity (subject, type, case number) was removed after a dispute; send it again with "certified": true if you certify it is accurate');
      }
      const id = recordIdFromSeq(firstSeq + fresh.length);
      known.set(ref, { id, hash: p.hash });
      fresh.push({ item: p.item, id, hash: p.hash });
      items.push({ index, furnisherRef: ref, status: 'accepted', recordId: id, duplicate: false });
    } else if (prior.hash === p.hash) {
      duplicates += 1;
      items.push({ index, furnisherRef: ref, status: 'accepted', recordId: prior.id, duplicate: true });
    } else {
      reject(index, ref, 'idempotency_conflict',
        `furnisherRef ${ref} was already used for a different record (${prior.id}); use a new furnisherRef, or correct that record`);
    }
  });

  if (fresh.length > 0) await commitFresh(ctx, tx, furnisherId, fresh, at);
  await tx.addRejections(furnisherId, rejections);
  return { accepted: fresh.length, duplicates, rejected: items.length - fresh.length - duplicates, items };
}

const identityOf = (item: ValidItem): string => `${item.subject.id}\n${reinsertionKey(item)}`;

/** Identities of records removed after a dispute among the batch's subjects (usually none: one indexed read). */
async function removedAfterDispute(tx: WriteTx, prepared: readonly Prepared[]): Promise<ReadonlySet<string>> {
  const subjects = [...new Set(prepared.flatMap((p) => (p.ok ? [p.item.subject.id] : [])))];
  const rows = await dueProcessReads(tx.sql).removedIdentities(subjects);
  return new Set(rows.map((r) => `${r.subjectId}\n${r.identity}`));
}

interface Fresh {
  readonly item: ValidItem;
  readonly id: RecordId;
  readonly hash: string;
}

/** Appends the new records' events, then writes the records and each touched subject's row and standings. */
async function commitFresh(ctx: LedgerContext, tx: WriteTx, furnisherId: string, fresh: readonly Fresh[], at: Instant): Promise<void> {
  const rbs = await ctx.rulebooks.active(tx);
  const subjectIds = [...new Set(fresh.map((f) => f.item.subject.id))];
  const rows = new Map<SubjectId, SubjectRow>((await tx.subjects(subjectIds)).map((s) => [s.id, s]));
  const existing = subjectIds.filter((id) => rows.has(id));
  const records = bySubject<StoredRecord>(existing.length > 0 ? await tx.recordsOf(existing) : []);
  const furnished = fresh.map((f) => furnishedRecord(f.item, f.id, furnisherId));
  const stored = await appendEvents(ctx, tx, fresh.map((f, i) => ({
    event: { type: 'record.furnished', subjectId: f.item.subject.id, record: furnished[i] as FurnishedRecord },
    recordedAt: at,
    actor: furnisherId,
  })));
  const added: StoredRecord[] = fresh.map((f, i) => {
    const seq = stored[i]?.seq ?? 0;
    if (recordIdFromSeq(seq) !== f.id) throw new Error(`record ${f.id} was furnished by event ${seq}: ids and sequence disagree`);
    return { ...recordFromFurnished(f.item.subject.id, furnished[i] as FurnishedRecord), payloadHash: f.hash, supersededBy: null, seq };
  });
  const counts = new Map<SubjectId, number>();
  for (const r of added) {
    counts.set(r.subjectId, (counts.get(r.subjectId) ?? 0) + 1);
    const own = records.get(r.subjectId);
    if (own) own.push(r);
    else records.set(r.subjectId, [r]);
  }
  const identities = new Map(fresh.map((f) => [f.item.subject.id, f.item.subject]));
  const subjects = subjectIds.map((id) => rows.get(id) ?? identities.get(id)).filter((s) => s !== undefined);
  await tx.putSubjects(subjects.map((subject) => {
    const expected = rows.get(subject.id)?.version ?? 0;
    const standings = standingsFor(subject, records.get(subject.id) ?? [], rbs, at);
    return { subject, expected, version: expected + (counts.get(subject.id) ?? 0), standings };
  }));
  await tx.putRecords(added);
}
