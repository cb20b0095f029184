import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CredenceError } from '../../../core/errors.js';
import type { LogService } from '../../../log/log-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The transparency log, when the process runs one (see attachLog). */
    transparencyLog?: LogService;
  }
}

/**
 * Gives a built app its transparency log (before it listens). Until the app options carry the log,
 * this is how the server's main and the tests hand it to the log routes.
 */
export function attachLog(app: FastifyInstance, log: LogService): void {
  app.decorate('transparencyLog', log);
}

/** The app's log, or 503 when this server runs without one. */
export function logOf(request: FastifyRequest): LogService {
  const log = request.server.transparencyLog;
  if (!log) throw new CredenceError('unavailable', 'this server does not run the transparency log');
  return log;
}
