import { Type, type Static } from '@sinclair/typebox';

/** RFC 9457 problem details, with the registry's stable `code` (docs/errors.md). */
export const Problem = Type.Object({
  type: Type.String({ description: 'A URI naming the error: urn:credence:error:<code>' }),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String({ description: 'What went wrong with this request, precisely enough to fix it' }),
  code: Type.String({ description: 'Stable snake_case code from the error catalog' }),
  instance: Type.Optional(Type.String({ description: 'The request this problem occurred in' })),
  errors: Type.Optional(Type.Array(Type.Object({
    path: Type.Optional(Type.String({ description: 'JSON pointer into the request part, e.g. body/subject/identifier' })),
    line: Type.Optional(Type.Integer()),
    column: Type.Optional(Type.Integer()),
    message: Type.String(),
  }, { additionalProperties: false }))),
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
}, { $id: 'Problem', additionalProperties: false, description: 'application/problem+json (RFC 9457)' });
export type Problem = Static<typeof Problem>;

const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: 'Problem#' } } } });

/** The error responses every route documents, by reference to the one Problem schema. */
export const PROBLEMS = {
  '4xx': problemResponse('The request was refused; `code` says why (docs/errors.md)'),
  '5xx': problemResponse('The server failed or is not ready'),
} as const;
