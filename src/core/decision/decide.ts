import type { RecordId } from '../brand.js';
import { CredenceError } from '../errors.js';
import type { CompiledAction, CompiledMeasure, CompiledRulebook } from '../rulebook/compile-rulebook.js';
import type { Standing } from '../standing/model.js';
import type { CheckContext, Decision, DecisionReason } from './model.js';

const NONE: readonly never[] = Object.freeze([]);

/**
 * decide(standing, rulebook, action, context): deny when any discipline measure of the action is
 * triggered by the subject's lists or grade (and its context conditions hold); otherwise allow, with
 * the benefits of the incentive measures triggered. An unknown action or context is an error.
 */
export function decide(standing: Standing, rb: CompiledRulebook, action: string, context: CheckContext): Decision {
  const compiled = rb.actions.get(action);
  if (!compiled) throw new CredenceError('unknown_action', `unknown action "${action}"; the rulebook ${rb.version} knows ${[...rb.actions.keys()].join(', ')}`);
  const problem = compiled.validateContext(context);
  if (problem !== undefined) throw new CredenceError('invalid_context', problem);
  if (standing.rulebookVersion !== rb.version) {
    throw new CredenceError('invalid_request', `standing was computed under rulebook ${standing.rulebookVersion}, not ${rb.version}`);
  }
  let denials: DecisionReason[] | undefined;
  let incentives: DecisionReason[] | undefined;
  let benefits: string[] | undefined;
  const candidates = standing.lists.length === 0 ? compiled.unlistedMeasures : compiled.measures;
  for (let i = 0; i < candidates.length; i++) {
    const cm = candidates[i] as CompiledMeasure;
    const reason = triggered(cm, standing, rb, context);
    if (!reason) continue;
    if (cm.measure.effect === 'deny') (denials ??= []).push(reason);
    else {
      (incentives ??= []).push(reason);
      (benefits ??= []).push(cm.measure.benefit ?? cm.measure.id);
    }
  }
  if (denials) return { outcome: 'deny', benefits: NONE, reasons: denials, action, rulebookVersion: rb.version };
  if (!incentives || !benefits) return allowed(compiled, rb);
  return { outcome: 'allow', benefits: [...new Set(benefits)], reasons: incentives, action, rulebookVersion: rb.version };
}

const allowCache = new WeakMap<CompiledAction, Decision>();
/** The plain allow decision is the same object for every clean subject: no allocation on the hot path. */
function allowed(action: CompiledAction, rb: CompiledRulebook): Decision {
  let d = allowCache.get(action);
  if (!d) {
    d = Object.freeze({ outcome: 'allow', benefits: NONE, reasons: NONE, action: action.def.id, rulebookVersion: rb.version });
    allowCache.set(action, d);
  }
  return d;
}

function triggered(cm: CompiledMeasure, standing: Standing, rb: CompiledRulebook, context: CheckContext): DecisionReason | undefined {
  if (cm.subjects && !cm.subjects.has(standing.subjectKind)) return undefined;
  if (cm.grades && !cm.grades.has(standing.grade)) return undefined;
  let recordIds: readonly RecordId[] = NONE;
  let listId: string | undefined;
  if (cm.listIndex >= 0) {
    listId = rb.lists[cm.listIndex]?.def.id;
    const lists = standing.lists;
    let found = false;
    for (let i = 0; i < lists.length; i++) {
      const l = lists[i] as Standing['lists'][number];
      if (l.listId === listId) { recordIds = l.recordIds; found = true; break; }
    }
    if (!found) return undefined;
  }
  if (cm.context && !cm.context(context)) return undefined;
  const m = cm.measure;
  return {
    measureId: m.id,
    effect: m.effect,
    description: m.description,
    ...(listId !== undefined ? { listId } : {}),
    ...(cm.grades ? { grade: standing.grade } : {}),
    recordIds,
    legalBasis: m.legalBasis,
  };
}
