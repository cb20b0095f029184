import type { ErrorCode } from '../../core/errors.js';

/** A line's content: a record for `furnish`, or a fulfilment of an earlier record. */
export type LineContent =
  | { readonly kind: 'record'; readonly value: Readonly<Record<string, unknown>> }
  | { readonly kind: 'fulfil'; readonly furnisherRef: string; readonly fulfilledAt: string | undefined };

export type ParsedLine = { readonly ok: true; readonly content: LineContent } | { readonly ok: false; readonly code: ErrorCode; readonly reason: string };

const bad = (reason: string): ParsedLine => ({ ok: false, code: 'invalid_request', reason });

/** One NDJSON line to a record object (validated by the ledger) or a fulfilment (`"op":"fulfil"`). */
export function parseNdjsonLine(text: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return bad(`malformed JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('each line must be one JSON object (a record)');
  const obj = value as Readonly<Record<string, unknown>>;
  if (!('op' in obj)) return { ok: true, content: { kind: 'record', value: obj } };
  if (obj['op'] !== 'fulfil') return bad(`unknown op ${JSON.stringify(obj['op'])}: a line is a record (no op) or {"op":"fulfil",...}`);
  const extra = Object.keys(obj).filter((k) => k !== 'op' && k !== 'furnisherRef' && k !== 'fulfilledAt');
  if (extra.length > 0) return bad(`unknown field(s) ${extra.join(', ')} in a fulfilment; it has furnisherRef and fulfilledAt`);
  const ref = obj['furnisherRef'];
  const at = obj['fulfilledAt'];
  if (typeof ref !== 'string' || ref === '') return bad('a fulfilment needs the furnisherRef of the record it fulfils');
  if (at !== undefined && typeof at !== 'string') return bad('fulfilledAt must be an ISO 8601 date or date-time');
  return { ok: true, content: { kind: 'fulfil', furnisherRef: ref, fulfilledAt: at } };
}
