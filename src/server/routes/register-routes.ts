import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../server-deps.js';
import { attestationRoutes } from './attestations/index.js';
import { auditRoutes } from './auditor/audit.js';
import { dueProcessRoutes } from './disputes/index.js';
import { furnisherRecordRoutes } from './furnisher/records.js';
import { submissionRoutes } from './furnisher/submissions.js';
import { clientRoutes } from './operator/clients.js';
import { rulebookDraftRoutes } from './operator/rulebook-drafts.js';
import { operatorSubjectRoutes } from './operator/subjects.js';
import { logRoutes } from './log/index.js';
import { oversightRoutes } from './oversight/index.js';
import { healthRoutes } from './public/health.js';
import { openapiRoutes } from './public/openapi.js';
import { organizationRoutes } from './public/organizations.js';
import { publicRulebookRoutes } from './public/rulebooks.js';
import { checkRoutes } from './relying-party/checks.js';
import { streamRoutes } from './relying-party/stream.js';
import { webhookRoutes } from './relying-party/webhooks.js';
import { meRoutes } from './subject/me.js';
import { sessionRoutes } from './subject/session.js';

/** Every route of the API, one plugin per resource, grouped by the role that uses it. */
export async function registerRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  await app.register(healthRoutes(deps));
  await app.register(openapiRoutes);
  await app.register(publicRulebookRoutes(deps));
  await app.register(organizationRoutes(deps));
  await app.register(furnisherRecordRoutes(deps));
  await app.register(submissionRoutes(deps));
  await app.register(checkRoutes(deps));
  await app.register(streamRoutes(deps));
  await app.register(webhookRoutes(deps));
  await app.register(sessionRoutes(deps));
  await app.register(meRoutes(deps));
  await app.register(clientRoutes(deps));
  await app.register(operatorSubjectRoutes(deps));
  await app.register(rulebookDraftRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(logRoutes(deps));
  await app.register(attestationRoutes(deps));
  await app.register(oversightRoutes(deps));
  await dueProcessRoutes(app, deps);
}
