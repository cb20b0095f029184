import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Instant, RecordId, SubjectId } from '../core/brand.js';
import type { ClientRow, RejectionCount, StoredRecord } from '../store/rows.js';
import type { Store } from '../store/store.js';
import type { HolidayCalendar } from '../core/disputes/index.js';
import { correct, fulfil, retract, type ChangeOptions, type RecordChange } from './change-record.js';
import { fulfilMany, type ChangeOutcome } from './fulfil-many.js';
import { registerClient, revokeClient, type ClientInput } from './clients.js';
import { dueProcess, type DueProcess } from './disputes/due-process.js';
import { furnish, furnishMany } from './furnish.js';
import type { BatchResult, Furnishing } from './furnish-types.js';
import type { AppendHook, LedgerContext } from './ledger-context.js';
import type { OnProgress } from './progress.js';
import type { StandingSummary } from './project-standings.js';
import { publishRulebook, type PublishResult } from './publish-rulebook.js';
import { readFile, readStanding, type SubjectFile } from './read-standing.js';
import { rulebookCache } from './rulebook-cache.js';
import { sweep } from './sweep.js';
import { verifyIntegrity, type IntegrityReport } from './verify-integrity.js';

/** The registry's ledger over a store: furnishing, record changes, standings, rulebooks, clients. */
export interface Ledger extends Furnishing {
  readonly store: Store;
  furnishMany(furnisherId: string, batches: readonly (readonly unknown[])[], at: Instant): Promise<readonly BatchResult[]>;
  fulfil(furnisherId: string, id: RecordId, input: ChangeOptions & { readonly fulfilledAt?: Instant }, at: Instant): Promise<RecordChange>;
  /** Up to 1,000 fulfilments in one durable commit (bulk import); each answered as `fulfil` would have, in order. */
  fulfilMany(furnisherId: string, items: readonly { readonly id: RecordId; readonly fulfilledAt?: Instant | undefined }[], at: Instant): Promise<readonly ChangeOutcome[]>;
  correct(furnisherId: string, id: RecordId, input: ChangeOptions & { readonly replacement: unknown; readonly reason: string }, at: Instant): Promise<RecordChange>;
  retract(furnisherId: string, id: RecordId, input: ChangeOptions & { readonly reason: string }, at: Instant): Promise<RecordChange>;
  /** A furnisher's record by the furnisher's own ref, to fulfil, correct or retract it by that ref. */
  recordByRef(furnisherId: string, furnisherRef: string): Promise<StoredRecord | undefined>;
  /** The standing at `at` (without explanation); recomputed when the stored one no longer holds at `at`. */
  standing(subjectId: SubjectId, at: Instant): Promise<StandingSummary | undefined>;
  /** The subject, its records and its standing with the full explanation. */
  file(subjectId: SubjectId, at: Instant): Promise<SubjectFile | undefined>;
  /** Persists every time-driven change due by `at`; returns how many subjects were re-rated. */
  sweep(at: Instant, onProgress?: OnProgress): Promise<number>;
  publishRulebook(yaml: string, at: Instant, onProgress?: OnProgress): Promise<PublishResult>;
  registerClient(input: ClientInput, at: Instant): Promise<ClientRow>;
  revokeClient(id: string, reason: string, at: Instant): Promise<ClientRow>;
  rejections(furnisherId: string): Promise<readonly RejectionCount[]>;
  /** Replays every subject's events and compares with what is stored; also checks the sequence has no gap. */
  verifyIntegrity(onProgress?: OnProgress): Promise<IntegrityReport>;
  /** Disputes, appeals, restoration and statements (src/ledger/disputes). */
  readonly dueProcess: DueProcess;
}

export interface LedgerOptions {
  /** Published when the store has no rulebook yet (default: rulebooks/default.yaml). */
  readonly defaultRulebook?: string;
  /** When that first publication happens (default: now). */
  readonly at?: Instant;
  /** Runs in every transaction that appends events (the transparency log hooks in here). */
  readonly onAppend?: AppendHook;
  /** Subjects per transaction in batch jobs (publish, sweep, verify); default 500. */
  readonly batchSize?: number;
  /** Holidays and make-up working days for dispute deadlines counted in working days. */
  readonly holidays?: HolidayCalendar;
}

export const DEFAULT_RULEBOOK_PATH = fileURLToPath(new URL('../../rulebooks/default.yaml', import.meta.url));

/** Opens the ledger over a store, publishing the default rulebook if none is in force. */
export async function openLedger(store: Store, options: LedgerOptions = {}): Promise<Ledger> {
  const ctx: LedgerContext = { store, rulebooks: rulebookCache(), onAppend: options.onAppend, batchSize: options.batchSize ?? 500 };
  const head = await store.read((tx) => tx.head());
  if (head.currentRulebook === null) {
    await publishRulebook(ctx, options.defaultRulebook ?? readFileSync(DEFAULT_RULEBOOK_PATH, 'utf8'), options.at ?? Date.now());
  }
  return {
    store,
    furnish: (furnisherId, batch, at) => furnish(ctx, furnisherId, batch, at),
    furnishMany: (furnisherId, batches, at) => furnishMany(ctx, furnisherId, batches, at),
    fulfil: (furnisherId, id, input, at) => fulfil(ctx, furnisherId, id, input, at),
    fulfilMany: (furnisherId, items, at) => fulfilMany(ctx, furnisherId, items, at),
    correct: (furnisherId, id, input, at) => correct(ctx, furnisherId, id, input, at),
    retract: (furnisherId, id, input, at) => retract(ctx, furnisherId, id, input, at),
    recordByRef: async (furnisherId, furnisherRef) => (await store.read((tx) => tx.recordsByRef(furnisherId, [furnisherRef])))[0],
    standing: (subjectId, at) => readStanding(ctx, subjectId, at),
    file: (subjectId, at) => readFile(ctx, subjectId, at),
    sweep: (at, onProgress) => sweep(ctx, at, onProgress),
    publishRulebook: (yaml, at, onProgress) => publishRulebook(ctx, yaml, at, onProgress),
    registerClient: (input, at) => registerClient(ctx, input, at),
    revokeClient: (id, reason, at) => revokeClient(ctx, id, reason, at),
    rejections: (furnisherId) => store.read((tx) => tx.rejections(furnisherId)),
    verifyIntegrity: (onProgress) => verifyIntegrity(ctx, onProgress),
    dueProcess: dueProcess(ctx, options.holidays),
  };
}
