import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Instant } from '../core/brand.js';
import { openLedger, type AppendHook } from '../ledger/index.js';
import { rulebookCache } from '../ledger/rulebook-cache.js';
import type { ServiceStore } from '../store/service-store.js';
import type { Store } from '../store/store.js';
import { authenticator } from './auth/authenticator.js';
import { changeFeed } from './changes/change-feed.js';
import { foreignChangeRelay } from './changes/foreign-change-relay.js';
import { localWrites } from './changes/local-writes.js';
import { notifyingStore } from './changes/notifying-store.js';
import { cacheInvalidatingStore } from './checks/cache-invalidating-store.js';
import { standingCache } from './checks/standing-cache.js';
import { standingReader, type CurrentStanding } from './checks/standing-reader.js';
import { noticeDelivery, type NoticeDelivery } from './due-process/notice-delivery.js';
import { noticeTriggeringStore } from './due-process/notice-trigger.js';
import { inquiryQueue } from './inquiries/inquiry-queue.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { installAccessControl, type RouteEntry } from './plugins/access-control.js';
import { installFailedAuthLimit, installRateLimits } from './plugins/rate-limits.js';
import { installProblemErrors } from './plugins/problem-errors.js';
import { startSweeper } from './sweeper.js';
import { openapiDocument } from './plugins/openapi-document.js';
import { typeboxValidator } from './plugins/typebox-validator.js';
import { registerRoutes } from './routes/register-routes.js';
import { streamRegistry, type StreamSettings } from './streams/stream-registry.js';
import { webApp } from './plugins/web.js';
import { startWebhooks } from './webhooks/start-webhooks.js';
import { Problem } from './schemas/problem.js';
import type { ServerDeps } from './server-deps.js';

export interface AppOptions {
  /** The ledger's store; the app wraps it to see standing changes, and never closes it. */
  readonly store: Store;
  /** The service tables (keys, sessions, inquiries, ...); never closed by the app. */
  readonly service: ServiceStore;
  readonly clock?: () => Instant;
  readonly logger?: FastifyServerOptions['logger'];
  readonly limits?: Partial<Limits>;
  /** Runs in every transaction that appends ledger events (the transparency log). */
  readonly onAppend?: AppendHook;
  /** How often time-driven changes (expiries) are persisted and announced; null: never (tests). */
  readonly sweepEveryMs?: number | null;
  /**
   * How often the ledger is looked at for standing changes other processes committed (an import beside
   * the server, another server on the same database), to announce them too; default 1 s, null: never.
   */
  readonly foreignChangesEveryMs?: number | null;
  /** Event streams' heartbeat (and key re-check) period and unsent-bytes bound; defaults: 15 s, 1 MiB. */
  readonly streams?: Partial<StreamSettings>;
  /**
   * Behind a reverse proxy that terminates TLS: the client's address and protocol are taken from
   * X-Forwarded-For and X-Forwarded-Proto (rate limits per address, Secure session cookies). Off by
   * default, since without such a proxy anyone could set those headers.
   */
  readonly trustProxy?: boolean;
  /** How often webhook deliveries are queued from the ledger and the due ones sent; default 1 s, null: never. */
  readonly webhooksEveryMs?: number | null;
  /**
   * Webhooks may only reach https endpoints at public addresses (default). Off (`--webhooks-private`),
   * plain http and private or loopback addresses are allowed too: for tests and closed networks.
   */
  readonly webhooksPublicOnly?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with the roles that may call it, for the authorization tests and docs. */
    readonly routeTable: readonly RouteEntry[];
    readonly deps: ServerDeps;
  }
}

/**
 * Builds the registry's HTTP API. Never listens: `main.ts` (or a test with `inject`) does. Closing
 * the app ends the streams, commits every queued inquiry and the key-use log; the stores stay open.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const clock = options.clock ?? (() => Date.now());
  const changes = changeFeed();
  // Corrections and removals are followed, once committed, by their correction notices.
  const notices: { current?: NoticeDelivery } = {}; // set once the ledger it delivers through is open
  // Standings of recently checked subjects: every write of this app drops the subjects it touched before
  // its changes are announced; a write by anyone else empties it (see standing-cache.ts).
  const standingsCache = standingCache<CurrentStanding>(limits.standingCacheEntries);
  // What this process wrote itself, for the relay of other processes' changes (none kept when it does not run).
  const local = options.foreignChangesEveryMs === null ? undefined : localWrites();
  const store = noticeTriggeringStore(notifyingStore(cacheInvalidatingStore(options.store, standingsCache), changes, clock, local), () => notices.current?.deliver() ?? Promise.resolve(0),
    (e) => app.log.error({ err: e }, 'correction notices failed; they are retried'));
  const ledger = await openLedger(store, { at: clock(), ...(options.onAppend ? { onAppend: options.onAppend } : {}) });
  const auth = authenticator(store, options.service, clock);
  const inquiries = inquiryQueue((rows) => options.service.appendInquiries(rows), {
    maxBatch: limits.inquiryBatch, maxDelayMs: limits.inquiryDelayMs, maxInFlight: limits.inquiryInFlight,
  });
  const deps: ServerDeps = {
    ledger,
    store,
    service: options.service,
    standings: standingReader(store, rulebookCache(), standingsCache),
    inquiries,
    changes,
    auth,
    clock,
    limits,
    notices: noticeDelivery(ledger, options.service, inquiries, clock),
    streams: streamRegistry(options.streams),
    webhooksPublicOnly: options.webhooksPublicOnly ?? true,
  };
  notices.current = deps.notices;

  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: limits.bodyLimit,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  app.setValidatorCompiler(typeboxValidator);
  // JSON everywhere (YAML only where the rulebook drafts take it): any other body type is a 415.
  app.removeContentTypeParser('text/plain');
  installProblemErrors(app);
  installFailedAuthLimit(app, limits);
  const routes = installAccessControl(app, auth);
  app.decorate('routeTable', routes);
  app.decorate('deps', deps);
  app.addSchema(Problem);

  installRateLimits(app, limits);
  await app.register(swagger, {
    openapi: openapiDocument,
    // Shared schemas keep their $id as their name in components/schemas (Problem, not def-0).
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await registerRoutes(app, deps);
  await app.register(webApp());

  const usageTimer = setInterval(() => void auth.flushUsage().catch((e: unknown) => app.log.error({ err: e }, 'key use log failed')), 5_000);
  usageTimer.unref();
  // Persists (and so announces) expiries and list terms that ended; reads are correct meanwhile, just slower.
  const sweeper = options.sweepEveryMs === null ? null
    : startSweeper(() => ledger.sweep(clock()), options.sweepEveryMs ?? 60_000, (e) => app.log.error({ err: e }, 'sweep failed'));
  // Retries correction notices a failure left queued.
  const noticeRetry = options.sweepEveryMs === null ? null
    : startSweeper(() => deps.notices.deliver(), options.sweepEveryMs ?? 60_000, (e) => app.log.error({ err: e }, 'correction notices failed'));
  const relay = local === undefined ? null
    : foreignChangeRelay(store, changes, local, () => deps.standings.rulebook(), clock, { everyMs: options.foreignChangesEveryMs ?? 1_000 },
      (e) => app.log.error({ err: e }, 'relaying other processes\' standing changes failed; retried'));
  const webhooks = options.webhooksEveryMs === null ? null
    : startWebhooks(deps, options.webhooksEveryMs ?? 1_000, (e, what) => app.log.error({ err: e }, `webhooks: ${what} failed; retried`));
  app.addHook('onClose', async () => {
    clearInterval(usageTimer);
    await webhooks?.stop();
    await relay?.stop();
    await sweeper?.stop();
    await noticeRetry?.stop();
    await deps.inquiries.drain();
    await auth.flushUsage();
  });
  return app;
}
