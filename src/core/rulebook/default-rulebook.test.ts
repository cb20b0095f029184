import { describe, expect, it } from 'vitest';
import { computeStanding } from '../standing/compute-standing.js';
import { defaultCompiled, day, ORG, PERSON, rec, T0 } from '../../../test/support/core-fixtures.js';
import { exampleAttributes, getRecordType } from '../taxonomy/index.js';
import type { AttributeValue, Attributes } from '../record.js';
import type { Conditions, PointRule } from './model.js';
import type { SubjectKind } from '../subject.js';

const rb = defaultCompiled();
const book = rb.rulebook;

/** Values worth trying for an attribute: its example, every value and boundary any rule of the type names. */
function candidates(type: string, attr: string): AttributeValue[] {
  const spec = getRecordType(type)?.attributes[attr];
  const out = new Set<AttributeValue>();
  const example = exampleAttributes(type)[attr];
  if (example !== undefined) out.add(example);
  if (spec?.type === 'enum') spec.values.forEach((v) => out.add(v));
  if (spec?.type === 'boolean') { out.add(true); out.add(false); }
  if (spec?.type === 'integer' || spec?.type === 'number') { out.add(spec.min); out.add(Math.min(spec.max, spec.min + 1)); }
  const conds: (Conditions | undefined)[] = [...book.rules.filter((r) => r.type === type).map((r) => r.when), ...book.lists.filter((l) => l.entry.types?.includes(type)).map((l) => l.entry.when)];
  for (const when of conds) {
    const c = when?.[attr];
    if (!c) continue;
    for (const v of [c.eq, ...(c.in ?? []), c.gte, c.lte, c.gt === undefined ? undefined : c.gt + 1, c.lt === undefined ? undefined : c.lt - 1, c.gte === undefined ? undefined : c.gte - 1]) {
      if (v !== undefined && (typeof v !== 'number' || spec?.type !== 'integer' || Number.isInteger(v))) out.add(v);
    }
  }
  return [...out];
}

/** Searches attribute combinations (bounded) for one the given predicate accepts. */
function findAttributes(type: string, accept: (a: Attributes) => boolean): Attributes | undefined {
  const spec = getRecordType(type);
  if (!spec) return undefined;
  const names = Object.keys(spec.attributes);
  const pools = names.map((n) => candidates(type, n));
  const base = exampleAttributes(type);
  let tried = 0;
  const walk = (i: number, acc: Record<string, AttributeValue>): Attributes | undefined => {
    if (++tried > 20_000) return undefined;
    if (i === names.length) return accept(acc) ? { ...acc } : undefined;
    const name = names[i] as string;
    for (const v of [undefined, ...(pools[i] ?? [])]) {
      const value = v ?? base[name];
      const next = value === undefined ? acc : { ...acc, [name]: value };
      const found = walk(i + 1, next);
      if (found) return found;
    }
    return undefined;
  };
  return walk(0, {});
}

const kindFor = (type: string): SubjectKind => getRecordType(type)?.subjects[0] ?? 'person';
const subjectFor = (kind: SubjectKind) => ({ id: kind === 'person' ? PERSON : ORG, kind });

describe('the default rulebook', () => {
  it('parses, and every point rule is reachable and moves the points it says', () => {
    expect(book.rules.length).toBeGreaterThanOrEqual(28);
    for (const rule of book.rules) {
      const kind = kindFor(rule.type);
      const s = (attrs: Attributes) => computeStanding(subjectFor(kind), [rec(rule.type, { attributes: attrs, consent: true, subjectId: subjectFor(kind).id })], rb, T0 + day);
      const attrs = findAttributes(rule.type, (a) => s(a).explanation[0]?.ruleId === rule.id);
      expect(attrs, `rule ${rule.id} is shadowed by an earlier rule of ${rule.type}`).toBeDefined();
      const line = s(attrs ?? {}).explanation[0];
      expect(line?.points).toBe(expectedPoints(rule, attrs ?? {}));
    }
  });

  it('lets every record-entered list be entered by its records, for the subjects it names only', () => {
    for (const list of book.lists.filter((l) => l.entry.types)) {
      const type = list.entry.types?.[0] as string;
      const kind = list.subjects.find((k) => getRecordType(type)?.subjects.includes(k)) as SubjectKind;
      const subject = subjectFor(kind);
      const on = (a: Attributes) => computeStanding(subject, [rec(type, { attributes: a, subjectId: subject.id })], rb, T0 + day).lists.some((l) => l.listId === list.id);
      const attrs = findAttributes(type, on);
      expect(attrs, `list ${list.id} cannot be entered by ${type}`).toBeDefined();
      for (const other of getRecordType(type)?.subjects ?? []) {
        if (list.subjects.includes(other)) continue;
        const s = subjectFor(other);
        expect(computeStanding(s, [rec(type, { attributes: attrs ?? {}, subjectId: s.id })], rb, T0 + day).lists.some((l) => l.listId === list.id)).toBe(false);
      }
    }
  });

  it('keeps every negative record and listing to at most five years after the conduct', () => {
    const fiveYears = rb.addTerm(T0, { years: 5, months: 0, days: 0 });
    for (const rule of book.rules) expect(rb.addTerm(T0, rule.term), rule.id).toBeLessThanOrEqual(fiveYears);
    for (const list of book.lists) {
      if (!list.term) continue;
      const end = rb.addTerm(rb.addTerm(T0, list.term), { years: list.extension?.maxYears ?? 0, months: 0, days: 0 });
      expect(end, list.id).toBeLessThanOrEqual(fiveYears);
    }
  });

  it('cites a source for every rule, list and measure, and a legal basis for every measure', () => {
    for (const item of [...book.rules, ...book.lists, ...book.measures]) expect(item.source.length, item.id).toBeGreaterThan(10);
    for (const m of book.measures) expect(m.legalBasis.length, m.id).toBeGreaterThan(10);
  });

  it('has no measure that falls on a third party such as a child’s schooling', () => {
    const text = JSON.stringify(book.actions) + JSON.stringify(book.measures);
    expect(text).not.toMatch(/school|tuition|child|family|relative/i);
  });
});

function expectedPoints(rule: PointRule, attrs: Attributes): number {
  const factor = rule.per === undefined ? 1 : Math.max(1, Number(attrs[rule.per] ?? 1));
  const raw = rule.points * factor;
  return rule.cap === undefined ? raw : rule.cap < 0 ? Math.max(raw, rule.cap) : Math.min(raw, rule.cap);
}
