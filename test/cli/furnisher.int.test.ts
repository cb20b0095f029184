import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './support/run-cli.js';

const dir = tempDir('furnisher');
const cli = (...args: string[]): ReturnType<typeof runCli> => runCli(['--db', `sqlite:${join(dir, 'credence.db')}`, ...args], { cwd: dir });

describe('credence furnisher add', () => {
  it('refuses an empty --types list instead of registering a furnisher that may furnish nothing', async () => {
    for (const types of [',', '', ' , ']) {
      const r = await cli('furnisher', 'add', 'empty-court', '--kind', 'court', '--name', 'Empty Court', '--types', types);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/^credence: .*--types.*give at least one record type code/);
    }
    const list = await cli('furnisher', 'list');
    expect(list.stdout).not.toContain('empty-court');
  });

  it('still registers the record types given', async () => {
    const r = await cli('furnisher', 'add', 'narrow-court', '--kind', 'court', '--name', 'Narrow Court', '--types', 'court.civil.breach_of_contract,');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('furnisher narrow-court (court) may furnish: court.civil.breach_of_contract\n');
  });
});
