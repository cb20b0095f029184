import type { Instant } from '../core/brand.js';
import type { DemoFurnisherId } from './demo-furnishers.js';
import { demoSubject, type DemoSubject } from './demo-subject.js';

export interface PopulationOptions {
  readonly seed: number;
  readonly subjects: number;
  /** The instant the population describes: every record occurred before it. */
  readonly asOf: Instant;
  /** First subject index (default 0): a population can be generated in slices. */
  readonly from?: number;
}

/** One line of one furnisher's import file. */
export interface DemoLine {
  readonly furnisherId: DemoFurnisherId;
  readonly line: string;
  /** Index of the subject the line is about. */
  readonly subject: number;
}

/** The subjects of a demo population, one at a time: nothing is held beyond the current subject. */
export function* demoSubjects(opts: PopulationOptions): Generator<DemoSubject> {
  for (let i = opts.from ?? 0; i < opts.subjects; i++) yield demoSubject(opts.seed, i, opts.asOf);
}

/**
 * The import lines of a demo population, in subject order: each record as an NDJSON line of its
 * furnisher's file and, for records later performed or paid, a fulfilment line right after it.
 */
export function* demoLines(opts: PopulationOptions): Generator<DemoLine> {
  for (const s of demoSubjects(opts)) {
    for (const r of s.records) {
      yield { furnisherId: r.furnisherId, line: JSON.stringify(r.record), subject: s.index };
      if (r.fulfilledAt !== undefined) {
        const fulfilment = { op: 'fulfil', furnisherRef: r.record.furnisherRef, fulfilledAt: r.fulfilledAt };
        yield { furnisherId: r.furnisherId, line: JSON.stringify(fulfilment), subject: s.index };
      }
    }
  }
}
