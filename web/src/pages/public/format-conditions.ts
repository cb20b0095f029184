import type { Conditions, ValueCondition } from '../../../../src/core/rulebook/model.js';

/** Rulebook conditions as a reader writes them: `daysOverdue ≥ 90`, `mode ∈ {rail, air}`. */
export function formatConditions(when: Conditions | undefined): string {
  if (!when) return '';
  return Object.entries(when).map(([name, c]) => formatCondition(name, c)).join(' · ');
}

function formatCondition(name: string, c: ValueCondition): string {
  const parts: string[] = [];
  if (c.eq !== undefined) parts.push(`${name} = ${String(c.eq)}`);
  if (c.in !== undefined) parts.push(`${name} ∈ {${c.in.join(', ')}}`);
  if (c.gte !== undefined) parts.push(`${name} ≥ ${c.gte}`);
  if (c.gt !== undefined) parts.push(`${name} > ${c.gt}`);
  if (c.lte !== undefined) parts.push(`${name} ≤ ${c.lte}`);
  if (c.lt !== undefined) parts.push(`${name} < ${c.lt}`);
  return parts.join(', ');
}
