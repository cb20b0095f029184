import type { DemoCredentials } from './demo-credentials.js';

/** What `credence start` prints: the URL, and per role a credential and one request that works as printed. */
export function formatCredentials(url: string, c: DemoCredentials, credentialsPath: string): string {
  const s = c.subject;
  return [
    '',
    `Credence is serving at ${url}`,
    `  API docs     ${url}/docs        OpenAPI: ${url}/openapi.json`,
    '',
    'Demo credentials (kept in ' + credentialsPath + ', mode 0600; printed again on every start):',
    `  operator        ${c.operator.key}`,
    `  2nd operator    ${c.secondOperator.key}   (approves rulebook drafts)`,
    `  furnisher       ${c.furnisher.key}   (${c.furnisher.clientId}: court records)`,
    `  relying party   ${c.relyingParty.key}   (${c.relyingParty.clientId}: ${c.relyingParty.actions.join(', ')}; purposes ${c.relyingParty.purposes.join(', ')})`,
    `  auditor         ${c.auditor.key}`,
    `  subject         ${s.scheme} ${s.identifier}   password ${s.password}`,
    `  (public)        an organization's profile: ${url}/v1/organizations/${c.organization.identifier}`,
    '',
    'Try (more per role in docs/api.md):',
    `  curl -s ${url}/v1/rulebook | head -c 300`,
    `  curl -s -X POST ${url}/v1/checks -H 'authorization: Bearer ${c.relyingParty.key}' -H 'content-type: application/json' \\`,
    `    -d '{"subject":{"scheme":"${s.scheme}","identifier":"${s.identifier}"},"action":"aviation.ticket.purchase","purpose":"ticket-sale","context":{"cabin":"economy"}}'`,
    `  curl -s -X POST ${url}/v1/session -H 'content-type: application/json' \\`,
    `    -d '{"subject":{"scheme":"${s.scheme}","identifier":"${s.identifier}"},"password":"${s.password}"}'`,
    '',
    'Stop with Ctrl-C (in-flight requests finish first).',
    '',
  ].join('\n');
}
