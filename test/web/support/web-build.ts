import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { WEB_ROOT } from '../../../src/server/plugins/web.js';

const REPO = new URL('../../../', import.meta.url).pathname;
const SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts', 'src/core'].map((p) => join(REPO, p));
const LOCK = join(REPO, 'web/.build-lock');

function newest(path: string): number {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), st.mtimeMs);
}

const stale = (): boolean => (statSync(join(WEB_ROOT, 'index.html'), { throwIfNoEntry: false })?.mtimeMs ?? 0) < Math.max(...SOURCES.map(newest));

/**
 * Builds web/dist when it is missing or older than its sources, so the browser tests never run
 * against an old build. Several test files may ask at once: a lock directory lets one build.
 */
export async function ensureWebBuild(): Promise<void> {
  for (let waited = 0; stale(); waited += 200) {
    try {
      mkdirSync(LOCK);
    } catch {
      if (waited > 60_000) throw new Error(`web build lock ${LOCK} held for a minute; remove it if no build is running`);
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    try {
      // A child process: inside vitest NODE_ENV is "test", which would give React's development build.
      if (stale()) {
        await promisify(execFile)(join(REPO, 'node_modules/.bin/vite'), ['build', 'web', '--logLevel', 'warn'], {
          cwd: REPO, env: { ...process.env, NODE_ENV: 'production' },
        });
      }
    } finally {
      rmdirSync(LOCK);
    }
  }
}
