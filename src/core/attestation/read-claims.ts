import { GRADES, type Grade } from '../rulebook/model.js';
import { MAX_ATTESTATION_DAYS, type AttestationClaims } from './attestation-claims.js';

const isObject = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isSeconds = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const BAND = /^-?\d+--?\d+$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;

/** The claims of a verified payload, or undefined when a claim is missing, mistyped or its lifetime impossible. */
export function readClaims(payload: unknown): AttestationClaims | undefined {
  if (!isObject(payload)) return undefined;
  const p = payload;
  if (!isText(p.iss) || !isText(p.sub) || !isText(p.jti) || !isText(p.rulebookVersion)) return undefined;
  if (!isSeconds(p.iat) || !isSeconds(p.exp) || p.exp <= p.iat || p.exp - p.iat > MAX_ATTESTATION_DAYS * 86_400) return undefined;
  if (p.aud !== undefined && !isText(p.aud)) return undefined;
  if (typeof p.asOf !== 'string' || !ISO.test(p.asOf)) return undefined;
  if (typeof p.grade !== 'string' || !(GRADES as readonly string[]).includes(p.grade)) return undefined;
  if (typeof p.pointsBand !== 'string' || !BAND.test(p.pointsBand) || typeof p.onBlackList !== 'boolean') return undefined;
  if (p.redLists !== undefined && !(Array.isArray(p.redLists) && p.redLists.every(isText))) return undefined;
  return {
    iss: p.iss, sub: p.sub, jti: p.jti, iat: p.iat, exp: p.exp, ...(p.aud === undefined ? {} : { aud: p.aud }),
    asOf: p.asOf, rulebookVersion: p.rulebookVersion, grade: p.grade as Grade, pointsBand: p.pointsBand, onBlackList: p.onBlackList,
    ...(p.redLists === undefined ? {} : { redLists: p.redLists as string[] }),
  };
}
