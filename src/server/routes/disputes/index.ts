import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../server-deps.js';
import { furnisherDisputeRoutes } from './furnisher-disputes.js';
import { operatorDueProcessRoutes } from './operator-due-process.js';
import { noticeRoutes } from './relying-party-notices.js';
import { subjectDueProcessRoutes } from './subject-due-process.js';

/** Due process: disputes, appeals, restoration, statements and correction notices, for each role (docs/disputes.md). */
export async function dueProcessRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  await app.register(subjectDueProcessRoutes(deps));
  await app.register(furnisherDisputeRoutes(deps));
  await app.register(operatorDueProcessRoutes(deps));
  await app.register(noticeRoutes(deps));
}
