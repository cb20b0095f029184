import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, fsyncSync, openSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { clientId } from '../src/core/brand.js';
import { NODE_FLAGS } from '../src/cli/node-flags.js';
import { openServiceStore } from '../src/store/open-service-store.js';
import { figure, type Figure } from './harness.js';
import { benchIdentifier } from './support/bench-population.js';
import { buildBenchDb, catchUpBenchLog } from './support/build-bench-db.js';

const CONNECTIONS = 64;
const ROUNDS = 3;
const results = fileURLToPath(new URL('./results/', import.meta.url));

/** A cache key for the built database: the schema it was built under. */
function schemaFingerprint(): string {
  const h = createHash('sha256');
  for (const f of ['../src/store/migrations/001-ledger.ts', '../src/store/migrations/service-001-access.ts']) h.update(readFileSync(new URL(f, import.meta.url)));
  return h.digest('hex').slice(0, 10);
}

interface Spawned { readonly child: ChildProcess; readonly port: number; readonly key?: string; readonly clientId?: string }

/** A server process, started with the Node flags `credence serve` runs with (both ours and the bare route's). */
async function spawnServer(args: readonly string[]): Promise<Spawned> {
  const child = spawn(process.execPath, [...NODE_FLAGS, '--import', 'tsx', fileURLToPath(new URL('./support/checks-server.ts', import.meta.url)), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const [line] = (await once(lines, 'line')) as [string];
  lines.close();
  return { child, ...(JSON.parse(line) as { port: number; key?: string; clientId?: string }) };
}

async function stop(s: Spawned): Promise<void> {
  const exited = once(s.child, 'exit');
  s.child.kill('SIGTERM');
  await exited;
}

interface Load { readonly rps: number; readonly p50: number; readonly p99: number; readonly ok: number; readonly failed: number }

/** Sends the bodies in a fixed order that visits each once in every `bodies.length` requests. */
async function load(port: number, key: string | undefined, bodies: readonly string[], length: { readonly seconds: number } | { readonly amount: number }): Promise<Load> {
  let i = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    ...('amount' in length ? { amount: length.amount } : { duration: length.seconds }),
    requests: [{
      method: 'POST',
      path: '/v1/checks',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      setupRequest: (req) => ({ ...req, body: bodies[(i++ * 7919) % bodies.length] ?? '' }),
    }],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, ok: result['2xx'], failed: result.non2xx + result.errors + result.timeouts };
}

/**
 * The check at the counter under load: autocannon, 64 connections on 127.0.0.1, against the registry
 * holding N subjects (default 1,000,000; one in twenty a listed defaulter), every inquiry durably
 * recorded — beside a bare Fastify route answering a constant JSON to the same requests, in the same run.
 */
export async function run(args: readonly string[]): Promise<Figure[]> {
  // `npm run bench -- checks --subjects=100000 --seconds=5 --standing-cache=0`
  const option = (name: string, fallback: number): number => {
    const given = args.find((a) => a.startsWith(`--${name}=`));
    return given === undefined ? fallback : Number(given.slice(name.length + 3));
  };
  const subjects = option('subjects', 1_000_000);
  const seconds = option('seconds', 5);
  // --standing-cache=0 measures every check reading its standing from the database.
  const cacheEntries = option('standing-cache', -1);
  // Rebuilt each month: records are dated relative to the build, and a month-old build is still current.
  const today = new Date();
  const month = `${today.getUTCFullYear()}-${String(today.getUTCMonth() + 1).padStart(2, '0')}`;
  const db = `${results}checks-${subjects}-${schemaFingerprint()}-${month}.db`;
  await buildBenchDb(db, subjects, Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1), (line) => console.log(line));
  await catchUpBenchLog(db, (line) => console.log(line));
  const work = `${results}checks-run.db`;
  for (const suffix of ['', '-wal', '-shm', '.log-key']) rmSync(`${work}${suffix}`, { force: true });
  copyFileSync(db, work);
  copyFileSync(`${db}.log-key`, `${work}.log-key`); // the server signs with the key that signed the log so far
  // The copy is flushed before any load: its write-back must not land on the syncs of the inquiries measured.
  const copy = openSync(work, 'r+');
  fsyncSync(copy);
  closeSync(copy);
  const load1 = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`machine load (1, 5, 15 min) before: ${load1()}`);

  const bodies = Array.from({ length: 50_000 }, (_, n) => JSON.stringify({
    subject: { scheme: 'cn-rid', identifier: benchIdentifier(Math.floor(((n * 2_654_435_761) % 4_294_967_296) / 4_294_967_296 * subjects)) },
    action: 'aviation.ticket.purchase', purpose: 'ticket-sale', context: { cabin: 'economy' },
  }));

  // Both servers run side by side and are loaded in alternating rounds, so a change in the machine's
  // load (it is shared) hits both alike; each figure is the median over the rounds.
  const bare = await spawnServer(['bare']);
  const server = await spawnServer(['credence', `sqlite:${work}`, ...(cacheEntries >= 0 ? [String(cacheEntries)] : [])]);
  // Warm-up: every subject of the working set checked once, so that each round measures the steady
  // state (a standing cache holding the subjects being checked) rather than the first round also
  // reading the standings of most subjects from the database. Those first checks are reported apart.
  await load(bare.port, undefined, bodies, { amount: bodies.length });
  const warm = await load(server.port, server.key, bodies, { amount: bodies.length });
  const rounds: { bare: Load; checks: Load }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    rounds.push({ bare: await load(bare.port, undefined, bodies, { seconds }), checks: await load(server.port, server.key, bodies, { seconds }) });
  }
  await stop(bare);
  await stop(server);
  const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const of = (side: 'bare' | 'checks', key: 'rps' | 'p50' | 'p99'): number => median(rounds.map((r) => r[side][key]));
  const baseline = { rps: of('bare', 'rps'), p50: of('bare', 'p50'), p99: of('bare', 'p99') };
  const checks = {
    rps: of('checks', 'rps'), p50: of('checks', 'p50'), p99: of('checks', 'p99'),
    ok: rounds.reduce((n, r) => n + r.checks.ok, 0), failed: rounds.reduce((n, r) => n + r.checks.failed, 0),
  };
  console.log(`machine load (1, 5, 15 min) after: ${load1()}`);
  console.log(`warm-up: ${bodies.length.toLocaleString('en-US')} checks, each subject's first (its standing read from the database): ${Math.round(warm.rps)} req/s, p99 ${warm.p99} ms`);
  for (const [i, r] of rounds.entries()) {
    console.log(`round ${i + 1}: bare ${Math.round(r.bare.rps)} req/s p99 ${r.bare.p99} ms; checks ${Math.round(r.checks.rps)} req/s p99 ${r.checks.p99} ms`);
  }

  const service = await openServiceStore(`sqlite:${work}`);
  const recorded = await service.countInquiries(clientId(server.clientId ?? ''));
  await service.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${work}${suffix}`, { force: true });
  const answered = warm.ok + checks.ok;
  console.log(`checks: ${checks.ok.toLocaleString('en-US')} answered (${checks.failed} failed) in ${ROUNDS} rounds of ${seconds}s; inquiries recorded ${recorded.toLocaleString('en-US')} of ${answered.toLocaleString('en-US')} answered`);

  return [
    figure({
      name: `checks/s, ${subjects.toLocaleString('en-US')} subjects, ${CONNECTIONS} connections`, value: checks.rps, unit: 'req/s',
      baseline: baseline.rps, baselineName: 'bare Fastify route', target: '>= 0.5x the bare route', meets: (_v, r) => r !== null && r >= 0.5,
    }),
    figure({
      name: 'checks/s, each subject\'s first check (standing read from the database)', value: warm.rps, unit: 'req/s',
      baseline: baseline.rps, baselineName: 'bare Fastify route', target: '—',
    }),
    figure({ name: 'check latency p50', value: checks.p50, unit: 'ms', baseline: baseline.p50, baselineName: 'bare route p50', lowerIsBetter: true, target: '—' }),
    figure({
      name: 'check latency p99', value: checks.p99, unit: 'ms', baseline: baseline.p99, baselineName: 'bare route p99', lowerIsBetter: true,
      target: '< 20 ms', meets: (v) => v < 20,
    }),
    // Requests still in flight when the load stops are recorded but not counted as answered: recorded >= answered.
    figure({
      name: 'decisions answered but not recorded', value: Math.max(0, answered - recorded), unit: '', baseline: null, baselineName: null,
      target: '0', meets: (v) => v === 0 && checks.failed === 0,
    }),
  ];
}
