import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, missingCost, needsRehash, verifyPassword } from './password.js';

/** A hash as an earlier version stored it: scrypt with the given parameters. */
function storedWith(password: string, n: number, r: number, p: number): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 32, { N: n, r, p, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${n}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

describe('password hashes', () => {
  it('are made with N = 2^15, r = 8, p = 3 and verify only the password they were made from', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored).toMatch(/^scrypt\$32768\$8\$3\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horsf', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('still verify a hash stored with the earlier, weaker parameters, and say it is to be made again', async () => {
    const old = storedWith('correct horse', 32_768, 8, 1);
    expect(await verifyPassword('correct horse', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(storedWith('x', 16_384, 8, 6))).toBe(true); // as much work, but half the memory
    expect(needsRehash('bcrypt$whatever')).toBe(true);
  });

  it('says what work an older hash lacks, so a wrong password against it can take as long as against a current one', async () => {
    expect(missingCost(storedWith('x', 32_768, 8, 1))).toEqual({ N: 32_768, r: 8, p: 2 });
    expect(missingCost(storedWith('x', 16_384, 8, 1))).toEqual({ N: 32_768, r: 8, p: 3 }); // 2.5 of today's p, rounded
    expect(missingCost(await hashPassword('x'))).toBeNull();
    expect(missingCost('bcrypt$whatever')).toEqual({ N: 32_768, r: 8, p: 3 });
  });
});
