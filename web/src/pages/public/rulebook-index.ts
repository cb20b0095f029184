import type { RulebookDocument } from '../../api/wire.js';
import { formatConditions } from './format-conditions.js';

type PointRule = RulebookDocument['rules'][number];
type ListDefinition = RulebookDocument['lists'][number];
type Measure = RulebookDocument['measures'][number];
type Rulebook = RulebookDocument;

/** The rules of one record type, with the lists that type can put a subject on and what those lists trigger. */
export interface TypeSection {
  readonly type: string;
  readonly rules: readonly PointRule[];
  readonly lists: readonly ListDefinition[];
  readonly measures: readonly Measure[];
}

export interface RulebookView {
  readonly types: readonly TypeSection[];
  readonly lists: readonly ListDefinition[];
  readonly measures: readonly Measure[];
}

const matches = (query: string, ...fields: readonly (string | undefined)[]): boolean =>
  query === '' || fields.some((f) => f !== undefined && f.toLowerCase().includes(query));

/** Groups the rulebook by record type and keeps what matches `query` (case-insensitive, any field). */
export function indexRulebook(rb: Rulebook, rawQuery: string): RulebookView {
  const query = rawQuery.trim().toLowerCase();
  const measuresOf = (listIds: ReadonlySet<string>) => rb.measures.filter((m) => m.when.list !== undefined && listIds.has(m.when.list));
  const byType = new Map<string, PointRule[]>();
  for (const r of rb.rules) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);

  const types: TypeSection[] = [];
  for (const [type, rules] of byType) {
    const lists = rb.lists.filter((l) => l.entry.types?.includes(type));
    const measures = measuresOf(new Set(lists.map((l) => l.id)));
    const sectionHit = matches(query, type, ...lists.map((l) => l.name));
    const hitRules = sectionHit ? rules
      : rules.filter((r) => matches(query, r.id, r.source, formatConditions(r.when)));
    if (hitRules.length > 0) types.push({ type, rules: hitRules, lists, measures });
  }
  return {
    types,
    lists: rb.lists.filter((l) => matches(query, l.id, l.name, l.source, ...(l.entry.types ?? []))),
    measures: rb.measures.filter((m) =>
      matches(query, m.id, m.action, m.description, m.legalBasis, m.source, m.when.list, m.benefit)),
  };
}
