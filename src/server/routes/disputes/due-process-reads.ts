import type { SubjectId } from '../../../core/brand.js';
import { dueProcessReads, type DueProcessReads } from '../../../store/due-process/due-process-tables.js';
import type { DisputeRow } from '../../../store/due-process/due-process-rows.js';
import type { ServerDeps } from '../../server-deps.js';
import type { View } from '../../schemas/common.js';
import type { DisputeCaseView } from '../../schemas/disputes.js';
import { disputeCaseView } from '../../views/dispute-case-view.js';

/** Reads of the due-process tables in one snapshot, with client names for the views. */
export const readDueProcess = <T>(deps: ServerDeps, fn: (r: DueProcessReads, names: ReadonlyMap<string, string>) => Promise<T>): Promise<T> =>
  deps.store.read(async (tx) => fn(dueProcessReads(tx.sql), new Map((await tx.clients()).map((c) => [c.id as string, c.name]))));

/** Disputes as a party sees them; only the subject and operators see which relying parties were notified. */
export async function disputeViews(
  deps: ServerDeps, rows: (r: DueProcessReads) => Promise<readonly DisputeRow[]>, withNotices: SubjectId | 'all' | null,
): Promise<View<typeof DisputeCaseView>[]> {
  const at = deps.clock();
  return readDueProcess(deps, async (r, names) => {
    const found = await rows(r);
    const subjects = withNotices === null ? [] : withNotices === 'all' ? [...new Set(found.map((d) => d.dispute.subjectId))] : [withNotices];
    const notices = (await Promise.all(subjects.map((s) => r.noticesAbout(s)))).flat();
    return found.map((row) => disputeCaseView(row, at, names, notices));
  });
}
