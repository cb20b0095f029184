import { parseVerifierKey } from '../../core/merkle/index.js';
import { nodeCryptoHasher } from '../../log/node-hasher.js';
import type { SubjectProofsWire } from '../../log/proof-wire.js';
import { verifySubjectProofs } from '../../log/verify-subject-proofs.js';
import { UserError } from '../user-error.js';
import { getJson, getText, type AuditHttp } from './audit-http.js';

/**
 * `credence log proofs`: a subject fetches the proofs of its own events and checks each one against
 * the signed checkpoint, offline, with the log key it trusts. Resolves the exit code.
 */
export async function runProofs(http: AuditHttp, trust: string | undefined, stdout: NodeJS.WritableStream): Promise<number> {
  const vkey = trust ?? (await getText(http, '/v1/log/key')).trim();
  const key = parseVerifierKey(vkey);
  if (!key.ok) throw new UserError(`--trust: not a verifier key (${key.error})`);
  const answer = await getJson<SubjectProofsWire>(http, '/v1/me/log/proofs', true);
  const check = verifySubjectProofs(nodeCryptoHasher, answer, key.key);
  const bySeq = new Map(answer.items.map((i) => [i.event.seq, i.event.event]));
  for (const e of check.events) {
    const ev = bySeq.get(e.seq);
    const about = ev && 'recordId' in ev ? ev.recordId : ev?.type === 'record.furnished' ? ev.record.recordId : '';
    stdout.write(`  event ${e.seq} ${ev?.type ?? ''} ${about}: ${e.verdict === 'included' ? 'in the signed log' : e.verdict === 'pending' ? 'not yet in a checkpoint' : 'NOT PROVEN'}\n`);
  }
  stdout.write(check.ok
    ? `VERDICT: OK — ${check.events.length} event(s) about you are in the log signed by ${key.key.name} at size ${check.size}.\n`
    : `VERDICT: MISMATCH — ${check.reason}.\n`);
  return check.ok ? 0 : 1;
}
