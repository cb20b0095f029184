import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { DEMO_FURNISHERS } from '../../demo/demo-furnishers.js';
import { UserError } from '../user-error.js';

export const MANIFEST = 'manifest.json';
/** What a demo (and an import of its files) writes in its folder. */
const DEMO_NAMES = new Set([
  MANIFEST, `${MANIFEST}.tmp`,
  ...DEMO_FURNISHERS.flatMap((f) => [`${f.id}.ndjson`, `${f.id}.ndjson.rejected.ndjson`, `${f.id}.ndjson.progress.json`, `${f.id}.ndjson.progress.json.tmp`]),
]);

/**
 * Makes `dir` ready for the demo files: created when missing; refused when it is a file, or a folder
 * holding other things than an earlier demo (one with a manifest.json, or only files a demo writes,
 * as an interrupted run leaves them), whose files the demo would overwrite.
 */
export function prepareDemoDir(dir: string): void {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new UserError(`${dir} is a file; give --out a folder (new or empty) for the demo files`);
    entries = readdirSync(dir);
  } catch (e) {
    if (e instanceof UserError) throw e;
    if (!isCode(e, 'ENOENT')) throw new UserError(`cannot use ${dir} for the demo files (${codeOf(e)}); give --out another folder`);
    entries = [];
  }
  if (entries.length > 0 && !entries.includes(MANIFEST) && !entries.every((n) => DEMO_NAMES.has(n))) {
    throw new UserError(`${dir} is not empty and holds no earlier demo (no ${MANIFEST}); give --out a new or empty folder, so no file of yours is overwritten`);
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UserError(`cannot create ${dir} for the demo files (${codeOf(e)}); give --out a folder you can write to`);
  }
}

const codeOf = (e: unknown): string => (typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : String(e));
const isCode = (e: unknown, code: string): boolean => codeOf(e) === code;
