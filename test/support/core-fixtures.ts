import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { recordId, subjectId, type Instant, type SubjectId } from '../../src/core/brand.js';
import type { Attributes, RecordState } from '../../src/core/record.js';
import { parseRulebook } from '../../src/core/rulebook/parse-rulebook.js';
import { compileRulebook, type CompiledRulebook } from '../../src/core/rulebook/compile-rulebook.js';
import type { Rulebook } from '../../src/core/rulebook/model.js';
import { exampleAttributes } from '../../src/core/taxonomy/index.js';

/** Test helpers for the core's unit tests: they read the published rulebook file. */
export const DEFAULT_RULEBOOK_PATH = fileURLToPath(new URL('../../rulebooks/default.yaml', import.meta.url));

export function loadDefaultRulebook(): Rulebook {
  const parsed = parseRulebook(readFileSync(DEFAULT_RULEBOOK_PATH, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join('\n'));
  return parsed.rulebook;
}

let compiled: CompiledRulebook | undefined;
export function defaultCompiled(): CompiledRulebook {
  compiled ??= compileRulebook(loadDefaultRulebook());
  return compiled;
}

export const day = 86_400_000;
export const T0: Instant = Date.UTC(2025, 0, 15, 9, 0, 0);
export const PERSON: SubjectId = subjectId('cn-rid:11010519491231002X');
export const OTHER_PERSON: SubjectId = subjectId('cn-rid:440524188001010014');
export const ORG: SubjectId = subjectId('cn-uscc:91350100M000100Y43');

let counter = 0;
/** A furnished record with the taxonomy's example attributes, overridable field by field. */
export function rec(type: string, over: Partial<Omit<RecordState, 'attributes'>> & { attributes?: Attributes } = {}): RecordState {
  counter += 1;
  const id = over.id ?? recordId(`rec_${String(counter).padStart(6, '0')}`);
  return {
    id,
    subjectId: PERSON,
    type,
    occurredAt: T0,
    legalBasis: 'test',
    furnisherId: 'fur_test',
    furnisherRef: `ref-${id}`,
    status: 'active',
    ...over,
    attributes: { ...exampleAttributes(type), ...over.attributes },
  };
}
