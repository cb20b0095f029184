import { GRADES } from './model.js';
import type { RulebookDocument } from './schema.js';
import type { PathIssue, PathSegment } from './parse-rulebook.js';
import { getRecordType } from '../taxonomy/index.js';
import type { RecordType } from '../taxonomy/model.js';
import { addDuration, durationAtMost, FIVE_YEARS, parseDuration, type Duration } from '../duration.js';

type Doc = RulebookDocument;
type ConditionsDoc = NonNullable<Doc['rules'][number]['when']>;

/**
 * Cross-references and product rules the schema cannot express: known record types and attributes,
 * known lists and actions, ordered grade bands, terms of at most five years, no penalty hidden in a
 * positive record type and no reward in a negative one.
 */
export function checkRulebook(doc: Doc): PathIssue[] {
  const issues: PathIssue[] = [];
  const add = (path: readonly PathSegment[], message: string): void => {
    issues.push({ path, message });
  };
  checkUnique(doc.rules, 'rules', 'rule', add);
  checkUnique(doc.lists, 'lists', 'list', add);
  checkUnique(doc.actions, 'actions', 'action', add);
  checkUnique(doc.measures, 'measures', 'measure', add);
  checkGrading(doc, add);
  doc.rules.forEach((r, i) => checkRule(r, i, add));
  doc.lists.forEach((l, i) => checkList(l, i, add));
  const actions = new Map(doc.actions.map((a) => [a.id, a]));
  doc.actions.forEach((a, i) => {
    for (const [name, f] of Object.entries(a.context ?? {})) {
      if (f.type === 'enum' && !f.values) add(['actions', i, 'context', name], `context field ${name} is an enum but lists no values`);
      if (f.type !== 'enum' && f.values) add(['actions', i, 'context', name, 'values'], `context field ${name} is a ${f.type}: values are only for enums`);
    }
  });
  const lists = new Map(doc.lists.map((l) => [l.id, l]));
  doc.measures.forEach((m, i) => {
    const at = ['measures', i] as const;
    const action = actions.get(m.action);
    if (!action) add([...at, 'action'], `unknown action "${m.action}"`);
    if (!m.when.list && !m.when.grades) add([...at, 'when'], 'a measure needs a list or grades to trigger it');
    const list = m.when.list === undefined ? undefined : lists.get(m.when.list);
    if (m.when.list !== undefined && !list) add([...at, 'when', 'list'], `unknown list "${m.when.list}"`);
    if (list && m.effect === 'deny' && list.kind === 'red') add([...at, 'when', 'list'], `a red list (${list.id}) cannot trigger a denial`);
    if (list && m.effect === 'benefit' && list.kind === 'black') add([...at, 'when', 'list'], `a black list (${list.id}) cannot trigger a benefit`);
    if (m.effect === 'benefit' && !m.benefit) add([...at, 'benefit'], 'a benefit measure must name its benefit');
    if (m.effect === 'deny' && m.benefit) add([...at, 'benefit'], 'a denial carries no benefit');
    if (action && m.when.context) {
      for (const [field, cond] of Object.entries(m.when.context)) {
        const spec = action.context?.[field];
        if (!spec) { add([...at, 'when', 'context', field], `action ${m.action} has no context field "${field}"`); continue; }
        const values = [...(cond.in ?? []), ...(cond.eq === undefined ? [] : [cond.eq])];
        for (const v of values) {
          if (spec.type === 'enum' && !spec.values?.includes(String(v))) add([...at, 'when', 'context', field], `"${String(v)}" is not a value of ${m.action} ${field} (${spec.values?.join(', ') ?? ''})`);
        }
      }
    }
  });
  for (const code of Object.keys(doc.disputes.perType ?? {})) {
    if (!getRecordType(code)) add(['disputes', 'perType', code], `unknown record type "${code}"`);
  }
  return issues;
}

type Add = (path: readonly PathSegment[], message: string) => void;

function checkUnique(items: readonly { id: string }[], key: string, what: string, add: Add): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) add([key, i, 'id'], `duplicate ${what} id "${item.id}"`);
    seen.add(item.id);
  });
}

function checkGrading(doc: Doc, add: Add): void {
  let previous = Infinity;
  doc.grading.bands.forEach((band, i) => {
    const expected = GRADES[i];
    if (band.grade !== expected) add(['grading', 'bands', i, 'grade'], `band ${i + 1} should be ${expected ?? '?'}, found ${band.grade}`);
    const last = i === doc.grading.bands.length - 1;
    if (last && band.min !== undefined) add(['grading', 'bands', i, 'min'], 'the lowest band (D) has no minimum');
    if (!last && band.min === undefined) add(['grading', 'bands', i], `band ${band.grade} needs a minimum`);
    if (band.min !== undefined) {
      if (band.min >= previous) add(['grading', 'bands', i, 'min'], `minimum ${band.min} of ${band.grade} must be below the band above (${previous})`);
      previous = band.min;
    }
  });
}

function checkRule(r: Doc['rules'][number], i: number, add: Add): void {
  const at = ['rules', i] as const;
  const type = getRecordType(r.type);
  if (!type) { add([...at, 'type'], `unknown record type "${r.type}"`); return; }
  checkConditions(r.when, [type], [...at, 'when'], add);
  if (r.per !== undefined) {
    const spec = type.attributes[r.per];
    if (!spec || spec.type !== 'integer') add([...at, 'per'], `per must name an integer attribute of ${r.type}`);
  }
  if (type.polarity === 'negative' && r.points > 0) add([...at, 'points'], `${r.type} is a negative record type: it cannot add points`);
  if (type.polarity === 'positive' && r.points < 0) add([...at, 'points'], `${r.type} is a positive record type: it cannot deduct points`);
  if (r.fulfilledPoints !== undefined && Math.abs(r.fulfilledPoints) > Math.abs(r.points)) add([...at, 'fulfilledPoints'], 'fulfilment cannot make a record weigh more');
  if (r.cap !== undefined && Math.sign(r.cap) !== Math.sign(r.points)) add([...at, 'cap'], 'cap must have the same sign as points');
  checkTerm(r.term, [...at, 'term'], add);
}

function checkList(l: Doc['lists'][number], i: number, add: Add): void {
  const at = ['lists', i] as const;
  const types: RecordType[] = [];
  (l.entry.types ?? []).forEach((code, j) => {
    const t = getRecordType(code);
    if (!t) { add([...at, 'entry', 'types', j], `unknown record type "${code}"`); return; }
    types.push(t);
    if (l.kind === 'black' && t.polarity === 'positive') add([...at, 'entry', 'types', j], `a black list cannot be entered by a positive record (${code})`);
    if (l.kind === 'red' && t.polarity === 'negative') add([...at, 'entry', 'types', j], `a red list cannot be entered by a negative record (${code})`);
  });
  checkConditions(l.entry.when, types, [...at, 'entry', 'when'], add);
  const byGrade = l.entry.grades !== undefined;
  if (byGrade && l.entry.types) add([...at, 'entry'], 'a list is entered either by record types or by grades, not both');
  if (!byGrade && !l.entry.types) add([...at, 'entry'], 'a list needs entry types or grades');
  if (!byGrade && !l.term) add([...at], 'a list entered by records needs a term');
  if (byGrade && l.term) add([...at, 'term'], 'a list entered by grade lasts while the grade lasts: no term');
  if (l.term) {
    const term = checkTerm(l.term, [...at, 'term'], add);
    if (term && l.extension && !durationAtMost({ ...term, years: term.years + l.extension.maxYears }, FIVE_YEARS)) {
      add([...at, 'extension', 'maxYears'], 'term plus the longest extension exceeds five years');
    }
  }
  if (l.extension) {
    // Records of types without the attribute simply get no extension; at least one type must carry it.
    const name = l.extension.attribute;
    const carriers = types.filter((t) => t.attributes[name]?.type === 'integer');
    if (types.length > 0 && carriers.length === 0) add([...at, 'extension', 'attribute'], `no entry type of ${l.id} has an integer attribute "${name}"`);
  }
  if (l.publicity) {
    const min = checkTerm(l.publicity.minimum, [...at, 'publicity', 'minimum'], add);
    const max = checkTerm(l.publicity.maximum, [...at, 'publicity', 'maximum'], add);
    if (min && max && addDuration(0, min) > addDuration(0, max)) add([...at, 'publicity'], 'publicity minimum exceeds its maximum');
  }
}

function checkTerm(text: string, path: readonly PathSegment[], add: Add): Duration | undefined {
  const d = parseDuration(text);
  if (!d) { add(path, `"${text}" is not a duration like P2Y or P3M`); return undefined; }
  if (!durationAtMost(d, FIVE_YEARS)) add(path, `term ${text} exceeds five years (credit reporting regulation Art. 16)`);
  return d;
}

function checkConditions(when: ConditionsDoc | undefined, types: readonly RecordType[], path: readonly PathSegment[], add: Add): void {
  if (!when) return;
  for (const [attr, cond] of Object.entries(when)) {
    for (const t of types) {
      const spec = t.attributes[attr];
      if (!spec) { add([...path, attr], `${t.code} has no attribute "${attr}"`); continue; }
      const numeric = cond.gte !== undefined || cond.gt !== undefined || cond.lte !== undefined || cond.lt !== undefined;
      if (numeric && spec.type !== 'integer' && spec.type !== 'number') add([...path, attr], `${attr} of ${t.code} is not a number`);
      if (spec.type === 'enum') {
        for (const v of [...(cond.in ?? []), ...(cond.eq === undefined ? [] : [cond.eq])]) {
          if (!spec.values.includes(String(v))) add([...path, attr], `"${String(v)}" is not a value of ${t.code} ${attr}`);
        }
      }
    }
  }
}
