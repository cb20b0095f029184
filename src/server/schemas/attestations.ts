import { Type } from '@sinclair/typebox';
import { MAX_ATTESTATION_DAYS, MAX_AUDIENCE_LENGTH, MAX_TOKEN_LENGTH, VERIFY_FAILURES } from '../../core/attestation/index.js';
import { GRADES } from '../../core/rulebook/model.js';
import { closed, IsoTime, Nullable } from './common.js';

const Audience = Type.String({ minLength: 1, maxLength: MAX_AUDIENCE_LENGTH, description: 'Whom the attestation is for (a landlord, a site)', examples: ['Landlord Wang'] });

export const AttestationClaimsView = Type.Object({
  iss: Type.String({ description: 'The registry that signed it' }),
  sub: Type.String({ description: 'The subject id, scheme:identifier' }),
  jti: Type.String({ description: 'The attestation id' }),
  iat: Type.Integer({ description: 'Issued at, seconds since the epoch' }),
  exp: Type.Integer({ description: 'Expires at, seconds since the epoch' }),
  aud: Type.Optional(Type.String()),
  asOf: IsoTime,
  rulebookVersion: Type.String(),
  grade: Type.Union(GRADES.map((g) => Type.Literal(g))),
  pointsBand: Type.String({ description: 'The band of 50 points holding the points, e.g. 1000-1049', examples: ['1000-1049'] }),
  onBlackList: Type.Boolean(),
  redLists: Type.Optional(Type.Array(Type.String(), { description: 'Red (honour) lists, only when the subject chose to share them' })),
}, { ...closed, description: 'What an attestation states (the JWS payload)' });

export const IssueBody = Type.Object({
  expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ATTESTATION_DAYS, default: 7, description: `Lifetime in days, 1..${MAX_ATTESTATION_DAYS}` })),
  audience: Type.Optional(Audience),
  includeRedLists: Type.Optional(Type.Boolean({ default: false, description: 'Also state the red (honour) lists you are on' })),
}, closed);

export const IssuedView = Type.Object({
  id: Type.String(),
  token: Type.String({ description: 'The attestation: JWS compact serialization, EdDSA (Ed25519), typ credence-attestation+jwt' }),
  expiresAt: IsoTime,
  claims: AttestationClaimsView,
}, closed);

export const AttestationView = Type.Object({
  id: Type.String(),
  issuedAt: IsoTime,
  expiresAt: IsoTime,
  audience: Nullable(Type.String()),
  status: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')]),
  revokedAt: Nullable(IsoTime),
  claims: AttestationClaimsView,
}, closed);

export const AttestationListView = Type.Object({ attestations: Type.Array(AttestationView) }, closed);

export const AttestationIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, closed);
export const JtiParams = Type.Object({ jti: Type.String({ minLength: 1, maxLength: 100 }) }, closed);

export const VerifyBody = Type.Object({
  token: Type.String({ minLength: 1, maxLength: MAX_TOKEN_LENGTH }),
  audience: Type.Optional(Audience),
}, closed);

export const VerifyView = Type.Object({
  valid: Type.Boolean(),
  reason: Type.Optional(Type.Union([...VERIFY_FAILURES, 'revoked' as const].map((r) => Type.Literal(r)))),
  claims: Type.Optional(AttestationClaimsView),
  revoked: Type.Boolean(),
  revokedAt: Type.Optional(IsoTime),
}, closed);

export const StatusView = Type.Object({ revoked: Type.Boolean(), revokedAt: Type.Optional(IsoTime) }, closed);

export const JwksView = Type.Object({
  keys: Type.Array(Type.Object({
    kty: Type.Literal('OKP'), crv: Type.Literal('Ed25519'), x: Type.String(), kid: Type.String(), use: Type.Literal('sig'), alg: Type.Literal('EdDSA'),
  }, closed)),
}, { ...closed, description: 'JWKS (RFC 7517): every key that may have signed a live attestation' });
