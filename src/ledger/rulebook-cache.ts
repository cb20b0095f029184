import { CredenceError } from '../core/errors.js';
import { compileRulebook, type CompiledRulebook } from '../core/rulebook/compile-rulebook.js';
import { parseRulebook } from '../core/rulebook/parse-rulebook.js';
import type { ReadTx } from '../store/store.js';

/** The rulebooks a write must keep standings for: the one in force and, during a publish, the one being rated. */
export interface ActiveRulebooks {
  readonly current: CompiledRulebook;
  readonly staging: CompiledRulebook | null;
}

export interface RulebookCache {
  compiled(tx: ReadTx, version: string): Promise<CompiledRulebook>;
  active(tx: ReadTx): Promise<ActiveRulebooks>;
}

/** Parses and compiles a rulebook text, or throws `invalid_rulebook` listing every problem. */
export function compileRulebookText(yaml: string): CompiledRulebook {
  const parsed = parseRulebook(yaml);
  if (!parsed.ok) {
    const lines = parsed.issues.map((i) => `${i.line}:${i.column} ${i.path ? `${i.path}: ` : ''}${i.message}`);
    throw new CredenceError('invalid_rulebook', `the rulebook has ${lines.length} problem(s):\n${lines.join('\n')}`, { issues: parsed.issues });
  }
  return compileRulebook(parsed.rulebook);
}

/** Compiled rulebooks by version. A version's text never changes once staged, so entries never go stale. */
export function rulebookCache(): RulebookCache {
  const byVersion = new Map<string, CompiledRulebook>();
  const compiled = async (tx: ReadTx, version: string): Promise<CompiledRulebook> => {
    const hit = byVersion.get(version);
    if (hit) return hit;
    const row = await tx.rulebook(version);
    if (!row) throw new CredenceError('internal_error', `rulebook ${version} is referenced but not stored`);
    const rb = compileRulebookText(row.yaml);
    byVersion.set(version, rb);
    return rb;
  };
  return {
    compiled,
    active: async (tx) => {
      const head = await tx.head();
      if (head.currentRulebook === null) throw new CredenceError('internal_error', 'no rulebook has been published yet');
      return {
        current: await compiled(tx, head.currentRulebook),
        staging: head.stagingRulebook === null ? null : await compiled(tx, head.stagingRulebook),
      };
    },
  };
}
