import type { ActionDefinition } from './model.js';

/** Returns undefined when the context is valid, else a message that says exactly what to fix. */
export type ContextValidator = (context: Readonly<Record<string, unknown>>) => string | undefined;

/** Compiles an action's closed context schema: unknown fields, wrong types and missing fields are errors. */
export function compileContextValidator(action: ActionDefinition): ContextValidator {
  const fields = Object.entries(action.context);
  const known = new Map(fields.map(([name, f]) => [name, { ...f, set: f.values ? new Set(f.values) : undefined }]));
  const required = fields.filter(([, f]) => f.required).map(([name]) => name);
  return (context) => {
    for (const name in context) {
      const f = known.get(name);
      if (!f) return `action ${action.id} has no context field "${name}"${known.size ? ` (known: ${[...known.keys()].join(', ')})` : ''}`;
      const v = context[name];
      if (f.type === 'enum' && !(typeof v === 'string' && f.set?.has(v))) return `${name} must be one of ${f.values?.join(', ') ?? ''}, got ${JSON.stringify(v)}`;
      if (f.type === 'number' && !(typeof v === 'number' && Number.isFinite(v))) return `${name} must be a number, got ${JSON.stringify(v)}`;
      if (f.type === 'boolean' && typeof v !== 'boolean') return `${name} must be true or false, got ${JSON.stringify(v)}`;
    }
    for (const name of required) if (context[name] === undefined) return `action ${action.id} needs context field "${name}"`;
    return undefined;
  };
}
