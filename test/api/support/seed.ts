import { readFileSync } from 'node:fs';
import type { Harness } from './api-harness.js';
import { defaulterRecord, ORGANIZATION, PERSON } from './api-harness.js';
import { seedDueProcess, type SeededDueProcess } from './seed-due-process.js';

export interface Seeded {
  /** A record court A furnished about PERSON, and one court B furnished about ORGANIZATION. */
  readonly courtRecord: string;
  readonly court2Record: string;
  readonly courtSubmission: string;
  readonly court2Submission: string;
  /** A decision the airline got about PERSON, and one the railway got. */
  readonly airlineDecision: string;
  readonly railwayDecision: string;
  readonly subjectToken: string;
  readonly otherSubjectToken: string;
  /** A draft operator A uploaded. */
  readonly draftVersion: string;
  readonly draftYaml: string;
  /** Disputes of courtRecord and court2Record. */
  readonly dueProcess: SeededDueProcess;
  /** A webhook of the airline's, and one of the railway's. */
  readonly airlineWebhook: string;
  readonly railwayWebhook: string;
}

export const FLIGHT = { action: 'aviation.ticket.purchase', purpose: 'ticket-sale', context: { cabin: 'economy' } } as const;
export const G_TRAIN = { action: 'rail.ticket.purchase', purpose: 'ticket-sale', context: { trainType: 'G', seatClass: 'second' } } as const;

/** The default rulebook under another version, with one rule's points changed. */
export function draftRulebook(version: string, points = -150): string {
  const text = readFileSync(new URL('../../../rulebooks/default.yaml', import.meta.url), 'utf8');
  return text.replace(/^version: .*$/m, `version: "${version}"`)
    .replace(/(- id: defaulter-refuses\n\s+type: court\.defaulter\.refuses_to_perform\n\s+points: )-?\d+/, `$1${points}`);
}

export async function seed(
  h: Harness, otherSubject: { readonly scheme: string; readonly identifier: string }, draftAuthor: 'operator' | 'operator2' = 'operator',
): Promise<Seeded> {
  const post = async (key: string, url: string, payload: unknown) => {
    const res = await h.call(key, { method: 'POST', url, payload: payload as object });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json() as Record<string, unknown> & { items?: { recordId: string }[] };
  };
  const a = await post(h.keys.court, '/v1/records', { records: [defaulterRecord('seed-1', PERSON)] });
  const b = await post(h.keys.court2, '/v1/records', { records: [defaulterRecord('seed-2', ORGANIZATION)] });
  const d1 = await post(h.keys.airline, '/v1/checks', { subject: PERSON, ...FLIGHT });
  const d2 = await post(h.keys.railway, '/v1/checks', { subject: PERSON, ...G_TRAIN });
  const w1 = await post(h.keys.airline, '/v1/webhooks', { url: 'https://airline.example.com/credence' });
  const w2 = await post(h.keys.railway, '/v1/webhooks', { url: 'https://railway.example.com/credence' });
  const draftYaml = draftRulebook('2026.2-draft');
  const draft = await h.call(h.keys[draftAuthor], { method: 'POST', url: '/v1/rulebooks/drafts', payload: draftYaml, headers: { 'content-type': 'application/yaml' } });
  if (draft.statusCode !== 201) throw new Error(`draft: ${draft.body}`);
  const subjectToken = await h.login(PERSON);
  const dueProcess = await seedDueProcess(h, subjectToken, a.items?.[0]?.recordId ?? '', b.items?.[0]?.recordId ?? '');
  return {
    courtRecord: a.items?.[0]?.recordId ?? '',
    court2Record: b.items?.[0]?.recordId ?? '',
    courtSubmission: String(a.submissionId),
    court2Submission: String(b.submissionId),
    airlineDecision: String(d1.decisionId),
    railwayDecision: String(d2.decisionId),
    subjectToken,
    otherSubjectToken: await h.login(otherSubject),
    draftVersion: '2026.2-draft',
    draftYaml,
    dueProcess,
    airlineWebhook: String(w1.id),
    railwayWebhook: String(w2.id),
  };
}
