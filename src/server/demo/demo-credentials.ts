import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { clientId, type SubjectId } from '../../core/brand.js';
import { parseSubjectId } from '../../core/identifiers/index.js';
import type { ClientInput } from '../../ledger/index.js';
import { toSummary } from '../../ledger/project-standings.js';
import { generatePassword, hashPassword } from '../auth/password.js';
import { sha256Hex } from '../auth/secrets.js';
import { issueKey } from '../clients/issue-key.js';
import type { ServerDeps } from '../server-deps.js';

export interface DemoKey {
  readonly clientId: string;
  readonly key: string;
}

/** The demo's credentials, one per role: created on first start, kept (mode 0600) so later starts can print them again. */
export interface DemoCredentials {
  readonly format: 1;
  readonly operator: DemoKey;
  readonly secondOperator: DemoKey;
  readonly furnisher: DemoKey;
  readonly relyingParty: DemoKey & { readonly actions: readonly string[]; readonly purposes: readonly string[] };
  readonly auditor: DemoKey;
  readonly subject: { readonly scheme: string; readonly identifier: string; readonly password: string };
  /** An organization with a public profile worth a look (unified social credit code). */
  readonly organization: { readonly identifier: string };
}

/** The demo court that the demo population's court records come from (registered by the demo import). */
export const DEMO_COURT = 'demo-court';
const RP_SCOPE = { actions: ['aviation.ticket.purchase'], purposes: ['ticket-sale', 'boarding'] };

const CLIENTS: readonly ClientInput[] = [
  { id: 'demo-operator', role: 'operator', name: 'Demo operator', scope: {} },
  { id: 'demo-operator-2', role: 'operator', name: 'Demo second operator (approves rulebook drafts)', scope: {} },
  { id: 'demo-airline-counter', role: 'relying_party', name: 'Demo Airlines ticket counter', scope: RP_SCOPE },
  { id: 'demo-auditor', role: 'auditor', name: 'Demo independent auditor', scope: {} },
];

/** The first subject of a kind on a list (else the first of that kind): the demo subjects worth a look. */
async function listed(deps: ServerDeps, kind: 'person' | 'organization', list: string): Promise<SubjectId> {
  const rulebook = await deps.standings.rulebook();
  let after: SubjectId | null = null;
  let fallback: SubjectId | null = null;
  for (;;) {
    const cursor: SubjectId | null = after;
    const page = await deps.store.read(async (tx) => {
      const rows = await tx.subjectPage(cursor, 500);
      return { rows, standings: await tx.standings(rows.map((r) => r.id), rulebook.version) };
    });
    const last = page.rows.at(-1);
    if (!last) break;
    after = last.id;
    const ofKind = new Set(page.rows.filter((r) => r.kind === kind).map((r) => r.id));
    for (const s of page.standings) {
      if (!ofKind.has(s.subjectId)) continue;
      fallback ??= s.subjectId;
      if (toSummary(s, rulebook).lists.some((l) => l.listId === list)) return s.subjectId;
    }
  }
  if (fallback === null) throw new Error(`the demo population has no ${kind}`);
  return fallback;
}

/** Registers the demo clients (the court comes from the demo import), issues a key each, and enrols one subject. */
export async function createDemoCredentials(deps: ServerDeps): Promise<DemoCredentials> {
  const at = deps.clock();
  for (const c of CLIENTS) await deps.ledger.registerClient(c, at);
  const key = async (id: string): Promise<DemoKey> => ({ clientId: id, key: (await issueKey(deps.service, clientId(id), at)).key });
  const subjectId = await listed(deps, 'person', 'consumption-restricted');
  const organization = await listed(deps, 'organization', 'judgment-defaulters');
  const parsed = parseSubjectId(subjectId);
  if (!parsed.ok) throw new Error(parsed.error);
  const password = generatePassword();
  await deps.service.putSubjectLogin({ subjectId, passwordHash: await hashPassword(password), enrolledAt: at, enrolledBy: 'demo' });
  return {
    format: 1,
    operator: await key('demo-operator'),
    secondOperator: await key('demo-operator-2'),
    furnisher: await key(DEMO_COURT),
    relyingParty: { ...(await key('demo-airline-counter')), ...RP_SCOPE },
    auditor: await key('demo-auditor'),
    subject: { scheme: parsed.value.scheme, identifier: parsed.value.identifier, password },
    organization: { identifier: organization.slice(organization.indexOf(':') + 1) },
  };
}

export function readDemoCredentials(path: string): DemoCredentials | undefined {
  if (!existsSync(path)) return undefined;
  const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<DemoCredentials>;
  return data.format === 1 && data.organization !== undefined ? (data as DemoCredentials) : undefined;
}

export function writeDemoCredentials(path: string, credentials: DemoCredentials): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** True when every key of the file still works against this database (it may have been recreated). */
export async function credentialsStillValid(deps: ServerDeps, c: DemoCredentials): Promise<boolean> {
  for (const k of [c.operator, c.secondOperator, c.furnisher, c.relyingParty, c.auditor]) {
    const row = await deps.service.apiKeyByHash(sha256Hex(k.key));
    if (!row || row.revokedAt !== null || row.clientId !== k.clientId) return false;
  }
  return (await deps.service.subjectLogin(`${c.subject.scheme}:${c.subject.identifier}` as SubjectId)) !== undefined;
}
