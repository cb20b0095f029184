import type { Instant, SubjectId } from '../../core/brand.js';
import type { Grade, ListKind } from '../../core/rulebook/model.js';
import type { SubjectKind } from '../../core/subject.js';

export interface ListSummary {
  readonly listId: string;
  readonly kind: ListKind;
  readonly since: Instant;
  readonly until: Instant | null;
}

export interface StandingSummary {
  readonly points: number;
  readonly grade: Grade;
  readonly lists: readonly ListSummary[];
}

/** A subject's standing under the rulebook in force changed: what it is now and what it was. */
export interface StandingChange {
  readonly subjectId: SubjectId;
  readonly subjectKind: SubjectKind;
  readonly at: Instant;
  readonly rulebookVersion: string;
  readonly standing: StandingSummary;
  /** Null when the subject had no standing before (its first record). */
  readonly previous: StandingSummary | null;
}

export type ChangeListener = (changes: readonly StandingChange[]) => void;

/** In-process fan-out of standing changes, after they commit. Listeners must not throw. */
export interface ChangeFeed {
  subscribe(listener: ChangeListener): () => void;
  publish(changes: readonly StandingChange[]): void;
  readonly listeners: () => number;
}

export function changeFeed(): ChangeFeed {
  const listeners = new Set<ChangeListener>();
  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish: (changes) => {
      if (changes.length === 0) return;
      for (const l of listeners) l(changes);
    },
    listeners: () => listeners.size,
  };
}
