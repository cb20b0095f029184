import Fastify from 'fastify';
import { clientId } from '../../src/core/brand.js';
import { issueKey } from '../../src/server/clients/issue-key.js';
import { DEFAULT_LIMITS } from '../../src/server/limits.js';
import { startServer } from '../../src/server/main.js';

/**
 * A server process for the checks benchmark, so the load generator does not share its event loop:
 * `bare` serves a constant JSON at POST /v1/checks; `credence DB_URL` serves the registry on DB_URL
 * with a relying party whose key it prints (a third argument sets the standing cache's size). Prints one
 * JSON line {port, key?} when listening.
 */
const [mode, dbUrl, cacheEntries] = process.argv.slice(2);
const UNLIMITED = 1_000_000_000;

if (mode === 'bare') {
  const app = Fastify();
  const answer = { decisionId: 'dec_0', outcome: 'allow', benefits: [], reasons: [], rulebookVersion: '2026.1' };
  app.post('/v1/checks', () => answer);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
} else {
  const server = await startServer({
    dbUrl: dbUrl ?? '', port: 0, host: '127.0.0.1', logLevel: 'silent',
    limits: {
      ratePerWindow: { ...DEFAULT_LIMITS.ratePerWindow, relying_party: UNLIMITED },
      ...(cacheEntries === undefined ? {} : { standingCacheEntries: Number(cacheEntries) }),
    },
  });
  const deps = server.app.deps;
  await deps.ledger.sweep(deps.clock()); // persist any expiry since the database was built
  const id = `bench-airline-${Date.now()}`;
  await deps.ledger.registerClient({ id, role: 'relying_party', name: 'Bench airline', scope: { actions: ['aviation.ticket.purchase'], purposes: ['ticket-sale'] } }, deps.clock());
  const key = await issueKey(deps.service, clientId(id), deps.clock());
  process.stdout.write(`${JSON.stringify({ port: Number(new URL(server.url).port), key: key.key, clientId: id })}\n`);
  process.on('SIGTERM', () => {
    const { size, hits, misses } = deps.standings.cacheStats();
    process.stderr.write(`standing cache: ${hits.toLocaleString('en-US')} hits, ${misses.toLocaleString('en-US')} misses, ${size.toLocaleString('en-US')} subjects held\n`);
    void server.close().then(() => process.exit(0));
  });
}
