import type { FastifyReply } from 'fastify';
import { CredenceError } from '../../../core/errors.js';
import type { DisputeRow } from '../../../store/due-process/due-process-rows.js';
import type { ServerDeps } from '../../server-deps.js';
import { readDueProcess } from './due-process-reads.js';

/**
 * Sends a dispute's evidence file as a download, never rendered by the browser: the bytes are the
 * subject's, whatever media type they claim.
 */
export async function sendEvidence(deps: ServerDeps, reply: FastifyReply, row: DisputeRow, sha256: string): Promise<FastifyReply> {
  const ref = row.dispute.evidence.find((e) => e.sha256 === sha256);
  const file = ref ? await readDueProcess(deps, (r) => r.evidence(row.dispute.subjectId, sha256)) : undefined;
  if (!ref || !file) throw new CredenceError('not_found', `dispute ${row.dispute.id} has no evidence ${sha256}`);
  const ascii = ref.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .header('content-type', 'application/octet-stream')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(ref.name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('x-evidence-media-type', ref.mediaType)
    .header('x-evidence-sha256', sha256)
    .send(Buffer.from(file.content));
}
