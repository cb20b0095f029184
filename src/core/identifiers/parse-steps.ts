import { subjectId } from '../brand.js';
import type { SubjectKind } from '../subject.js';
import { regionName } from './regions.js';
import type { ParseResult } from './scheme.js';

// Steps shared by the schemes' parsers: canonical shape, failure, success.

export type ShapeResult = { readonly ok: true; readonly identifier: string } | { readonly ok: false; readonly error: string };

const show = (c: string): string =>
  /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(c) ? c : `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Canonical form of a fixed-length code: NFKC (full-width digits and letters become ASCII), trimmed,
 * upper case; then the length and, position by position (1-based), the allowed characters.
 */
export function normalizeShape(raw: string, length: number, allowedAt: (position: number) => string): ShapeResult {
  // Already canonical (the usual case): every character allowed where it stands, so nothing to change.
  if (raw.length === length && canonical(raw, allowedAt)) return { ok: true, identifier: raw };
  const chars = [...raw.normalize('NFKC').trim()];
  if (chars.length !== length) return { ok: false, error: `length ${chars.length}, expected ${length}` };
  let identifier = '';
  for (const [i, c] of chars.entries()) {
    const upper = c.toUpperCase();
    if (upper.length !== 1 || !allowedAt(i + 1).includes(upper)) {
      return { ok: false, error: `character ${show(c)} at position ${i + 1} is not allowed` };
    }
    identifier += upper;
  }
  return { ok: true, identifier };
}

/** Printable ASCII other than a-z is its own NFKC, trim and upper case: allowed there, it is the canonical form. */
function canonical(raw: string, allowedAt: (position: number) => string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code < 0x21 || code > 0x7e || (code >= 0x61 && code <= 0x7a) || !allowedAt(i + 1).includes(raw.charAt(i))) return false;
  }
  return true;
}

export const invalid = (error: string): ParseResult => ({ ok: false, code: 'invalid_identifier', error });

export function accept(scheme: string, identifier: string, kind: SubjectKind, region: string): ParseResult {
  const name = regionName(region);
  const named = name === undefined ? {} : { regionName: name };
  return { ok: true, value: { scheme, identifier, kind, region, ...named, subjectId: subjectId(`${scheme}:${identifier}`) } };
}
