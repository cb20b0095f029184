import type { AuditReport } from './audit-log.js';

const SHOWN = 50;

/** The audit as a human reads it: what was checked, each problem naming its event, subject or tile, and one verdict line. */
export function formatAudit(server: string, r: AuditReport): string {
  const lines = [`credence log verify ${server}`];
  const c = r.checkpoint;
  lines.push(c
    ? `  checkpoint   ${c.origin}, size ${c.size}, root ${c.root}, key ${r.vkey} (${r.trust === 'first use' ? 'trusted on first use' : r.trust === 'given' ? 'given with --trust' : 'remembered from the last audit'})`
    : '  checkpoint   none verified');
  if (r.previousSize !== null) lines.push(`  consistency  with the checkpoint verified last time (size ${r.previousSize})`);
  const n = r.counts;
  lines.push(`  replayed     ${n.events} events under ${n.rulebooks} published rulebook version(s)`);
  lines.push(`  compared     ${n.subjects} subjects, ${n.records} records, ${n.standings} reported standings, ${n.tiles} tiles`);
  if (r.ok) {
    lines.push('VERDICT: OK — the log is consistent, its tree matches every event, and every record and standing follows from the events and the published rulebooks.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(`  problems     ${r.problemCount}${r.problemCount > SHOWN ? ` (first ${SHOWN} shown)` : ''}:`);
  for (const p of r.problems.slice(0, SHOWN)) lines.push(`    [${p.kind}] ${p.detail}`);
  const named = [...new Set(r.problems.flatMap((p) => [
    ...(p.seq !== undefined && (p.kind === 'event' || p.kind === 'proof') ? [`event ${p.seq}`] : []),
    ...(p.subjectId !== undefined ? [`subject ${p.subjectId}`] : []),
    ...(p.tile !== undefined ? [`tile ${p.tile}`] : []),
  ]))].slice(0, 10);
  lines.push(`VERDICT: MISMATCH — ${r.problemCount} problem(s)${named.length > 0 ? `; see ${named.join(', ')}` : ''}.`);
  return `${lines.join('\n')}\n`;
}
