import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './support/run-cli.js';

describe('a PostgreSQL --db that cannot be reached', () => {
  it('is reported as a connection failure at its address, not as a failed migration', async () => {
    // Nothing listens on port 1: the connection is refused at once.
    const r = await runCli(['--db', 'postgres://127.0.0.1:1/x', 'furnisher', 'list'], { cwd: tempDir('unreachable') });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('cannot connect to PostgreSQL at 127.0.0.1:1: connection refused');
    expect(r.stderr).not.toContain('migration');
  });
});
