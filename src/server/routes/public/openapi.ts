import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';

/** The OpenAPI 3.1 document generated from the route schemas. */
export const openapiRoutes: FastifyPluginAsync = async (app) => {
  app.get('/openapi.json', {
    config: { access: 'public' },
    schema: { hide: true, response: { 200: Type.Object({}, { additionalProperties: true }) } },
  }, () => app.swagger());
};
