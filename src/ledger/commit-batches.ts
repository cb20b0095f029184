import type { Instant, RecordId, SubjectId } from '../core/brand.js';
import type { ErrorCode } from '../core/errors.js';
import type { FurnishedRecord, StoredEvent } from '../core/ledger/ledger-event.js';
import { reinsertionKey } from '../core/disputes/reinsertion-key.js';
import { dueProcessReads } from '../store/due-process/due-process-tables.js';
import { recordIdFromSeq } from '../store/record-key.js';
import type { NewEvent, StoredRecord } from '../store/rows.js';
import type { WriteTx } from '../store/store.js';
import { furnishedRecord } from './furnished-record.js';
import type { BatchResult, ItemResult } from './furnish-types.js';
import type { BuiltGroup, KnownRef, TouchedSubject } from './group-chain.js';
import { appendEvents, type LedgerContext } from './ledger-context.js';
import { ioTurn, pendingWrites } from './pending-writes.js';
import { sameFacts } from './payload-hash.js';
import { bySubject, standingsFor } from './project-standings.js';
import type { ItemCheck, ValidItem } from './validate-item.js';

/**
 * A subject the group furnishes records about, filled in as the group is built. One per subject,
 * reached from each of its new records without a lookup (this runs for every line of a bulk import),
 * and lent as it is to the group written ahead of this one's commit.
 */
interface Touched extends TouchedSubject {
  added: number;
  records: StoredRecord[];
}

interface Fresh {
  readonly item: ValidItem;
  readonly seq: number;
  readonly id: RecordId;
  readonly touched: Touched;
}

/** New records are written in slices this large, each sent before the next is prepared. */
const SLICE = 1000;

/** How a group takes part in a chain of bulk writes. */
export interface Lane {
  /**
   * The group this one is written ahead of, not yet committed: read on top of the database. Subjects
   * and rejection counts are written only once it has committed (a row it inserted is invisible to
   * this transaction until then, so an update would miss it); the events and records appended before
   * cannot meet a row of it.
   */
  readonly prior?: BuiltGroup & { readonly committed: Promise<boolean> };
  /** Told what the group has built, once all its appends are sent. */
  readonly built?: (group: BuiltGroup) => void;
}

/**
 * Sorts each batch into rejected, duplicate and new items (in item order, refs known across batches),
 * then commits all new records in one pass. One answer per batch, as if each had been furnished alone.
 */
export async function commitBatches(
  ctx: LedgerContext, tx: WriteTx, furnisherId: string, batches: readonly (readonly ItemCheck[])[], at: Instant, lane: Lane = {},
): Promise<BatchResult[]> {
  // One pass, no array per item: this runs for every line of a bulk import.
  const refSet = new Set<string>();
  const subjectSet = new Set<SubjectId>();
  for (const batch of batches) {
    for (const p of batch) {
      if (!p.ok) continue;
      refSet.add(p.item.furnisherRef);
      subjectSet.add(p.item.subject.id);
    }
  }
  const refs = [...refSet];
  const subjectIds = [...subjectSet];
  // Issued together, so a network database answers them back to back. New records get the ids of
  // the events that will furnish them, appended in this order (from the head's next seq).
  const [byRef, removed, subjectRows, head] = await Promise.all([
    tx.recordsByRef(furnisherId, refs), removedAfterDispute(tx, subjectIds), tx.subjects(subjectIds), tx.head(),
  ]);
  const known = new Map<string, KnownRef>(byRef.map((r) => [r.furnisherRef, { id: r.id, subjectId: r.subjectId, facts: r }]));
  const rows = new Map(subjectRows.map((r) => [r.id, r]));
  const { prior } = lane;
  if (prior) {
    if (prior.furnisherId === furnisherId) {
      for (const ref of refs) {
        const k = prior.refs.get(ref);
        if (k) known.set(ref, k);
      }
    }
    for (const id of subjectIds) {
      const t = prior.subjects.get(id);
      if (t) rows.set(id, { ...t.subject, version: (t.row?.version ?? 0) + t.added });
    }
  }
  const firstSeq = head.nextSeq;
  const fresh: Fresh[] = [];
  const touched = new Map<SubjectId, Touched>();
  const rejections = new Map<string, number>();

  const sort = (prepared: readonly ItemCheck[]): BatchResult => {
    const items: ItemResult[] = [];
    const reject = (index: number, furnisherRef: string | null, code: ErrorCode, reason: string): void => {
      items.push({ index, furnisherRef, status: 'rejected', code, reason });
      rejections.set(code, (rejections.get(code) ?? 0) + 1);
    };
    let accepted = 0;
    let duplicates = 0;
    prepared.forEach((p, index) => {
      if (!p.ok) return reject(index, p.furnisherRef, p.code, p.reason);
      const ref = p.item.furnisherRef;
      const prior = known.get(ref);
      if (prior === undefined) {
        if (removed.size > 0 && !p.item.certified && removed.has(identityOf(p.item))) {
          return reject(index, ref, 'reinsertion_not_certified',
            'a record with this identity (subject, type, case number) was removed after a dispute; send it again with "certified": true if you certify it is accurate');
        }
        const seq = firstSeq + fresh.length;
        const id = recordIdFromSeq(seq);
        const { subject } = p.item;
        let t = touched.get(subject.id);
        if (t === undefined) {
          t = { subject, row: rows.get(subject.id), added: 0, records: [] };
          touched.set(subject.id, t);
        }
        known.set(ref, { id, subjectId: subject.id, facts: p.item });
        fresh.push({ item: p.item, seq, id, touched: t });
        accepted += 1;
        items.push({ index, furnisherRef: ref, status: 'accepted', recordId: id, duplicate: false });
      } else if (sameFacts(prior.subjectId, prior.facts, p.item.subject.id, p.item)) {
        duplicates += 1;
        items.push({ index, furnisherRef: ref, status: 'accepted', recordId: prior.id, duplicate: true });
      } else {
        reject(index, ref, 'idempotency_conflict',
          `furnisherRef ${ref} was already used for a different record (${prior.id}); use a new furnisherRef, or correct that record`);
      }
    });
    return { accepted, duplicates, rejected: items.length - accepted - duplicates, items };
  };

  const results = batches.map(sort);
  if (fresh.length > 0) await commitFresh(ctx, tx, { furnisherId, refs: known, fresh, touched, at, lane });
  else lane.built?.({ furnisherId, refs: known, subjects: new Map() });
  if (prior) await committedBefore(prior.committed);
  if (rejections.size > 0) await tx.addRejections(furnisherId, rejections);
  return results;
}

async function committedBefore(committed: Promise<boolean>): Promise<void> {
  if (!await committed) throw new Error('the group this one was written ahead of did not commit');
}

const identityOf = (item: ValidItem): string => `${item.subject.id}\n${reinsertionKey(item)}`;

/**
 * Identities of records removed after a dispute among these subjects. Usually no record was ever
 * removed: a probe of the table then spares looking up every subject of the group, which on
 * PostgreSQL took about a quarter of the reads a group makes under the head lock.
 */
async function removedAfterDispute(tx: WriteTx, subjects: readonly SubjectId[]): Promise<ReadonlySet<string>> {
  const [any] = await tx.sql.all('select 1 as one from removed_records limit 1', []);
  if (any === undefined) return new Set();
  const rows = await dueProcessReads(tx.sql).removedIdentities(subjects);
  return new Set(rows.map((r) => `${r.subjectId}\n${r.identity}`));
}

/** The store must give the events exactly the sequence numbers the new records' ids were derived from. */
function checkSeqs(stored: readonly StoredEvent[], slice: readonly Fresh[]): void {
  slice.forEach((f, i) => {
    if (stored[i]?.seq !== f.seq) throw new Error(`record ${f.id} was furnished by event ${String(stored[i]?.seq)}: ids and sequence disagree`);
  });
}

/** The new record as stored, built field by field (the hot path of bulk import; the same as `recordFromFurnished`). */
function storedRecord(f: Fresh, r: FurnishedRecord): StoredRecord {
  const record: { -readonly [K in keyof StoredRecord]: StoredRecord[K] } = {
    id: r.recordId, subjectId: f.item.subject.id, type: r.type, occurredAt: r.occurredAt, attributes: r.attributes, legalBasis: r.legalBasis,
    furnisherId: r.furnisherId, furnisherRef: r.furnisherRef, status: 'active', supersededBy: null, seq: f.seq,
  };
  if (r.evidenceRef !== undefined) record.evidenceRef = r.evidenceRef;
  if (r.consent !== undefined) record.consent = r.consent;
  return record;
}

interface FreshGroup {
  readonly furnisherId: string;
  readonly refs: ReadonlyMap<string, KnownRef>;
  readonly fresh: readonly Fresh[];
  /** The subjects of the new records, in the order they first appear. */
  readonly touched: ReadonlyMap<SubjectId, Touched>;
  readonly at: Instant;
  readonly lane: Lane;
}

/**
 * Appends the new records' events and writes the records, then each touched subject's row and
 * standings once, all slice by slice: each slice is sent while the next is prepared.
 */
async function commitFresh(ctx: LedgerContext, tx: WriteTx, { furnisherId, refs, fresh, touched, at, lane }: FreshGroup): Promise<void> {
  const rbs = await ctx.rulebooks.active(tx);
  // Subjects of the group written ahead of this one: their records as that group leaves them.
  const { prior } = lane;
  const toRead: SubjectId[] = [];
  for (const [id, t] of touched) {
    if (!t.row) continue;
    const carried = prior?.subjects.get(id)?.records;
    if (carried) t.records = [...carried];
    else toRead.push(id);
  }
  if (toRead.length > 0) {
    for (const [id, records] of bySubject<StoredRecord>(await tx.recordsOf(toRead))) {
      const t = touched.get(id);
      if (t) t.records = records;
    }
  }
  const writes = pendingWrites();
  // A network store sends only between turns of the event loop; SQLite's writer thread needs none.
  const turn = ctx.store.dialect === 'postgres' ? ioTurn : () => undefined;
  for (let start = 0; start < fresh.length; start += SLICE) {
    const slice = fresh.slice(start, start + SLICE);
    const events: NewEvent[] = [];
    const added: StoredRecord[] = [];
    for (const f of slice) {
      const furnished = furnishedRecord(f.item, f.id, furnisherId);
      events.push({ event: { type: 'record.furnished', subjectId: f.item.subject.id, record: furnished }, recordedAt: at, actor: furnisherId });
      const r = storedRecord(f, furnished);
      added.push(r);
      f.touched.added += 1;
      f.touched.records.push(r);
    }
    writes.add(appendEvents(ctx, tx, events).then((stored) => checkSeqs(stored, slice)));
    writes.add(tx.putRecords(added));
    await turn();
  }
  lane.built?.({ furnisherId, refs, subjects: touched });
  if (prior) await committedBefore(prior.committed);
  const subjects = [...touched.values()];
  for (let start = 0; start < subjects.length; start += SLICE) {
    writes.add(tx.putSubjects(subjects.slice(start, start + SLICE).map((t) => {
      const subject = t.row ?? t.subject;
      const expected = t.row?.version ?? 0;
      return { subject, expected, version: expected + t.added, standings: standingsFor(subject, t.records, rbs, at) };
    })));
    await turn();
  }
  await writes.settled();
}
