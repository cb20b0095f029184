import type { Harness } from './api-harness.js';
import { ORGANIZATION } from './api-harness.js';

/** Disputes for the authorization matrix: one of court A's record (by PERSON), one of court B's (by ORGANIZATION). */
export interface SeededDueProcess {
  readonly dispute: string;
  readonly court2Dispute: string;
}

export async function seedDueProcess(h: Harness, subjectToken: string, courtRecord: string, court2Record: string): Promise<SeededDueProcess> {
  const open = async (token: string, record: string): Promise<string> => {
    const res = await h.call(token, { method: 'POST', url: `/v1/me/records/${record}/disputes`, payload: { grounds: 'This is not my case.' } });
    if (res.statusCode !== 201) throw new Error(`dispute: ${res.statusCode} ${res.body}`);
    return (res.json() as { id: string }).id;
  };
  return { dispute: await open(subjectToken, courtRecord), court2Dispute: await open(await h.login(ORGANIZATION), court2Record) };
}
