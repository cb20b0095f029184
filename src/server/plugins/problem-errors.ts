import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CATALOG, isCredenceError, type CredenceError, type ErrorCode } from '../../core/errors.js';
import type { Problem } from '../schemas/problem.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

type ProblemError = NonNullable<Problem['errors']>[number];

/** Builds the problem body for a code; the title always comes from the catalog. */
export function problem(code: ErrorCode, detail: string, request: FastifyRequest, extra: Partial<Problem> = {}): Problem {
  const { status, title } = ERROR_CATALOG[code];
  return { type: `urn:credence:error:${code}`, title, status, detail, code, instance: `urn:credence:request:${request.id}`, ...extra };
}

const BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'invalid_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 413: 'payload_too_large', 415: 'unsupported_media_type',
  429: 'rate_limited', 503: 'unavailable',
};

function validationErrors(error: FastifyError): ProblemError[] {
  const part = error.validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const extra = v.params as Record<string, unknown> | undefined;
    const named = typeof extra?.additionalProperty === 'string' ? `: ${extra.additionalProperty}`
      : Array.isArray(extra?.allowedValues) ? ` (${extra.allowedValues.join(', ')})` : '';
    return { path: `${part}${v.instancePath}`, message: `${v.message ?? 'is not valid'}${named}` };
  });
}

function fromCredence(error: CredenceError, request: FastifyRequest): Problem {
  const details = error.details ?? {};
  const { issues, ...rest } = details as { issues?: unknown };
  const errors = Array.isArray(issues)
    ? issues.map((i: { line?: number; column?: number; path?: string; message?: string }): ProblemError => ({
      ...(typeof i.path === 'string' && i.path !== '' ? { path: i.path } : {}),
      ...(typeof i.line === 'number' ? { line: i.line } : {}),
      ...(typeof i.column === 'number' ? { column: i.column } : {}),
      message: String(i.message ?? 'invalid'),
    }))
    : undefined;
  return problem(error.code, error.message, request, {
    ...(errors ? { errors } : {}),
    ...(Object.keys(rest).length > 0 ? { details: rest } : {}),
  });
}

/** Maps any error to problem+json. 5xx details stay in the log, never in the answer. */
export function toProblem(error: unknown, request: FastifyRequest): Problem {
  if (isCredenceError(error)) return fromCredence(error, request);
  const e = error as Partial<FastifyError>;
  if (e.validation) return problem('invalid_request', `the ${e.validationContext ?? 'request'} does not match the schema`, request, { errors: validationErrors(e as FastifyError) });
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  const code = BY_STATUS[status] ?? (status >= 400 && status < 500 ? 'invalid_request' : 'internal_error');
  if (code === 'internal_error') return problem(code, 'the server failed to handle the request; it was logged', request);
  return problem(code, e.message ?? ERROR_CATALOG[code].title, request);
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

/** One error handler and one not-found handler for the whole app: every error is problem+json. */
export function installProblemErrors(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const body = toProblem(error, request);
    if (body.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, body);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem('not_found', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`, request)));
}
