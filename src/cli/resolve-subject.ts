import { identifierSchemes, parseSubjectIdentifier, type ParsedIdentifier } from '../core/identifiers/index.js';
import { UserError } from './user-error.js';

/**
 * A subject named on the command line: `scheme:identifier`, or a bare identifier when exactly one scheme
 * accepts it. The error says what is wrong under each scheme.
 */
export function resolveSubject(text: string): ParsedIdentifier {
  const colon = text.indexOf(':');
  if (colon > 0) {
    const parsed = parseSubjectIdentifier(text.slice(0, colon), text.slice(colon + 1));
    if (!parsed.ok) throw new UserError(`${text}: ${parsed.error}`);
    return parsed.value;
  }
  const results = [...identifierSchemes.keys()].map((scheme) => ({ scheme, result: parseSubjectIdentifier(scheme, text) }));
  const valid = results.flatMap((r) => (r.result.ok ? [r.result.value] : []));
  const [only] = valid;
  if (valid.length === 1 && only !== undefined) return only;
  if (valid.length > 1) {
    throw new UserError(`${text} is valid under several schemes (${valid.map((v) => v.scheme).join(', ')}); write it as scheme:identifier`);
  }
  const why = results.map((r) => `as ${r.scheme}: ${r.result.ok ? 'valid' : r.result.error}`).join('; ');
  throw new UserError(`${text} is not a valid identifier (${why})`);
}
