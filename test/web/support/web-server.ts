import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openAttestations } from '../../../src/attest/open-attestations.js';
import { clientId, subjectId, type Instant } from '../../../src/core/brand.js';
import { EXAMPLE_ATTRIBUTES } from '../../../src/core/taxonomy/examples.js';
import { recordTypesFor, type ClientInput } from '../../../src/ledger/index.js';
import { buildApp } from '../../../src/server/app.js';
import { hashPassword } from '../../../src/server/auth/password.js';
import { issueKey } from '../../../src/server/clients/issue-key.js';
import { webApp } from '../../../src/server/plugins/web.js';
import { openLog } from '../../../src/log/open-log.js';
import { formatSignerKey } from '../../../src/log/signer-key.js';
import { attachLog } from '../../../src/server/routes/log/index.js';
import { attachAttestations } from '../../../src/server/routes/attestations/index.js';
import { openServiceStore } from '../../../src/store/open-service-store.js';
import { openStore } from '../../../src/store/open-store.js';
import { furnishDemoPopulation } from './demo-population.js';
import { ensureWebBuild } from './web-build.js';

export const PERSON = { scheme: 'cn-rid', identifier: '11010519491231002X' } as const;
export const ORGANIZATION = { scheme: 'cn-uscc', identifier: '91350100M000100Y43' } as const;
export const PASSWORD = 'correct horse battery staple';

const CLIENTS = {
  court: { id: 'court-chaoyang', role: 'furnisher', name: 'Chaoyang District People’s Court', furnisherKind: 'court', scope: { recordTypes: recordTypesFor('court') } },
  bank: { id: 'bank-icbc', role: 'furnisher', name: 'Example Commercial Bank', furnisherKind: 'lender', scope: { recordTypes: recordTypesFor('lender') } },
  tax: { id: 'tax-beijing', role: 'furnisher', name: 'Beijing Tax Bureau', furnisherKind: 'tax_office', scope: { recordTypes: recordTypesFor('tax_office') } },
  regulator: { id: 'env-fuzhou', role: 'furnisher', name: 'Fuzhou Ecology and Environment Bureau', furnisherKind: 'regulator', scope: { recordTypes: recordTypesFor('regulator') } },
  airline: { id: 'airline-ca', role: 'relying_party', name: 'Example Airlines', scope: { actions: ['aviation.ticket.purchase'], purposes: ['ticket-sale'] } },
  operator: { id: 'operator-a', role: 'operator', name: 'Operator A', scope: {} },
  operator2: { id: 'operator-b', role: 'operator', name: 'Operator B', scope: {} },
} as const satisfies Record<string, ClientInput>;

export type ClientName = keyof typeof CLIENTS;

export interface WebServer {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly keys: Readonly<Record<ClientName, string>>;
  close(): Promise<void>;
}

const DAY = 86_400_000;

/**
 * The real server on a free port with a temp SQLite database and the built web app. A person's file is
 * furnished through the API over the past year (the server clock walks with it, so the history has
 * steps): a defaulter judgment, overdue loan payments, tax arrears later paid, and a flight refused
 * 29 days ago (inside the oversight figures' 30-day window). The organization's appeal of a confirmed
 * violation waits past its 15-day deadline.
 */
export async function startWebServer(): Promise<WebServer> {
  await ensureWebBuild();
  const dir = mkdtempSync(join(tmpdir(), 'credence-web-'));
  const url = `sqlite:${join(dir, 'credence.db')}`;
  const store = await openStore(url);
  const service = await openServiceStore(url);
  let fixed: Instant | null = Date.now() - 400 * DAY;
  const clock = () => fixed ?? Date.now();
  // A fixed signing key: a generated one whose base64 holds a '+' is not read back (src/log/signer-key.ts splits on '+').
  const logKey = formatSignerKey('credence.test/log', new Uint8Array(32).fill(1));
  const log = await openLog(url, { origin: 'credence.test/log', clock, env: { CREDENCE_LOG_KEY: logKey } });
  const app = await buildApp({ store, service, clock, sweepEveryMs: null, onAppend: log.onAppend });
  attachLog(app, log);
  attachAttestations(app, await openAttestations(url, { env: {}, keyFile: join(dir, 'attest-keys'), issuer: 'https://credence.test', now: clock }));
  // Until app.ts registers the web app itself.
  if (!app.hasRoute({ method: 'GET', url: '/assets/*' })) await app.register(webApp());
  const keys = {} as Record<ClientName, string>;
  for (const [name, input] of Object.entries(CLIENTS) as [ClientName, ClientInput][]) {
    await app.deps.ledger.registerClient(input, fixed);
    keys[name] = (await issueKey(service, clientId(input.id), fixed)).key;
  }
  const hash = await hashPassword(PASSWORD);
  for (const s of [PERSON, ORGANIZATION]) {
    await service.putSubjectLogin({ subjectId: subjectId(`${s.scheme}:${s.identifier}`), passwordHash: hash, enrolledAt: fixed, enrolledBy: 'test' });
  }
  const post = async (key: string, path: string, body: unknown): Promise<Record<string, unknown>> => {
    const res = await app.inject({ method: 'POST', url: path, payload: body as object, headers: key ? { authorization: `Bearer ${key}` } : {} });
    if (res.statusCode >= 300) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const furnish = async (key: string, ref: string, subject: typeof PERSON | typeof ORGANIZATION, type: string, daysAgo: number) => {
    const occurredAt = new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);
    const out = await post(key, '/v1/records', {
      records: [{ furnisherRef: ref, subject, type, occurredAt, attributes: EXAMPLE_ATTRIBUTES[type], legalBasis: 'Example legal basis, Art. 1' }],
    }) as { items: { recordId?: string; reason?: string }[] };
    const id = out.items[0]?.recordId;
    if (!id) throw new Error(`${type} refused: ${out.items[0]?.reason ?? 'no item'}`);
    return id;
  };
  const at = (daysAgo: number) => { fixed = Date.now() - daysAgo * DAY; };

  at(360);
  await furnish(keys.bank, 'loan-1', PERSON, 'loan.overdue', 365);
  at(300);
  const arrears = await furnish(keys.tax, 'tax-1', PERSON, 'tax.arrears', 305);
  at(200);
  await post(keys.tax, `/v1/records/${arrears}/fulfilment`, {});
  at(120);
  await furnish(keys.court, 'judgment-1', PERSON, 'court.defaulter.refuses_to_perform', 125);
  at(100);
  const violation = await furnish(keys.regulator, 'env-1', ORGANIZATION, 'reg.environment_violation', 100);
  // A record of a kind the registry refuses to hold: refused, and counted by reason.
  await post(keys.regulator, '/v1/records', { records: [{ furnisherRef: 'env-2', subject: PERSON, type: 'social.speech', occurredAt: '2026-01-01', attributes: {}, legalBasis: 'none' }] });
  // The organization disputes its violation, the bureau confirms it, the organization appeals, and no
  // operator decides within the 15 days: an overdue appeal in the operators' queue.
  const asOrganization = async (path: string, body: unknown) =>
    post(((await post('', '/v1/session', { subject: ORGANIZATION, password: PASSWORD })) as { token: string }).token, path, body);
  at(40);
  const dispute = await asOrganization(`/v1/me/records/${violation}/disputes`, { grounds: 'The discharge was measured at the wrong outlet.' });
  at(35);
  await post(keys.regulator, `/v1/disputes/${String(dispute['id'])}/answer`, { answer: 'confirmed', explanation: 'The outlet was the permitted one; the reading stands.' });
  at(30);
  await asOrganization(`/v1/me/disputes/${String(dispute['id'])}/appeal`, { grounds: 'The bureau did not look at our own measurements.' });
  at(29);
  await post(keys.airline, '/v1/checks', { subject: PERSON, action: 'aviation.ticket.purchase', purpose: 'ticket-sale', context: { cabin: 'economy' } });
  at(0);
  await furnishDemoPopulation(app, 300, fixed);
  fixed = null;
  await log.checkpoint();
  log.start();

  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    app,
    keys,
    close: async () => {
      await app.close();
      await log.close();
      await service.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
