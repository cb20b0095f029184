import { Type, type Static } from '@sinclair/typebox';
import { FURNISHER_KINDS } from '../../core/taxonomy/index.js';
import { closed, IsoTime, Nullable } from './common.js';

const Role = Type.Union([Type.Literal('furnisher'), Type.Literal('relying_party'), Type.Literal('auditor'), Type.Literal('operator')]);
const Code = Type.String({ minLength: 1, maxLength: 100 });

export const ScopeSchema = Type.Object({
  recordTypes: Type.Optional(Type.Array(Code, { maxItems: 200, uniqueItems: true, description: 'Furnishers: the record types it may submit' })),
  actions: Type.Optional(Type.Array(Code, { maxItems: 200, uniqueItems: true, description: 'Relying parties: the actions it may ask about' })),
  purposes: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,79}$' }), {
    maxItems: 50, uniqueItems: true, description: 'Relying parties: the purposes it may ask for (e.g. ticket-sale)',
  })),
}, closed);

export const KeyView = Type.Object({
  id: Type.String(),
  prefix: Type.String({ description: 'The first characters of the key, to recognize it' }),
  createdAt: IsoTime,
  revokedAt: Nullable(IsoTime),
  lastUsedAt: Nullable(IsoTime),
  controlledBy: Nullable(Type.String({ description: 'The client whose key issued this one over the API (it holds it too); null when issued on the host' })),
}, closed);

export const ClientView = Type.Object({
  id: Type.String(),
  role: Role,
  name: Type.String(),
  furnisherKind: Nullable(Type.String()),
  scope: ScopeSchema,
  status: Type.Union([Type.Literal('active'), Type.Literal('revoked')]),
  registeredAt: IsoTime,
  revokedAt: Nullable(IsoTime),
  keys: Type.Array(KeyView),
}, closed);

export const CreateClientBody = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9][a-z0-9_.-]{0,63}$', description: 'Your choice of id, e.g. airline-ca' }),
  role: Role,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  furnisherKind: Type.Optional(Type.Union(FURNISHER_KINDS.map((k) => Type.Literal(k)), { description: 'Required for furnishers' })),
  scope: Type.Optional(ScopeSchema),
}, closed);
export type CreateClientBody = Static<typeof CreateClientBody>;

export const NewKeyView = Type.Object({
  id: Type.String(),
  key: Type.String({ description: 'The API key: shown this once, stored only as a hash' }),
  prefix: Type.String(),
}, closed);

export const CreatedClientView = Type.Object({ client: ClientView, apiKey: NewKeyView }, closed);

export const ClientParams = Type.Object({ id: Type.String({ pattern: '^[a-z0-9][a-z0-9_.-]{0,63}$' }) }, closed);
export type ClientParams = Static<typeof ClientParams>;

export const RevocationBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, closed);
export type RevocationBody = Static<typeof RevocationBody>;
