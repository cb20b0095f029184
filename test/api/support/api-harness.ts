import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { openAttestations } from '../../../src/attest/open-attestations.js';
import { clientId, type Instant } from '../../../src/core/brand.js';
import type { ClientInput } from '../../../src/ledger/index.js';
import { buildApp } from '../../../src/server/app.js';
import { attachAttestations } from '../../../src/server/routes/attestations/index.js';
import { hashPassword } from '../../../src/server/auth/password.js';
import { issueKey } from '../../../src/server/clients/issue-key.js';
import type { Limits } from '../../../src/server/limits.js';
import { openServiceStore } from '../../../src/store/open-service-store.js';
import { openStore } from '../../../src/store/open-store.js';
import type { ServiceStore } from '../../../src/store/service-store.js';
import type { Store } from '../../../src/store/store.js';

/** Subjects of the API tests: two persons and an organization (valid identifiers from REFERENCE.md). */
export const PERSON = { scheme: 'cn-rid', identifier: '11010519491231002X' } as const;
export const OTHER_PERSON = { scheme: 'cn-rid', identifier: '440524188001010014' } as const;
export const ORGANIZATION = { scheme: 'cn-uscc', identifier: '91350100M000100Y43' } as const;
export const PASSWORD = 'correct horse battery staple';

export const DEFAULTER_TYPE = 'court.defaulter.refuses_to_perform';
export const START: Instant = Date.UTC(2026, 5, 1, 9, 0, 0);

const CLIENTS = {
  court: { id: 'court-a', role: 'furnisher', name: 'Court A', furnisherKind: 'court', scope: { recordTypes: [DEFAULTER_TYPE, 'court.consumption_restriction'] } },
  court2: { id: 'court-b', role: 'furnisher', name: 'Court B', furnisherKind: 'court', scope: { recordTypes: [DEFAULTER_TYPE] } },
  airline: { id: 'airline', role: 'relying_party', name: 'Test Airline', scope: { actions: ['aviation.ticket.purchase'], purposes: ['ticket-sale'] } },
  railway: { id: 'railway', role: 'relying_party', name: 'Test Railway', scope: { actions: ['rail.ticket.purchase'], purposes: ['ticket-sale'] } },
  operator: { id: 'operator-a', role: 'operator', name: 'Operator A', scope: {} },
  operator2: { id: 'operator-b', role: 'operator', name: 'Operator B', scope: {} },
  auditor: { id: 'auditor', role: 'auditor', name: 'Auditor', scope: {} },
} as const satisfies Record<string, ClientInput>;

export type ClientName = keyof typeof CLIENTS;

export interface Harness {
  readonly app: FastifyInstance;
  /** The database the registry runs on (another process could open it too). */
  readonly url: string;
  readonly store: Store;
  readonly service: ServiceStore;
  readonly keys: Readonly<Record<ClientName, string>>;
  readonly clock: { now: Instant };
  /** Logs a subject in (enrolled with PASSWORD) and returns its session token. */
  login(subject: { readonly scheme: string; readonly identifier: string }): Promise<string>;
  /** `app.inject` with a bearer token. */
  call(token: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A fresh registry on a temp SQLite file (or the given database URL), with one client of each kind and enrolled subjects. */
export async function startHarness(options: {
  readonly url?: string; readonly limits?: Partial<Limits>; readonly trustProxy?: boolean;
  /** Runs the webhooks every this many ms, reaching private addresses too (off by default). */
  readonly webhooksEveryMs?: number;
} = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'credence-api-'));
  const url = options.url ?? `sqlite:${join(dir, 'credence.db')}`;
  const store = await openStore(url);
  const service = await openServiceStore(url);
  const clock = { now: START };
  const app = await buildApp({
    store, service, clock: () => clock.now, sweepEveryMs: null, ...(options.limits ? { limits: options.limits } : {}), ...(options.trustProxy ? { trustProxy: true } : {}),
    webhooksEveryMs: options.webhooksEveryMs ?? null, webhooksPublicOnly: options.webhooksEveryMs === undefined,
  });
  attachAttestations(app, await openAttestations(url, { env: {}, keyFile: join(dir, 'attest-keys'), issuer: 'https://credence.test', now: () => clock.now }));
  const keys = {} as Record<ClientName, string>;
  for (const [name, input] of Object.entries(CLIENTS) as [ClientName, ClientInput][]) {
    await app.deps.ledger.registerClient(input, clock.now);
    keys[name] = (await issueKey(service, clientId(input.id), clock.now)).key;
  }
  const hash = await hashPassword(PASSWORD);
  for (const s of [PERSON, OTHER_PERSON, ORGANIZATION]) {
    await service.putSubjectLogin({ subjectId: `${s.scheme}:${s.identifier}` as never, passwordHash: hash, enrolledAt: clock.now, enrolledBy: 'test' });
  }
  const call = (token: string | null, o: InjectOptions): Promise<LightMyRequestResponse> =>
    app.inject({ ...o, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...o.headers } });
  return {
    app, url, store, service, keys, clock, call,
    login: async (subject) => {
      const res = await app.inject({ method: 'POST', url: '/v1/session', payload: { subject, password: PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      return (res.json() as { token: string }).token;
    },
    close: async () => {
      await app.close();
      await service.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A court judgment defaulter record about `subject`. */
export function defaulterRecord(furnisherRef: string, subject: { readonly scheme: string; readonly identifier: string } = PERSON, occurredAt = '2026-03-01') {
  return {
    furnisherRef,
    subject,
    type: DEFAULTER_TYPE,
    occurredAt,
    attributes: { caseNumber: '(2026)京0105执1234号', court: '北京市朝阳区人民法院', obligation: 'Repay a loan of 120000 yuan', amount: 120000 },
    legalBasis: 'Civil Procedure Law, Art. 262',
  };
}
