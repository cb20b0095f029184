import { CredenceError } from '../errors.js';
import { cnRid } from './cn-rid.js';
import { cnUscc } from './cn-uscc.js';
import type { IdentifierScheme, ParsedIdentifier, ParseOptions, ParseResult } from './scheme.js';

/** Every identifier scheme the registry accepts, by id. A new scheme is one file plus one entry here. */
export const identifierSchemes: ReadonlyMap<string, IdentifierScheme> = new Map(
  [cnRid, cnUscc].map((scheme) => [scheme.id, scheme]),
);

export function getScheme(id: string): IdentifierScheme | undefined {
  return identifierSchemes.get(id);
}

/** Parses `raw` under the named scheme; never throws. */
export function parseSubjectIdentifier(scheme: string, raw: string, opts: ParseOptions = {}): ParseResult {
  const found = identifierSchemes.get(scheme);
  if (found === undefined) {
    const known = [...identifierSchemes.keys()].join(', ');
    return { ok: false, code: 'unknown_identifier_scheme', error: `identifier scheme ${JSON.stringify(scheme)} is not known (known: ${known})` };
  }
  return found.parse(raw, opts);
}

/** Parses a subject id `scheme:identifier` (the identifier may be in any accepted form). */
export function parseSubjectId(id: string, opts: ParseOptions = {}): ParseResult {
  const colon = id.indexOf(':');
  if (colon < 0) return { ok: false, code: 'invalid_identifier', error: 'subject id must be scheme:identifier' };
  return parseSubjectIdentifier(id.slice(0, colon), id.slice(colon + 1), opts);
}

/** As `parseSubjectIdentifier`, throwing `CredenceError` (`invalid_identifier`, `unknown_identifier_scheme`). */
export function parseSubjectIdentifierOrThrow(scheme: string, raw: string, opts: ParseOptions = {}): ParsedIdentifier {
  const result = parseSubjectIdentifier(scheme, raw, opts);
  if (!result.ok) throw new CredenceError(result.code, result.error);
  return result.value;
}
