import type { ParsedIdentifier } from '../../core/identifiers/index.js';
import type { RecordState } from '../../core/record.js';
import type { Rulebook } from '../../core/rulebook/model.js';
import type { Standing } from '../../core/standing/model.js';
import { getRecordType } from '../../core/taxonomy/index.js';
import { day, explainLine, signed } from './explain-line.js';

export interface SubjectFileView {
  readonly subject: ParsedIdentifier;
  readonly standing: Standing;
  readonly records: readonly RecordState[];
  readonly rulebook: Rulebook;
}

const KIND_WORDS = { person: 'person', organization: 'organization', public_body: 'public body' } as const;

/** One subject's file as plain text: standing, lists, measures, then every record and why it counts or not. */
export function formatSubjectFile(v: SubjectFileView): string {
  const { subject, standing: s, rulebook } = v;
  const out: string[] = [];
  const region = subject.regionName === undefined ? subject.region : `${subject.regionName} (${subject.region})`;
  out.push(`${subject.subjectId}  ${KIND_WORDS[subject.kind]}, ${region}`);
  out.push(`standing at ${new Date(s.at).toISOString()} under rulebook ${s.rulebookVersion}`);
  out.push(`  grade ${s.grade}, ${s.points} points (every subject starts from ${rulebook.grading.base})`);
  if (s.nextChangeAt !== null) out.push(`  changes by itself on ${day(s.nextChangeAt)} (a record expires or a term ends)`);

  out.push('', 'lists');
  if (s.lists.length === 0) out.push('  none');
  for (const l of s.lists) {
    const name = rulebook.lists.find((d) => d.id === l.listId)?.name ?? l.listId;
    const term = l.until === null ? 'while the grade lasts' : `until ${day(l.until)}`;
    out.push(`  ${l.kind === 'black' ? 'black' : 'red'} list ${name} [${l.listId}]: since ${day(l.since)}, ${term}`);
    if (l.recordIds.length > 0) out.push(`    because of ${l.recordIds.join(', ')}`);
  }

  out.push('', 'measures in force');
  if (s.measures.length === 0) out.push('  none');
  for (const m of s.measures) {
    const description = rulebook.measures.find((d) => d.id === m.measureId)?.description ?? '';
    const effect = m.effect === 'deny' ? 'denied' : `benefit ${m.benefit ?? ''}`.trim();
    out.push(`  ${m.action}: ${effect}${m.conditional ? ' (depending on the details of the request)' : ''} [${m.measureId}]`);
    if (description !== '') out.push(`    ${description}`);
  }

  out.push('', `records (${v.records.length})`);
  if (v.records.length === 0) out.push('  none: a clean file');
  const byId = new Map(v.records.map((r) => [r.id, r]));
  const explained = [...s.explanation].sort((a, b) => (byId.get(b.recordId)?.occurredAt ?? 0) - (byId.get(a.recordId)?.occurredAt ?? 0));
  for (const line of explained) {
    const r = byId.get(line.recordId);
    const title = getRecordType(line.type)?.title ?? line.type;
    out.push(`  ${r === undefined ? '          ' : day(r.occurredAt)}  ${title} [${line.type}]  ${signed(line.points)}`);
    out.push(`    ${explainLine(line, r)}`);
    if (r === undefined) continue;
    const details = Object.entries(r.attributes).map(([k, value]) => `${k} ${String(value)}`).join(', ');
    if (details !== '') out.push(`    details: ${details}`);
    out.push(`    ${line.recordId}, furnished by ${r.furnisherId} (their ref ${r.furnisherRef}); legal basis: ${r.legalBasis}`);
  }
  return `${out.join('\n')}\n`;
}
