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

/** The part of a standing (stored, or just computed) that a change announces. */
export const summaryOf = (s: StandingSummary): StandingSummary => ({
  points: s.points, grade: s.grade, lists: s.lists.map((l) => ({ listId: l.listId, kind: l.kind, since: l.since, until: l.until })),
});

/** Grade-based lists are stamped with the moment of computation; that alone is not a change. */
export const sameSummary = (a: StandingSummary, b: StandingSummary): boolean =>
  a.points === b.points && a.grade === b.grade && a.lists.length === b.lists.length
  && a.lists.every((l, i) => {
    const m = b.lists[i];
    return m !== undefined && m.listId === l.listId && m.until === l.until && (l.until === null || m.since === l.since);
  });

export type ChangeListener = (changes: readonly StandingChange[]) => void;
/** A new rulebook version took effect: every standing may have changed with it. */
export type RulebookListener = (version: string, at: Instant) => void;

/** In-process fan-out of standing changes and rulebook publications, after they commit. Listeners must not throw. */
export interface ChangeFeed {
  subscribe(listener: ChangeListener, onRulebook?: RulebookListener): () => void;
  publish(changes: readonly StandingChange[]): void;
  publishRulebook(version: string, at: Instant): void;
  readonly listeners: () => number;
}

export function changeFeed(): ChangeFeed {
  const listeners = new Map<ChangeListener, RulebookListener | undefined>();
  return {
    subscribe: (listener, onRulebook) => {
      listeners.set(listener, onRulebook);
      return () => listeners.delete(listener);
    },
    publish: (changes) => {
      if (changes.length === 0) return;
      for (const l of listeners.keys()) l(changes);
    },
    publishRulebook: (version, at) => {
      for (const l of listeners.values()) l?.(version, at);
    },
    listeners: () => listeners.size,
  };
}
