import { createHash } from 'node:crypto';
import type { Instant, SubjectId } from '../core/brand.js';
import { CredenceError } from '../core/errors.js';
import type { RulebookRow } from '../store/rows.js';
import type { WriteTx } from '../store/store.js';
import { appendEvents, type LedgerContext } from './ledger-context.js';
import type { OnProgress } from './progress.js';
import { bySubject, storedStanding } from './project-standings.js';
import { compileRulebookText } from './rulebook-cache.js';


export interface PublishResult {
  readonly version: string;
  readonly sha256: string;
  /** Subjects re-rated under the new version. */
  readonly subjects: number;
  /** The same text was already the version in force; nothing was done. */
  readonly alreadyCurrent: boolean;
}

async function stagingRow(tx: WriteTx, version: string): Promise<RulebookRow> {
  const head = await tx.head();
  const row = await tx.rulebook(version);
  if (head.stagingRulebook !== version || !row) {
    throw new CredenceError('version_conflict', `publishing rulebook ${version} was superseded by ${head.stagingRulebook ?? 'another publish'}`);
  }
  return row;
}

/**
 * Publishes a rulebook version: stages it, re-rates every subject under it in batches (writers keep
 * staged standings current meanwhile), then makes it the version in force in one transaction that
 * also appends `rulebook.published`. Until that flip every read and decision uses the old version.
 */
export async function publishRulebook(ctx: LedgerContext, yaml: string, at: Instant, onProgress?: OnProgress, actor = 'operator'): Promise<PublishResult> {
  const compiled = compileRulebookText(yaml);
  const version = compiled.version;
  const sha256 = createHash('sha256').update(yaml).digest('hex');
  const total = await ctx.store.write(async (tx) => {
    const head = await tx.head();
    const existing = await tx.rulebook(version);
    if (existing && existing.sha256 !== sha256) {
      throw new CredenceError('invalid_rulebook', `rulebook version ${version} already exists with a different text; give the new text a new version`);
    }
    if (existing && head.currentRulebook === version) return null;
    if (existing && existing.status !== 'draft' && existing.status !== 'staging') {
      throw new CredenceError('invalid_rulebook', `rulebook version ${version} was published before and has been replaced; publish it under a new version`);
    }
    if (head.stagingRulebook !== null && head.stagingRulebook !== version) {
      const abandoned = await tx.rulebook(head.stagingRulebook);
      if (abandoned) await tx.putRulebook({ ...abandoned, status: 'draft' });
    }
    await tx.putRulebook({ version, yaml, sha256, status: 'staging', createdAt: existing?.createdAt ?? at, publishedAt: null });
    await tx.setRulebooks({ current: head.currentRulebook, staging: version });
    return tx.countSubjects();
  });
  if (total === null) return { version, sha256, subjects: 0, alreadyCurrent: true };

  let after: SubjectId | null = null;
  let done = 0;
  for (;;) {
    const cursor: SubjectId | null = after;
    const page = await ctx.store.write(async (tx) => {
      await stagingRow(tx, version);
      const subjects = await tx.subjectPage(cursor, ctx.batchSize);
      const last = subjects.at(-1);
      if (!last) return null;
      const records = bySubject(await tx.recordsOf(subjects.map((s) => s.id)));
      await tx.putStandings(subjects.map((s) => storedStanding(s, records.get(s.id) ?? [], compiled, at)));
      return { last: last.id, count: subjects.length };
    });
    if (!page) break;
    after = page.last;
    done += page.count;
    await onProgress?.({ done, total: Math.max(total, done) });
  }

  await ctx.store.write(async (tx) => {
    const row = await stagingRow(tx, version);
    const [subjects, rated] = [await tx.countSubjects(), await tx.countStandings(version)];
    if (rated !== subjects) throw new CredenceError('internal_error', `only ${rated} of ${subjects} subjects were rated under ${version}`);
    const head = await tx.head();
    const previous = head.currentRulebook === null ? undefined : await tx.rulebook(head.currentRulebook);
    if (previous) await tx.putRulebook({ ...previous, status: 'retired' });
    await tx.putRulebook({ ...row, status: 'published', publishedAt: at });
    await tx.setRulebooks({ current: version, staging: null });
    await appendEvents(ctx, tx, [{ event: { type: 'rulebook.published', subjectId: null, version, sha256 }, recordedAt: at, actor }]);
  });
  return { version, sha256, subjects: done, alreadyCurrent: false };
}
