import { encodeBase64, type Hasher } from '../../core/merkle/index.js';
import { nodeCryptoHasher } from '../../log/node-hasher.js';
import { AuditFetchError, type AuditHttp } from './audit-http.js';
import { problems, type AuditProblem } from './audit-problems.js';
import type { AuditState } from './audit-state.js';
import { checkCheckpoint } from './check-checkpoint.js';
import { checkEvents, fetchEventRows } from './check-events.js';
import { checkReportedStandings, fetchReportedStandings, type StandingsPage } from './check-reported-standings.js';
import { checkSubjects, eventsBySubject, fetchSubjectPages, type SubjectPage } from './check-subjects.js';
import { checkTree } from './check-tree.js';
import { publishedRulebooks } from './published-rulebooks.js';

export interface AuditOptions {
  /** A verifier key to trust instead of the remembered (or, on first use, the published) one. */
  readonly trust?: string;
  /** The state of the last successful audit, or null for a first audit. */
  readonly state: AuditState | null;
  readonly hasher?: Hasher;
  readonly now?: () => Date;
}

export interface AuditReport {
  readonly ok: boolean;
  readonly checkpoint: { readonly origin: string; readonly size: number; readonly root: string } | null;
  readonly trust: 'given' | 'remembered' | 'first use';
  readonly vkey: string;
  readonly previousSize: number | null;
  readonly counts: { readonly events: number; readonly subjects: number; readonly records: number; readonly standings: number; readonly tiles: number; readonly rulebooks: number };
  readonly problems: readonly AuditProblem[];
  readonly problemCount: number;
  /** What to remember for the next audit: set only when everything checked out. */
  readonly nextState: AuditState | null;
}

/**
 * The independent audit: the signed checkpoint and its consistency with the last one seen; every
 * event, its leaf and the root; every stored tile; the published rulebooks; and every subject's
 * records and standings, recomputed from the events alone and compared with what the server stores
 * and reports. Rows are read before the events, so a registry that keeps writing is audited exactly.
 */
export async function auditLog(http: AuditHttp, options: AuditOptions): Promise<AuditReport> {
  const h = options.hasher ?? nodeCryptoHasher;
  const out = problems();
  const attempt = async <T>(what: string, f: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await f();
    } catch (error) {
      if (!(error instanceof AuditFetchError)) throw error;
      out.add({ kind: 'fetch', detail: `could not read ${what}: ${error.message}` });
      return fallback;
    }
  };
  const cp = await checkCheckpoint(http, h, options.state, options.trust, out);
  const pages = await attempt<SubjectPage[]>('the subject rows', () => fetchSubjectPages(http), []);
  const reported = await attempt<StandingsPage[]>('the reported standings', () => fetchReportedStandings(http), []);
  const rows = await attempt('the event rows', () => fetchEventRows(http), []);
  const { events, leaves } = checkEvents(rows, h, out);
  const rulebooks = await publishedRulebooks(http, events, out);
  const bySubject = eventsBySubject(events);
  const standings = checkReportedStandings(reported, bySubject, rulebooks, out);
  const size = cp.checkpoint?.size ?? events.length;
  const { subjects, records } = checkSubjects(pages, bySubject, rulebooks, size, out);
  const tiles = cp.checkpoint ? await attempt('the log tiles', () => checkTree(http, h, cp.checkpoint as NonNullable<typeof cp.checkpoint>, leaves, out), 0) : 0;
  const ok = out.count() === 0 && cp.checkpoint !== null;
  const checkpoint = cp.checkpoint ? { origin: cp.checkpoint.origin, size: cp.checkpoint.size, root: encodeBase64(cp.checkpoint.root) } : null;
  return {
    ok, checkpoint, trust: cp.trust, vkey: cp.vkey, previousSize: options.state?.size ?? null,
    counts: { events: events.length, subjects, records, standings, tiles, rulebooks: rulebooks.byVersion.size },
    problems: out.list(), problemCount: out.count(),
    nextState: ok && checkpoint && cp.note !== null
      ? { origin: checkpoint.origin, vkey: cp.vkey, size: checkpoint.size, root: checkpoint.root, note: cp.note, verifiedAt: (options.now?.() ?? new Date()).toISOString() }
      : null,
  };
}
