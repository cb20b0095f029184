import { addDuration, type Duration } from '../duration.js';
import { CredenceError } from '../errors.js';
import { getRecordType } from '../taxonomy/index.js';
import type { SubjectKind } from '../subject.js';
import { GRADES, type ActionDefinition, type Grade, type ListDefinition, type Measure, type PointRule, type Rulebook } from './model.js';
import { compileConditions, type Predicate } from './conditions.js';
import { compileContextValidator, type ContextValidator } from './context-validator.js';
import type { MeasureInForce } from '../standing/model.js';

export interface CompiledRule {
  readonly rule: PointRule;
  readonly matches: Predicate;
  readonly term: Duration;
  /** The rule's fields a standing reads for every record, copied flat (defaults applied). */
  readonly id: string;
  readonly points: number;
  readonly fulfilledPoints: number;
  readonly per: string | undefined;
  readonly suspendWhileDisputed: boolean;
}

export interface CompiledListEntry {
  readonly list: CompiledList;
  readonly matches: Predicate;
}

export interface CompiledList {
  readonly index: number;
  readonly def: ListDefinition;
  readonly subjects: ReadonlySet<SubjectKind>;
}

export interface CompiledMeasure {
  readonly measure: Measure;
  /** The measure as a standing reports it, built once. */
  readonly inForce: MeasureInForce;
  readonly listIndex: number;
  readonly grades: ReadonlySet<Grade> | null;
  readonly subjects: ReadonlySet<SubjectKind> | null;
  readonly context: Predicate | null;
}

export interface CompiledAction {
  readonly def: ActionDefinition;
  readonly measures: readonly CompiledMeasure[];
  /** The measures that need no list: all a subject on no list can trigger. */
  readonly unlistedMeasures: readonly CompiledMeasure[];
  readonly validateContext: ContextValidator;
}

/** Per record type: the rules in order, the cap, the lists it can enter and whether it needs consent. */
export interface CompiledType {
  readonly rules: readonly CompiledRule[];
  readonly cap: number | undefined;
  /** Where a standing keeps the running total of a capped type (0 .. cappedTypes-1), -1 when uncapped. */
  readonly capSlot: number;
  readonly lists: readonly CompiledListEntry[];
  readonly requiresConsent: boolean;
}

/** A rulebook turned into lookup tables once, so standing and decisions evaluate without searching. */
export interface CompiledRulebook {
  readonly rulebook: Rulebook;
  readonly version: string;
  readonly base: number;
  /** Minimum points per grade, in GRADES order; the last is -Infinity. */
  readonly gradeMins: readonly number[];
  readonly types: ReadonlyMap<string, CompiledType>;
  /** How many types have a cap (the capSlot range). */
  readonly cappedTypes: number;
  readonly lists: readonly CompiledList[];
  /** Lists entered by grade, per grade index. */
  readonly gradeLists: readonly (readonly CompiledList[])[];
  /** Measures triggered by each list (by list index) and by each grade (by grade index). */
  readonly measuresByList: readonly (readonly CompiledMeasure[])[];
  readonly measuresByGrade: readonly (readonly CompiledMeasure[])[];
  readonly actions: ReadonlyMap<string, CompiledAction>;
  addTerm(at: number, term: Duration): number;
}

const NO_LIST = -1;

export function compileRulebook(rulebook: Rulebook): CompiledRulebook {
  const lists: CompiledList[] = rulebook.lists.map((def, index) => ({ index, def, subjects: new Set(def.subjects) }));
  const listById = new Map(lists.map((l) => [l.def.id, l]));
  const types = new Map<string, { rules: CompiledRule[]; cap: number | undefined; capSlot: number; lists: CompiledListEntry[]; requiresConsent: boolean }>();
  const typeEntry = (code: string) => {
    let t = types.get(code);
    if (!t) {
      const rt = getRecordType(code);
      if (!rt) throw new CredenceError('invalid_rulebook', `unknown record type "${code}"`);
      t = { rules: [], cap: undefined, capSlot: -1, lists: [], requiresConsent: rt.requiresConsent };
      types.set(code, t);
    }
    return t;
  };
  for (const rule of rulebook.rules) {
    const t = typeEntry(rule.type);
    t.rules.push({
      rule, matches: compileConditions(rule.when), term: rule.term, id: rule.id, points: rule.points,
      fulfilledPoints: rule.fulfilledPoints ?? 0, per: rule.per, suspendWhileDisputed: rule.suspendWhileDisputed === true,
    });
    if (rule.cap !== undefined) t.cap = t.cap === undefined ? rule.cap : Math.sign(rule.cap) * Math.min(Math.abs(t.cap), Math.abs(rule.cap));
  }
  let cappedTypes = 0;
  for (const t of types.values()) if (t.cap !== undefined) t.capSlot = cappedTypes++;
  const gradeLists: CompiledList[][] = GRADES.map(() => []);
  for (const list of lists) {
    for (const code of list.def.entry.types ?? []) typeEntry(code).lists.push({ list, matches: compileConditions(list.def.entry.when) });
    for (const g of list.def.entry.grades ?? []) gradeLists[GRADES.indexOf(g)]?.push(list);
  }
  const measuresByList: CompiledMeasure[][] = lists.map(() => []);
  const measuresByGrade: CompiledMeasure[][] = GRADES.map(() => []);
  const byAction = new Map<string, CompiledMeasure[]>(rulebook.actions.map((a) => [a.id, []]));
  for (const measure of rulebook.measures) {
    const list = measure.when.list === undefined ? undefined : listById.get(measure.when.list);
    const cm: CompiledMeasure = {
      measure,
      inForce: Object.freeze({
        measureId: measure.id, action: measure.action, effect: measure.effect,
        ...(measure.benefit ? { benefit: measure.benefit } : {}), conditional: measure.when.context !== undefined,
      }),
      listIndex: list ? list.index : NO_LIST,
      grades: measure.when.grades ? new Set(measure.when.grades) : null,
      subjects: measure.when.subjects ? new Set(measure.when.subjects) : null,
      context: measure.when.context ? compileConditions(measure.when.context) : null,
    };
    if (list) measuresByList[list.index]?.push(cm);
    else for (const g of measure.when.grades ?? []) measuresByGrade[GRADES.indexOf(g)]?.push(cm);
    const forAction = byAction.get(measure.action);
    if (!forAction) throw new CredenceError('invalid_rulebook', `measure ${measure.id}: unknown action "${measure.action}"`);
    forAction.push(cm);
  }
  const actions = new Map<string, CompiledAction>(rulebook.actions.map((def) => [def.id, {
    def,
    measures: byAction.get(def.id) ?? [],
    unlistedMeasures: (byAction.get(def.id) ?? []).filter((m) => m.listIndex < 0),
    validateContext: compileContextValidator(def),
  }]));
  const bands = rulebook.grading.bands;
  return {
    rulebook,
    version: rulebook.version,
    base: rulebook.grading.base,
    gradeMins: GRADES.map((g) => bands.find((b) => b.grade === g)?.min ?? -Infinity),
    types,
    cappedTypes,
    lists,
    gradeLists,
    measuresByList,
    measuresByGrade,
    actions,
    addTerm: addDuration,
  };
}

export function gradeFor(rb: CompiledRulebook, points: number): Grade {
  const mins = rb.gradeMins;
  for (let i = 0; i < mins.length; i++) if (points >= (mins[i] as number)) return GRADES[i] as Grade;
  return 'D';
}
