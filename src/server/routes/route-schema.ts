import type { FastifySchema } from 'fastify';
import type { Access } from '../auth/principal.js';
import { PROBLEMS } from '../schemas/problem.js';

type Tag = 'public' | 'furnisher' | 'relying party' | 'subject' | 'operator' | 'auditor';

/** A route's schema with its tag, the security its access implies, and the shared problem responses. */
export function routeSchema(tag: Tag, access: Access, schema: FastifySchema & { response: Record<string | number, unknown> }): FastifySchema {
  const security = access === 'public' ? []
    : access.includes('subject') && access.length === 1 ? [{ sessionToken: [] }, { sessionCookie: [] }]
      : access.includes('subject') ? [{ apiKey: [] }, { sessionToken: [] }, { sessionCookie: [] }]
        : [{ apiKey: [] }];
  return {
    tags: [tag],
    security,
    ...schema,
    response: { ...schema.response, ...PROBLEMS },
    ...(access === 'public' ? {} : { description: `${schema.description ?? ''}${schema.description ? '\n\n' : ''}Roles: ${access.join(', ')}.` }),
  } as FastifySchema;
}
