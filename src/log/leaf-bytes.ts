import { canonicalJson } from '../core/ledger/canonical-json.js';
import type { StoredEvent } from '../core/ledger/ledger-event.js';

const utf8 = new TextEncoder();

/**
 * The bytes the log hashes for one ledger event: UTF-8 of the canonical JSON (keys sorted, no
 * whitespace) of `{actor, event, recordedAt, seq}`. The server, the CLI auditor and the browser
 * derive the same bytes from the event alone, whichever database stored it (docs/log.md).
 * Pure: no node:* imports, so the web app can use it.
 */
export const leafText = (e: StoredEvent): string =>
  canonicalJson({ actor: e.actor, event: e.event, recordedAt: e.recordedAt, seq: e.seq });

export const leafBytes = (e: StoredEvent): Uint8Array => utf8.encode(leafText(e));

/**
 * 0x00 ‖ leafBytes(e), encoded in one go: the input of the RFC 6962 leaf hash, so the appender
 * hashes it with one `sha256` call instead of copying the bytes behind a prefix.
 */
export const leafHashInput = (e: StoredEvent): Uint8Array => utf8.encode(`\u0000${leafText(e)}`);

/** Leaf index of the event with sequence number `seq` (sequence numbers start at 1). */
export const leafIndexOf = (seq: number): number => seq - 1;

