import { getCredential, setCredential, type Role } from './session.js';

/** An RFC 9457 problem the API answered with, or a network failure (status 0, code `network`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly body: Readonly<Record<string, unknown>>;

  constructor(status: number, code: string, detail: string, body: Readonly<Record<string, unknown>> = {}) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly body?: unknown;
  /** Which stored credential to send; omitted for public routes. */
  readonly as?: Role;
  /** A raw text body (e.g. a YAML rulebook) with its content type, instead of JSON. */
  readonly text?: { readonly contentType: string; readonly content: string };
  readonly signal?: AbortSignal;
  /** Resolve with the body as text (e.g. a signed checkpoint note) instead of parsing JSON. */
  readonly asText?: boolean;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** Calls the public API. Resolves with the parsed JSON body; rejects with ApiError. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  let body: string | undefined;
  if (options.text) {
    headers['content-type'] = options.text.contentType;
    body = options.text.content;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (options.as) {
    const credential = getCredential(options.as);
    if (!credential) throw new ApiError(401, 'unauthorized', 'Not signed in');
    headers['authorization'] = `Bearer ${credential.token}`;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      ...(body === undefined ? {} : { body }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  if (res.ok && options.asText) return (await res.text()) as T;
  const parsed: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) {
    const problem = isObject(parsed) ? parsed : {};
    const code = typeof problem['code'] === 'string' ? problem['code'] : `http_${res.status}`;
    const detail = typeof problem['detail'] === 'string' ? problem['detail']
      : typeof problem['title'] === 'string' ? problem['title'] : res.statusText;
    // A rejected credential is dropped so the page falls back to the login form.
    if (res.status === 401 && options.as) setCredential(options.as, null);
    throw new ApiError(res.status, code, detail, problem);
  }
  return parsed as T;
}
