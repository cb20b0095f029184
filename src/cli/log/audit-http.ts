import { UserError } from '../user-error.js';

/** The auditor's view of the registry: GET requests, with the auditor's key where a route needs one. */
export interface AuditHttp {
  get(path: string, auth: boolean): Promise<{ readonly status: number; readonly body: string }>;
}

/** Thrown when a route the audit needs does not answer 200: the audit cannot vouch for what it cannot read. */
export class AuditFetchError extends Error {
  override readonly name = 'AuditFetchError';
  constructor(readonly path: string, readonly status: number, detail: string) {
    super(`GET ${path} answered ${status}: ${detail}`);
  }
}

/** An AuditHttp over the network (Node's fetch). */
export function httpAuditClient(baseUrl: string, apiKey: string): AuditHttp {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    get: async (path, auth) => {
      let res: Response;
      try {
        res = await fetch(`${base}${path}`, { headers: auth ? { authorization: `Bearer ${apiKey}` } : {} });
      } catch (error) {
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
        throw new UserError(`cannot reach ${base}: ${cause}; check --server`);
      }
      return { status: res.status, body: await res.text() };
    },
  };
}

const problemDetail = (body: string): string => {
  try {
    const p = JSON.parse(body) as { detail?: unknown; code?: unknown };
    return typeof p.detail === 'string' ? `${p.detail}${typeof p.code === 'string' ? ` (${p.code})` : ''}` : body.slice(0, 200);
  } catch {
    return body.slice(0, 200);
  }
};

export async function getText(http: AuditHttp, path: string, auth = false): Promise<string> {
  const res = await http.get(path, auth);
  if (res.status !== 200) throw new AuditFetchError(path, res.status, problemDetail(res.body));
  return res.body;
}

export async function getJson<T>(http: AuditHttp, path: string, auth = false): Promise<T> {
  return JSON.parse(await getText(http, path, auth)) as T;
}

/** Every page of a paged route: `page(cursor)` gives the path, the answer gives the items and the next cursor. */
export async function getAllPages<P, C>(
  http: AuditHttp, first: C | null, path: (cursor: C | null) => string, next: (page: P) => C | null, auth = true,
): Promise<P[]> {
  const pages: P[] = [];
  let cursor = first;
  for (;;) {
    const page = await getJson<P>(http, path(cursor), auth);
    pages.push(page);
    cursor = next(page);
    if (cursor === null) return pages;
  }
}
