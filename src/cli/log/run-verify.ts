import { auditLog, type AuditReport } from './audit-log.js';
import type { AuditHttp } from './audit-http.js';
import { readAuditState, writeAuditState } from './audit-state.js';
import { formatAudit } from './format-audit.js';

export interface VerifyOptions {
  readonly server: string;
  readonly http: AuditHttp;
  readonly stateFile: string;
  readonly trust?: string;
  readonly json?: boolean;
}

/**
 * `credence log verify`: audits the server, prints the verdict, and remembers the verified
 * checkpoint (and the trusted key) only when everything checked out. Resolves the exit code.
 */
export async function runVerify(o: VerifyOptions, stdout: NodeJS.WritableStream): Promise<{ readonly code: number; readonly report: AuditReport }> {
  const state = readAuditState(o.stateFile);
  const report = await auditLog(o.http, { state, ...(o.trust !== undefined ? { trust: o.trust } : {}) });
  stdout.write(o.json === true ? `${JSON.stringify(report, null, 2)}\n` : formatAudit(o.server, report));
  if (report.nextState) writeAuditState(o.stateFile, report.nextState);
  return { code: report.ok ? 0 : 1, report };
}
