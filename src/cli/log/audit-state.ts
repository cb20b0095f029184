import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/** What the auditor remembers between runs: the key it trusts and the last checkpoint it verified. */
export interface AuditState {
  readonly origin: string;
  readonly vkey: string;
  readonly size: number;
  /** base64 root of the tree of `size`. */
  readonly root: string;
  readonly note: string;
  readonly verifiedAt: string;
}

const isState = (v: unknown): v is AuditState => {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return typeof s.origin === 'string' && typeof s.vkey === 'string' && Number.isSafeInteger(s.size) && typeof s.root === 'string'
    && typeof s.note === 'string' && typeof s.verifiedAt === 'string';
};

/** The state in `file`, or null when the file does not exist yet (first audit). Throws on a damaged file. */
export function readAuditState(file: string): AuditState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
  const parsed: unknown = JSON.parse(text);
  if (!isState(parsed)) throw new Error(`${file} is not an audit state file (origin, vkey, size, root, note, verifiedAt)`);
  return parsed;
}

/** Replaces the state file atomically: a crash leaves the old state or the new one, never half of each. */
export function writeAuditState(file: string, state: AuditState): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}
