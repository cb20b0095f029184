import type { Decision } from '../../core/decision/model.js';
import type { Rulebook } from '../../core/rulebook/model.js';

/** A decision as plain text: the outcome first, then each reason with the list, records and legal basis it rests on. */
export function formatDecision(subjectId: string, d: Decision, context: Readonly<Record<string, unknown>>, rulebook: Rulebook): string {
  const ctx = Object.entries(context).map(([k, v]) => `${k}=${String(v)}`).join(' ');
  const out = [`${d.outcome.toUpperCase()}  ${d.action}${ctx === '' ? '' : ` (${ctx})`} for ${subjectId}`];
  if (d.benefits.length > 0) out.push(`  benefits: ${d.benefits.join(', ')}`);
  if (d.reasons.length === 0) out.push('  no measure of the rulebook applies: allowed as for anyone');
  for (const r of d.reasons) {
    out.push(`  ${r.effect === 'deny' ? 'denied by' : 'benefit from'} measure ${r.measureId}: ${r.description}`);
    if (r.listId !== undefined) {
      const name = rulebook.lists.find((l) => l.id === r.listId)?.name ?? r.listId;
      out.push(`    because the subject is on the list ${name} [${r.listId}]${r.recordIds.length > 0 ? `, by records ${r.recordIds.join(', ')}` : ''}`);
    }
    if (r.grade !== undefined) out.push(`    because the subject's grade is ${r.grade}`);
    out.push(`    legal basis: ${r.legalBasis}`);
  }
  out.push(`  rulebook ${d.rulebookVersion}`);
  return `${out.join('\n')}\n`;
}
