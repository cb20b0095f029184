import type { CheckContext } from '../core/decision/model.js';
import type { ActionDefinition } from '../core/rulebook/model.js';
import { UserError } from './user-error.js';

/** Collects repeated `--context key=value` flags. */
export const collectPair = (value: string, previous: readonly string[]): readonly string[] => [...previous, value];

/**
 * `key=value` pairs to a check context, typed by the action's context fields (numbers and booleans
 * converted); the decision engine then validates values and required fields.
 */
export function parseContext(pairs: readonly string[], action: ActionDefinition | undefined): CheckContext {
  const context: Record<string, string | number | boolean> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UserError(`--context ${pair}: write it as key=value, e.g. --context trainType=G`);
    const key = pair.slice(0, eq);
    const text = pair.slice(eq + 1);
    const field = action?.context[key];
    if (field?.type === 'number') {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) throw new UserError(`--context ${key} must be a number, got ${text}`);
      context[key] = n;
    } else if (field?.type === 'boolean') {
      if (text !== 'true' && text !== 'false') throw new UserError(`--context ${key} must be true or false, got ${text}`);
      context[key] = text === 'true';
    } else context[key] = text;
  }
  return context;
}
