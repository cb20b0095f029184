import { createHash } from 'node:crypto';
import type { StoredEvent } from '../../core/ledger/ledger-event.js';
import { compileRulebook, type CompiledRulebook } from '../../core/rulebook/compile-rulebook.js';
import { parseRulebook } from '../../core/rulebook/parse-rulebook.js';
import { AuditFetchError, getJson, type AuditHttp } from './audit-http.js';
import type { Problems } from './audit-problems.js';

export interface PublishedRulebooks {
  /** Every version the ledger says was published, compiled from the text the registry publishes. */
  readonly byVersion: ReadonlyMap<string, CompiledRulebook>;
  /** The version in force: the last one published. */
  readonly current: string | null;
}

/**
 * The rulebooks the events name: each `rulebook.published` event carries the SHA-256 of the text,
 * so the published text is fetched, checked against it, and compiled with the core's own parser.
 */
export async function publishedRulebooks(http: AuditHttp, events: readonly StoredEvent[], out: Problems): Promise<PublishedRulebooks> {
  const byVersion = new Map<string, CompiledRulebook>();
  let current: string | null = null;
  for (const { seq, event } of events) {
    if (event.type !== 'rulebook.published') continue;
    current = event.version;
    if (byVersion.has(event.version)) continue;
    let text: string;
    try {
      text = (await getJson<{ yaml: string }>(http, `/v1/rulebooks/${encodeURIComponent(event.version)}`)).yaml;
    } catch (error) {
      if (!(error instanceof AuditFetchError)) throw error;
      out.add({ kind: 'rulebook', seq, detail: `rulebook ${event.version} (published by event ${seq}) is not published: ${error.message}` });
      continue;
    }
    const sha = createHash('sha256').update(text).digest('hex');
    if (sha !== event.sha256) {
      out.add({ kind: 'rulebook', seq, detail: `the published text of rulebook ${event.version} has SHA-256 ${sha}, event ${seq} logged ${event.sha256}` });
      continue;
    }
    const parsed = parseRulebook(text);
    if (!parsed.ok || parsed.rulebook.version !== event.version) {
      out.add({ kind: 'rulebook', seq, detail: `the published text of rulebook ${event.version} does not parse as that version` });
      continue;
    }
    byVersion.set(event.version, compileRulebook(parsed.rulebook));
  }
  return { byVersion, current };
}
