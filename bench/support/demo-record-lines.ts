import { DEMO_FURNISHERS } from '../../src/demo/demo-furnishers.js';
import { demoSubjects } from '../../src/demo/demo-population.js';

/** One demo furnisher's import file, in memory: its records as NDJSON lines. */
export interface FurnisherLines {
  readonly furnisherId: string;
  readonly lines: readonly string[];
}

/**
 * The first `records` records of the demo population of `seed`, as each furnisher's file would hold
 * them (fulfilment lines left out: they change records, they do not furnish them), in the order
 * `credence demo --import` imports the files.
 */
export function demoRecordLines(seed: number, records: number, asOf: number): { readonly files: readonly FurnisherLines[]; readonly subjects: number } {
  const byFurnisher = new Map<string, string[]>(DEMO_FURNISHERS.map((f) => [f.id, []]));
  let count = 0;
  let subjects = 0;
  for (const s of demoSubjects({ seed, subjects: Number.MAX_SAFE_INTEGER, asOf })) {
    if (count >= records) break;
    subjects += 1;
    for (const r of s.records) {
      if (count >= records) break;
      byFurnisher.get(r.furnisherId)?.push(JSON.stringify(r.record));
      count += 1;
    }
  }
  return { files: [...byFurnisher].map(([furnisherId, lines]) => ({ furnisherId, lines })), subjects };
}

/** The files cut into `rounds` consecutive parts of about equal numbers of lines, in import order. */
export function roundsOf(files: readonly FurnisherLines[], rounds: number): FurnisherLines[][] {
  const total = files.reduce((n, f) => n + f.lines.length, 0);
  const size = Math.ceil(total / rounds);
  const out: FurnisherLines[][] = [];
  let current: FurnisherLines[] = [];
  let room = size;
  for (const f of files) {
    for (let i = 0; i < f.lines.length;) {
      const lines = f.lines.slice(i, i + room);
      current.push({ furnisherId: f.furnisherId, lines });
      i += lines.length;
      room -= lines.length;
      if (room === 0) {
        out.push(current);
        current = [];
        room = size;
      }
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}
