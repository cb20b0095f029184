import type { Instant, SubjectId } from '../core/brand.js';
import type { ErrorCode } from '../core/errors.js';
import { parseSubjectIdentifier } from '../core/identifiers/index.js';
import type { Attributes } from '../core/record.js';
import type { Subject } from '../core/subject.js';
import { validateRecordInput, type FurnisherKind } from '../core/taxonomy/index.js';
import type { ClientRow } from '../store/rows.js';
import { parseInstant } from './parse-instant.js';

/** A furnished item that passed every check that does not need the database. */
export interface ValidItem {
  readonly furnisherRef: string;
  readonly subject: Subject;
  readonly type: string;
  readonly occurredAt: Instant;
  readonly attributes: Attributes;
  readonly legalBasis: string;
  readonly evidenceRef?: string;
  readonly consent?: boolean;
  /** The furnisher certifies the record although one of the same identity was removed after a dispute. */
  readonly certified?: boolean;
}

export type ItemCheck =
  | { readonly ok: true; readonly item: ValidItem }
  | { readonly ok: false; readonly furnisherRef: string | null; readonly code: ErrorCode; readonly reason: string };

const ITEM_KEYS = new Set(['furnisherRef', 'subject', 'type', 'occurredAt', 'attributes', 'legalBasis', 'evidenceRef', 'consent', 'certified']);
const SUBJECT_KEYS = new Set(['scheme', 'identifier']);
const MAX_REF = 128;
const MAX_TEXT = 1000;
const PRINTABLE = /^[\x21-\x7e]+$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= max;

/**
 * Checks one untrusted item against the closed item shape, the identifier scheme, the taxonomy and
 * the furnisher's scope. Reports the first problem, precisely enough to fix the input.
 */
export function validateItem(raw: unknown, furnisher: ClientRow, at: Instant): ItemCheck {
  const ref = isObject(raw) && typeof raw.furnisherRef === 'string' ? raw.furnisherRef : null;
  const reject = (code: ErrorCode, reason: string): ItemCheck => ({ ok: false, furnisherRef: ref, code, reason });
  if (!isObject(raw)) return reject('invalid_request', 'a record must be a JSON object');
  const unknown = Object.keys(raw).filter((k) => !ITEM_KEYS.has(k));
  if (unknown.length > 0) return reject('invalid_request', `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => JSON.stringify(k)).join(', ')}`);
  if (ref === null || ref.length > MAX_REF || !PRINTABLE.test(ref)) {
    return reject('invalid_request', `furnisherRef must be 1-${MAX_REF} printable ASCII characters without spaces`);
  }
  const s = raw.subject;
  if (!isObject(s) || typeof s.scheme !== 'string' || typeof s.identifier !== 'string' || Object.keys(s).some((k) => !SUBJECT_KEYS.has(k))) {
    return reject('invalid_request', 'subject must be an object with exactly the string fields scheme and identifier');
  }
  const id = parseSubjectIdentifier(s.scheme, s.identifier, { at });
  if (!id.ok) return reject(id.code, id.error);
  if (typeof raw.type !== 'string') return reject('unknown_record_type', 'type must be a record type code from the taxonomy');
  if (!isObject(raw.attributes)) return reject('invalid_attributes', 'attributes must be an object');
  const checked = validateRecordInput({
    type: raw.type, subjectKind: id.value.kind, attributes: raw.attributes, furnisherKind: (furnisher.furnisherKind ?? undefined) as FurnisherKind | undefined,
  });
  if (!checked.ok) return reject(checked.code, checked.error);
  if (!(furnisher.scope.recordTypes ?? []).includes(raw.type)) {
    return reject('out_of_scope', `furnisher ${furnisher.id} may not furnish records of type ${raw.type}`);
  }
  const occurredAt = typeof raw.occurredAt === 'string' ? parseInstant(raw.occurredAt) : undefined;
  if (occurredAt === undefined) return reject('invalid_request', 'occurredAt must be an ISO 8601 date (2024-03-01) or date-time with offset (2024-03-01T09:30:00+08:00)');
  if (occurredAt > at) return reject('invalid_request', `occurredAt ${String(raw.occurredAt)} is later than the time of submission`);
  if (!text(raw.legalBasis, MAX_TEXT)) return reject('invalid_request', `legalBasis must be a non-blank string of at most ${MAX_TEXT} characters`);
  if (raw.evidenceRef !== undefined && !text(raw.evidenceRef, MAX_TEXT)) {
    return reject('invalid_request', `evidenceRef, when given, must be a non-blank string of at most ${MAX_TEXT} characters`);
  }
  if (raw.consent !== undefined && typeof raw.consent !== 'boolean') return reject('invalid_request', 'consent, when given, must be true or false');
  if (raw.certified !== undefined && raw.certified !== true) return reject('invalid_request', 'certified, when given, must be true');
  const subject: Subject = { id: id.value.subjectId as SubjectId, kind: id.value.kind, scheme: id.value.scheme, identifier: id.value.identifier, region: id.value.region };
  return {
    ok: true,
    item: {
      furnisherRef: ref,
      subject,
      type: raw.type,
      occurredAt,
      attributes: raw.attributes as Attributes,
      legalBasis: raw.legalBasis,
      ...(raw.evidenceRef !== undefined ? { evidenceRef: raw.evidenceRef } : {}),
      ...(raw.consent !== undefined ? { consent: raw.consent } : {}),
      ...(raw.certified === true ? { certified: true } : {}),
    },
  };
}
