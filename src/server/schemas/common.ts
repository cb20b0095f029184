import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** Closed objects: a property the schema does not name is an error in a request and absent from a response. */
export const closed = { additionalProperties: false } as const;

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const IsoTime = Type.String({ format: 'date-time', description: 'ISO 8601 UTC time' });

export const SubjectRefInput = Type.Object({
  scheme: Type.String({ minLength: 1, maxLength: 20, description: 'Identifier scheme: cn-rid (resident ID) or cn-uscc (unified social credit code)', examples: ['cn-rid'] }),
  identifier: Type.String({ minLength: 1, maxLength: 40, examples: ['11010519491231002X'] }),
}, { ...closed, description: 'A subject, by identifier' });

export const AttributeValue = Type.Union([Type.String({ maxLength: 1000 }), Type.Number(), Type.Boolean()]);
export const Attributes = Type.Record(Type.String({ maxLength: 64 }), AttributeValue);

export const SubjectView = Type.Object({
  id: Type.String({ description: 'scheme:identifier' }),
  kind: Type.Union([Type.Literal('person'), Type.Literal('organization'), Type.Literal('public_body')]),
  scheme: Type.String(),
  identifier: Type.String(),
  region: Type.String({ description: '6-digit administrative division code' }),
  regionName: Type.Optional(Type.String()),
}, closed);

/** Bounded pages: `limit` at most the server's page limit (1000 by default). */
export const limitQuery = (max: number, fallback: number) =>
  Type.Optional(Type.Integer({ minimum: 1, maximum: max, default: fallback, description: `Page size, at most ${max}` }));

export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : iso(ms));

type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[]
  : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** What a handler returns for a response schema: domain values are readonly, and that is fine to send. */
export type View<T extends TSchema> = DeepReadonly<Static<T>>;
