import type { RecordId, SubjectId } from '../core/brand.js';
import type { Subject } from '../core/subject.js';
import type { StoredRecord, SubjectRow } from '../store/rows.js';
import type { WriteTx } from '../store/store.js';
import type { LedgerContext } from './ledger-context.js';
import type { HashedFacts } from './payload-hash.js';

/** A furnisher ref as a group knows it: the record it names, with that record's subject and facts (what a resubmission is compared against). */
export interface KnownRef {
  readonly id: RecordId;
  readonly subjectId: string;
  readonly facts: HashedFacts;
}

/** A subject a group furnishes records about, as it is once the group commits. */
export interface TouchedSubject {
  readonly subject: Subject;
  /** Its row as the group read it; none when the group creates it. */
  readonly row: SubjectRow | undefined;
  /** The records the group adds about it. */
  readonly added: number;
  /** Every record it has once the group commits. */
  readonly records: readonly StoredRecord[];
}

/** What a group has built once all its appends are sent: what a group written ahead of its commit reads on top of the database. */
export interface BuiltGroup {
  readonly furnisherId: string;
  /** The furnisher's refs the group knows, its new records' among them. */
  readonly refs: ReadonlyMap<string, KnownRef>;
  /** The subjects of its new records. */
  readonly subjects: ReadonlyMap<SubjectId, TouchedSubject>;
}

/** One attempt of a group at its transaction, as the group after it sees it. */
export interface GroupAttempt extends BuiltGroup {
  readonly tx: WriteTx;
  /** Whether the attempt committed. */
  readonly committed: Promise<boolean>;
  /** Settles when the group before this one is done. */
  readonly priorDone: Promise<void>;
}

/** A group of batches in a ledger's chain of bulk writes. */
export interface Group {
  /** Its first attempt once built, or undefined when it ended without building one. */
  readonly built: Promise<GroupAttempt | undefined>;
  /** Settles when the group is done, committed or not. */
  readonly done: Promise<void>;
}

export interface ChainedGroup {
  readonly group: Group;
  /** The group before it, in call order. */
  readonly prior: Group | undefined;
  build(attempt: GroupAttempt): void;
  end(): void;
}

const lastOf = new WeakMap<LedgerContext, Group>();

/**
 * Joins the ledger's chain of bulk writes, in call order. `end` must be called whatever happens.
 * Only a store that writes ahead (PostgreSQL) uses the chain; others commit in their own order.
 */
export function joinChain(ctx: LedgerContext): ChainedGroup {
  const built = deferred<GroupAttempt | undefined>();
  const done = deferred<undefined>();
  const group: Group = { built: built.promise, done: done.promise };
  const prior = lastOf.get(ctx);
  lastOf.set(ctx, group);
  return {
    group,
    prior,
    build: (a) => built.resolve(a),
    end: () => {
      built.resolve(undefined);
      done.resolve(undefined);
      if (lastOf.get(ctx) === group) lastOf.delete(ctx);
    },
  };
}

/** A promise with its settling function (settling it again does nothing). */
export function deferred<T>(): { readonly promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}
