import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { CredenceError } from '../../../core/errors.js';
import type { StandingChange } from '../../changes/change-feed.js';
import { clientOf } from '../../plugins/access-control.js';
import { iso } from '../../schemas/common.js';
import type { ServerDeps } from '../../server-deps.js';
import { keyStillValid } from '../../streams/key-still-valid.js';
import { sseConnection } from '../../streams/sse-connection.js';
import { streamOutbox } from '../../streams/stream-outbox.js';
import { noticeView } from '../../views/dispute-case-view.js';
import { standingChangeView } from '../../views/standing-change-view.js';
import { routeSchema } from '../route-schema.js';

const RELYING_PARTY = ['relying_party'] as const;
const DAY = 86_400_000;
const LOOKUP_CHUNK = 1000;

/**
 * Server-sent events: each standing change, once committed, of a subject this relying party checked
 * within the window (so a defaulter who pays can fly again at once). Events are written in commit
 * order; a heartbeat comment keeps proxies from closing an idle stream. A stream ends, closed by the
 * server, when its key or client is revoked (at once through `deps.streams.closeFor`, or at the next
 * heartbeat's re-check for a revocation made elsewhere) and when its client falls too far behind.
 * While the client reads slower than events come, they are held back (stream-outbox.ts), the latest
 * change per subject only, and sent as it catches up: a burst (a large batch, an import) then costs a
 * slow reader the intermediate states, not its stream.
 */
export function streamRoutes(deps: ServerDeps): FastifyPluginAsync {
  const { settings } = deps.streams;
  let nextId = 1;
  return async (app) => {
    app.addHook('preClose', (done) => {
      deps.streams.closeAll();
      done();
    });

    app.get('/v1/stream', {
      config: { access: RELYING_PARTY },
      schema: routeSchema('relying party', RELYING_PARTY, {
        summary: 'Server-sent events: standing changes of subjects you checked recently',
        description: `text/event-stream. One \`standing\` event per change of a subject you checked within the last ${deps.limits.streamWindowDays} days: `
          + 'data is JSON {subjectId, at, rulebookVersion, points, grade, lists, previous}. A `rulebook` event {version, at} says a new '
          + 'rulebook version took effect (any standing may have changed: check again). A `notice` event is a correction notice, as GET /v1/notices '
          + 'gives it: a record one of your decisions rested on was corrected or removed. A `ready` event opens the stream. While you read slower '
          + 'than events come, they are held back in order and only the latest change of each subject is kept (its `previous` is the standing '
          + 'before the first). The server closes the stream when its key or client is revoked, and when more than '
          + `${settings.maxQueuedBytes} bytes of events wait unread: reconnect and check again.`,
        response: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: Type.String() } } } },
      }),
    }, (request, reply) => {
      const { client, keyId } = clientOf(request);
      if (deps.streams.count(client.id) >= deps.limits.streamsPerClient) {
        throw new CredenceError('rate_limited', `at most ${deps.limits.streamsPerClient} open streams per client`);
      }
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no',
      });
      const conn = sseConnection(raw, settings.maxQueuedBytes,
        (queued, reason) => request.log.warn({ clientId: client.id, queued, reason }, 'stream closed: its client is not reading'));
      conn.send(`event: ready\ndata: ${JSON.stringify({ clientId: client.id, windowDays: deps.limits.streamWindowDays })}\n\n`);
      const unregister = deps.streams.add({ clientId: client.id, keyId, end: conn.end });

      const outbox = streamOutbox(conn, settings, (c) => JSON.stringify(standingChangeView(c)), (event, json) => `id: ${nextId++}\nevent: ${event}\ndata: ${json}\n\n`);
      raw.on('drain', outbox.drained);

      let chain: Promise<void> = Promise.resolve();
      const deliver = async (changes: readonly StandingChange[]): Promise<void> => {
        const since = deps.clock() - deps.limits.streamWindowDays * DAY;
        for (let i = 0; i < changes.length && !conn.closed(); i += LOOKUP_CHUNK) {
          const chunk = changes.slice(i, i + LOOKUP_CHUNK);
          const checked = new Set(await deps.service.checkedBy(client.id, chunk.map((c) => c.subjectId), since));
          for (const c of chunk) {
            if (checked.has(c.subjectId) && !outbox.standing(c)) return;
          }
        }
      };
      const unsubscribe = deps.changes.subscribe((changes) => {
        chain = chain.then(() => deliver(changes)).catch((e: unknown) => request.log.error({ err: e }, 'stream delivery failed'));
      }, (version, at) => {
        chain = chain.then(() => {
          outbox.event('rulebook', JSON.stringify({ version, at: iso(at) }));
        });
      });
      const unsubscribeNotices = deps.notices.subscribe(client.id, (notice) => {
        chain = chain.then(() => {
          outbox.event('notice', JSON.stringify(noticeView(notice)));
        }).catch((e: unknown) => request.log.error({ err: e }, 'stream delivery failed'));
      });
      // The role check ran once, when the stream opened: each heartbeat asks again whether the key still admits the client.
      let checking = false;
      const heartbeat = setInterval(() => {
        if (!conn.send(': heartbeat\n\n') || checking) return;
        checking = true;
        keyStillValid(deps.store, deps.service, client.id, keyId).then((valid) => {
          if (!valid) conn.end();
        }, (e: unknown) => {
          request.log.error({ err: e }, 'stream closed: its key could not be checked again');
          conn.end();
        }).finally(() => { checking = false; });
      }, settings.heartbeatMs);
      heartbeat.unref();
      raw.on('close', () => {
        unsubscribe();
        unsubscribeNotices();
        clearInterval(heartbeat);
        unregister();
      });
    });
  };
}
