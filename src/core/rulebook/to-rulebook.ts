import type { RulebookDocument } from './schema.js';
import type { Conditions, Rulebook, ValueCondition } from './model.js';
import { parseDuration, type Duration } from '../duration.js';

/** Converts a checked document into the model. Only called after `checkRulebook` found no issue. */
export function toRulebook(doc: RulebookDocument): Rulebook {
  return {
    version: doc.version,
    title: doc.title,
    grading: { base: doc.grading.base, bands: doc.grading.bands.map((b) => ({ ...b })), source: doc.grading.source },
    rules: doc.rules.map((r) => ({
      id: r.id, type: r.type, points: r.points, term: duration(r.term), source: r.source,
      ...(r.when ? { when: conditions(r.when) } : {}),
      ...(r.per !== undefined ? { per: r.per } : {}),
      ...(r.fulfilledPoints !== undefined ? { fulfilledPoints: r.fulfilledPoints } : {}),
      ...(r.cap !== undefined ? { cap: r.cap } : {}),
      ...(r.suspendWhileDisputed !== undefined ? { suspendWhileDisputed: r.suspendWhileDisputed } : {}),
    })),
    lists: doc.lists.map((l) => ({
      id: l.id, kind: l.kind, name: l.name, subjects: l.subjects, exitOnFulfilment: l.exitOnFulfilment, source: l.source,
      entry: {
        ...(l.entry.types ? { types: l.entry.types } : {}),
        ...(l.entry.when ? { when: conditions(l.entry.when) } : {}),
        ...(l.entry.grades ? { grades: l.entry.grades } : {}),
      },
      ...(l.term ? { term: duration(l.term) } : {}),
      ...(l.extension ? { extension: { ...l.extension } } : {}),
      ...(l.publicity ? { publicity: { minimum: duration(l.publicity.minimum), maximum: duration(l.publicity.maximum) } } : {}),
    })),
    actions: doc.actions.map((a) => ({
      id: a.id, sector: a.sector, description: a.description,
      context: Object.fromEntries(Object.entries(a.context ?? {}).map(([k, f]) => [k, {
        type: f.type, required: f.required,
        ...(f.values ? { values: f.values } : {}),
        ...(f.description ? { description: f.description } : {}),
      }])),
    })),
    measures: doc.measures.map((m) => ({
      id: m.id, action: m.action, effect: m.effect, kind: m.kind, description: m.description, legalBasis: m.legalBasis, source: m.source,
      ...(m.benefit ? { benefit: m.benefit } : {}),
      when: {
        ...(m.when.list ? { list: m.when.list } : {}),
        ...(m.when.grades ? { grades: m.when.grades } : {}),
        ...(m.when.context ? { context: conditions(m.when.context) } : {}),
        ...(m.when.subjects ? { subjects: m.when.subjects } : {}),
      },
    })),
    disputes: {
      verifyWithinDays: doc.disputes.verifyWithinDays,
      workingDays: doc.disputes.workingDays,
      source: doc.disputes.source,
      ...(doc.disputes.perType ? { perType: doc.disputes.perType } : {}),
    },
  };
}

function duration(text: string): Duration {
  const d = parseDuration(text);
  if (!d) throw new Error(`unchecked duration ${text}`);
  return d;
}

function conditions(when: Readonly<Record<string, ValueCondition>>): Conditions {
  return Object.fromEntries(Object.entries(when).map(([k, c]) => [k, { ...c }]));
}
