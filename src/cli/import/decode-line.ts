import type { ErrorCode } from '../../core/errors.js';

export type Decoded =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly code: ErrorCode; readonly reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const BOM = '\uFEFF';

/** Strict UTF-8 decoding of one line: a wrong encoding is a per-line rejection, never mojibake in the ledger. */
export function decodeLine(bytes: Uint8Array): Decoded {
  if (bytes.includes(0)) {
    return { ok: false, code: 'invalid_request', reason: 'line contains NUL bytes: the file looks UTF-16 or binary; save it as UTF-8' };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, code: 'invalid_request', reason: 'line is not valid UTF-8 (GBK or another encoding?); save the file as UTF-8' };
  }
  return { ok: true, text: text.startsWith(BOM) ? text.slice(1) : text };
}

/** For the rejected file: the line as text, whatever its encoding, at most `max` characters. */
export function displayLine(bytes: Uint8Array, max: number): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.length > max ? text.slice(0, max) : text;
}
