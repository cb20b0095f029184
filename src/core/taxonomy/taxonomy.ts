import type { ErrorCode } from '../errors.js';
import type { SubjectKind } from '../subject.js';
import type { FurnisherKind, RecordType } from './model.js';
import { CATALOGUE } from './catalogue.js';
import { compileAttributesValidator, showValue, type AttributesValidator } from './attribute-validator.js';

/** Every record type of the closed taxonomy. */
export const recordTypes: readonly RecordType[] = CATALOGUE;

interface Entry {
  readonly type: RecordType;
  readonly validate: AttributesValidator;
}

const byCode: ReadonlyMap<string, Entry> = new Map(
  CATALOGUE.map((type) => [type.code, { type, validate: compileAttributesValidator(type) }]),
);

export function getRecordType(code: string): RecordType | undefined {
  return byCode.get(code)?.type;
}

/** A record as a furnisher submits it; `attributes` is untrusted input. */
export interface RecordInput {
  readonly type: string;
  readonly subjectKind: SubjectKind;
  readonly attributes: Readonly<Record<string, unknown>>;
  /** When given, the type must be one this kind of furnisher may submit. */
  readonly furnisherKind?: FurnisherKind | undefined;
}

export type RecordValidation =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: ErrorCode; readonly error: string };

const OK: RecordValidation = Object.freeze({ ok: true });

const fail = (code: ErrorCode, error: string): RecordValidation => ({ ok: false, code, error });

const ARTICLE: ReadonlyMap<string, string> = new Map([
  ['person', 'a person'],
  ['organization', 'an organization'],
  ['public_body', 'a public body'],
]);

/**
 * Checks a submitted record against the closed taxonomy: the type exists, applies to the subject's kind,
 * may be furnished by this kind of furnisher, and its attributes fit the schema exactly. Reports the first
 * problem. A valid record allocates nothing.
 */
export function validateRecordInput(input: RecordInput): RecordValidation {
  const entry = byCode.get(input.type);
  if (entry === undefined) return fail('unknown_record_type', `unknown record type ${showValue(input.type)}`);
  const { type } = entry;
  if (!type.subjects.includes(input.subjectKind)) {
    const who = ARTICLE.get(input.subjectKind) ?? `a subject of kind ${showValue(input.subjectKind)}`;
    return fail('subject_kind_not_allowed', `record type ${type.code} does not apply to ${who}`);
  }
  if (input.furnisherKind !== undefined && !type.furnishers.includes(input.furnisherKind)) {
    const by = input.furnisherKind.replaceAll('_', ' ');
    return fail('out_of_scope', `record type ${type.code} may not be furnished by a ${by}; it is furnished by: ${type.furnishers.join(', ')}`);
  }
  const problem = entry.validate(input.attributes);
  return problem === undefined ? OK : fail('invalid_attributes', problem);
}
