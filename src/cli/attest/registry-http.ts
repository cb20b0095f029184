import { UserError } from '../user-error.js';

/** GET a JSON document from the registry; `null` on 404. Any other failure says what went wrong, in one line. */
export async function getJson(server: string, path: string): Promise<unknown> {
  const url = `${server.replace(/\/+$/, '')}${path}`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new UserError(`cannot reach ${server}: ${cause}; check --server`);
  }
  if (res.status === 404) return null;
  const body = await res.text();
  if (res.status !== 200) throw new UserError(`GET ${url} answered ${res.status}: ${body.slice(0, 200)}`);
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new UserError(`GET ${url} did not answer JSON`);
  }
}
