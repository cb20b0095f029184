import { formatCount, formatDuration, formatRate } from './format-numbers.js';
import type { ImportSummary } from './run-import.js';

/** The closing lines of an import: what was accepted, what was already there, what was rejected and where. */
export function formatImportSummary(input: string, s: ImportSummary, elapsedMs: number): string {
  const head = s.interrupted
    ? `import of ${input} interrupted after a complete batch; run the same command again to finish`
    : `imported ${input}`;
  const resumed = s.resumedAtLine === null ? '' : ` (resumed at line ${formatCount(s.resumedAtLine)})`;
  const rate = formatRate(s.linesThisRun / Math.max(elapsedMs / 1000, 1e-3));
  const width = Math.max(...[s.accepted, s.duplicates, s.rejected, s.fulfilled].map((n) => formatCount(n).length));
  const row = (n: number, what: string): string => `  ${formatCount(n).padStart(width)}  ${what}`;
  return [
    `${head}${resumed}`,
    row(s.accepted, 'accepted: new records in the ledger'),
    row(s.duplicates, 'duplicates: already in the ledger under the same furnisherRef, unchanged'),
    ...(s.fulfilled > 0 ? [row(s.fulfilled, 'fulfilled: earlier records marked fulfilled')] : []),
    row(s.rejected, s.rejectedPath === null ? 'rejected' : `rejected: reasons in ${s.rejectedPath}`),
    `  ${formatCount(s.linesThisRun)} lines in ${formatDuration(elapsedMs)}, ${rate}`,
    '',
  ].join('\n');
}
