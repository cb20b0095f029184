export type { GenerateOptions, IdentifierScheme, ParsedIdentifier, ParseOptions, ParseResult } from './scheme.js';
export {
  getScheme,
  identifierSchemes,
  parseSubjectId,
  parseSubjectIdentifier,
  parseSubjectIdentifierOrThrow,
} from './registry.js';
export { cnRid, generateRid, parseRid, ridCheckCharacter, type GenerateRidOptions } from './cn-rid.js';
export { cnUscc, generateUscc, parseUscc, usccCheckCharacter, type GenerateUsccOptions } from './cn-uscc.js';
export { isKnownDivision, knownCountyCodes, regionName } from './regions.js';
export { DIVISIONS_SOURCE } from './regions-data.js';
