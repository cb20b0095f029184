import { useCallback } from 'react';
import { fetchMyDisputes, fetchMyRestorations, fetchMyStatements } from '../../../api/due-process-api.js';
import { useApi } from '../../../api/use-api.js';
import type { DisputeCaseView, FileRecordView, RulebookDocument, SubjectFileView } from '../../../api/wire.js';
import type { RecordDueProcess } from './record-actions.js';

const IN_PROGRESS: ReadonlySet<DisputeCaseView['status']> = new Set(['open', 'unverified', 'appealed']);

/** The subject's disputes, statements and restoration applications, and what they mean for each record. */
export function useDueProcess() {
  const disputes = useApi((signal) => fetchMyDisputes(signal), 'disputes');
  const statements = useApi((signal) => fetchMyStatements(signal), 'statements');
  const restorations = useApi((signal) => fetchMyRestorations(signal), 'restorations');
  const { reload: reloadDisputes } = disputes;
  const { reload: reloadStatements } = statements;
  const { reload: reloadRestorations } = restorations;
  const reload = useCallback(() => { reloadDisputes(); reloadStatements(); reloadRestorations(); }, [reloadDisputes, reloadStatements, reloadRestorations]);

  const stateOf = (record: FileRecordView, file: SubjectFileView, rulebook: RulebookDocument | undefined): RecordDueProcess => {
    const publicity = new Map((rulebook?.lists ?? []).filter((l) => l.publicity).map((l) => [l.id, l.name]));
    const openDispute = disputes.state === 'ready'
      ? disputes.data.disputes.find((d) => d.recordId === record.id && (IN_PROGRESS.has(d.status) || d.awaiting !== null)) : undefined;
    const statement = statements.state === 'ready' ? statements.data.statements.find((s) => s.recordId === record.id) : undefined;
    return {
      ...(openDispute ? { openDispute } : {}),
      ...(statement ? { statement } : {}),
      publicityLists: file.standing.lists
        .filter((m) => m.recordIds.includes(record.id) && publicity.has(m.listId))
        .map((m) => ({ listId: m.listId, name: publicity.get(m.listId) ?? m.listId })),
      restorations: restorations.state === 'ready' ? restorations.data.restorations.filter((r) => r.recordId === record.id) : [],
    };
  };
  return { disputes, reload, stateOf };
}
