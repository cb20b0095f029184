import { createHmac } from 'node:crypto';
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPublicAddress } from './public-address.js';

export interface WebhookPostOptions {
  /** Refuse to connect to addresses that are not public (default true). Tests and intranet deployments turn it off. */
  readonly publicOnly: boolean;
  /** Whole request deadline in ms (connect + send + response headers + reading the capped body). Default 10_000. */
  readonly timeoutMs?: number;
}

export interface WebhookPostResult {
  /** true only for a 2xx answer. */
  readonly ok: boolean;
  /** The HTTP status, or null when no answer came (refused address, DNS failure, timeout, connection error). */
  readonly status: number | null;
  /** A short reason for the delivery log (≤ 200 chars); for a non-2xx answer, at most 100 sanitized chars of its body. */
  readonly error: string | null;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** Bytes of a non-2xx answer read for the log excerpt; the rest is never read. */
const BODY_READ_LIMIT = 1024;
const EXCERPT_CHARS = 100;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NOT_PUBLIC = 'ERR_WEBHOOK_ADDRESS_NOT_PUBLIC';

/** Webhook signature header value: `t=<ms>,v1=<hex HMAC-SHA256(secret, `${t}.${body}`)>`. */
export function webhookSignature(secret: string, at: number, body: string): string {
  return `t=${at},v1=${createHmac('sha256', secret).update(`${at}.${body}`).digest('hex')}`;
}

/**
 * POSTs the signed JSON `body` to `url`. Never throws, never follows redirects, reads at most 1 KiB of the answer.
 * With publicOnly, a host that is, or resolves to, an address that is not public is refused before connecting;
 * resolved hosts are checked inside the connection's own lookup, so the address checked is the one connected to.
 */
export function postWebhook(
  url: string, body: string, secret: string, deliveryId: string, at: number, options: WebhookPostOptions,
): Promise<WebhookPostResult> {
  const requested = options.timeoutMs;
  const timeoutMs = requested !== undefined && Number.isFinite(requested) && requested > 0 ? requested : DEFAULT_TIMEOUT_MS;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve(failure('invalid URL'));
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return Promise.resolve(failure(`unsupported URL scheme ${sanitize(target.protocol, 20)}`));
  }
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
  // Node does not call `lookup` for an IP literal, so a literal is checked here.
  if (options.publicOnly && isIP(host) !== 0 && !isPublicAddress(host)) {
    return Promise.resolve(failure(`address ${host} is not public`));
  }
  const requestOptions: RequestOptions = {
    method: 'POST',
    hostname: host,
    path: `${target.pathname}${target.search}`,
    agent: false,
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'user-agent': 'Credence-Webhook/1',
      'credence-signature': webhookSignature(secret, at, body),
      'credence-delivery': deliveryId,
      'credence-timestamp': String(at),
    },
    ...(target.port === '' ? {} : { port: Number(target.port) }),
    ...(target.username === '' && target.password === ''
      ? {}
      : { auth: `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}` }),
    ...(options.publicOnly ? { lookup: publicOnlyLookup() } : {}),
  };
  return new Promise((resolve) => {
    let settled = false;
    let req: ReturnType<typeof httpRequest> | undefined;
    let response: IncomingMessage | undefined;
    const settle = (result: WebhookPostResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      response?.destroy();
      req?.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => settle(answered(response, `timed out after ${timeoutMs} ms`)), timeoutMs);
    try {
      req = (target.protocol === 'https:' ? httpsRequest : httpRequest)(requestOptions);
    } catch (err) {
      settle(failure(reasonOf(err)));
      return;
    }
    req.on('error', (err) => settle(answered(response, reasonOf(err))));
    req.on('response', (res) => {
      response = res;
      const status = res.statusCode ?? 0;
      if (status >= 200 && status < 300) return settle({ ok: true, status, error: null });
      if (REDIRECTS.has(status)) return settle({ ok: false, status, error: `redirect (HTTP ${status}) not followed` });
      const chunks: Buffer[] = [];
      let length = 0;
      const finish = (): void => settle({ ok: false, status, error: httpReason(status, Buffer.concat(chunks)) });
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        length += chunk.length;
        if (length >= BODY_READ_LIMIT) finish();
      });
      res.on('end', finish);
      res.on('close', finish);
      res.on('error', finish);
    });
    req.end(body);
  });
}

/**
 * A `lookup` for http.request that resolves as dns.lookup does but fails when any resolved address is not public,
 * so that no connection is made to it. `resolve` is replaceable for tests.
 */
export function publicOnlyLookup(
  resolve: (hostname: string, options: LookupAllOptions, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void = dnsLookup,
): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const refused = addresses.find((a) => !isPublicAddress(a.address));
      const first = addresses[0];
      if (refused !== undefined || first === undefined) {
        const shown = refused === undefined ? 'no address' : `address ${refused.address}`;
        const error: NodeJS.ErrnoException = new Error(sanitize(`${shown} of ${hostname} is not public`, 200));
        error.code = NOT_PUBLIC;
        return callback(error, '');
      }
      if (options.all === true) return callback(null, addresses);
      return callback(null, first.address, first.family);
    });
  };
}

function failure(error: string): WebhookPostResult {
  return { ok: false, status: null, error };
}

/** The result once an error or the deadline ends the call: it keeps the status if an answer had already begun. */
function answered(response: IncomingMessage | undefined, reason: string): WebhookPostResult {
  const status = response?.statusCode;
  return status === undefined ? failure(reason) : { ok: false, status, error: `HTTP ${status}: ${reason}` };
}

function httpReason(status: number, body: Buffer): string {
  const excerpt = sanitize(body.subarray(0, BODY_READ_LIMIT).toString('latin1'), EXCERPT_CHARS);
  return excerpt === '' ? `HTTP ${status}` : `HTTP ${status}: ${excerpt}`;
}

function reasonOf(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === NOT_PUBLIC || code === undefined) return sanitize(err.message, 200);
    return sanitize(code, 200);
  }
  return 'request failed';
}

/** Printable ASCII only, whitespace runs collapsed, at most `max` chars. */
function sanitize(text: string, max: number): string {
  return text.replace(/[^\x20-\x7e]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max);
}
