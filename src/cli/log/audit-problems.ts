/** What the auditor found wrong, named so an operator can find it: an event seq, a subject, a tile. */
export interface AuditProblem {
  readonly kind: 'checkpoint' | 'consistency' | 'event' | 'tree' | 'tile' | 'proof' | 'rulebook' | 'subject' | 'record' | 'standing' | 'fetch';
  readonly seq?: number;
  readonly subjectId?: string;
  readonly tile?: string;
  readonly detail: string;
}

const MAX_PROBLEMS = 10_000;

/** Collects problems up to a bound (an audit of a badly damaged registry must still finish). */
export interface Problems {
  add(p: AuditProblem): void;
  readonly list: () => readonly AuditProblem[];
  readonly count: () => number;
}

export function problems(): Problems {
  const list: AuditProblem[] = [];
  let count = 0;
  return {
    add: (p) => {
      count += 1;
      if (list.length < MAX_PROBLEMS) list.push(p);
    },
    list: () => list,
    count: () => count,
  };
}
