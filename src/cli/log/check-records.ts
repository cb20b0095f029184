import type { RawRow } from '../../store/log-store.js';
import type { Problems } from './audit-problems.js';
import { differingColumns, type ReplayedSubject } from './expected-rows.js';

/** Compares a subject's record rows with its replay: none missing, none extra, every column equal. */
export function checkRecords(subjectId: string, replay: ReplayedSubject, rows: readonly RawRow[], out: Problems): void {
  const seen = new Set<number>();
  for (const row of rows) {
    const seq = Number(row.seq);
    seen.add(seq);
    const expected = replay.recordRows.get(seq);
    if (!expected) {
      out.add({ kind: 'record', subjectId, seq, detail: `record row ${String(row.seq)} of ${subjectId} was furnished by no event of this subject` });
      continue;
    }
    const extra = Object.keys(row).filter((c) => !(c in expected));
    if (extra.length > 0) out.add({ kind: 'record', subjectId, seq, detail: `the records table has columns the auditor does not check: ${extra.join(', ')}` });
    for (const d of differingColumns(expected, row)) out.add({ kind: 'record', subjectId, seq, detail: `record rec_${seq} of ${subjectId}: ${d}` });
  }
  for (const seq of replay.recordRows.keys()) {
    if (!seen.has(seq)) out.add({ kind: 'record', subjectId, seq, detail: `record rec_${seq} of ${subjectId} is in the events but has no row` });
  }
}
