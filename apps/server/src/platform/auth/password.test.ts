import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const h = await hashPassword('correct horse 电池');
    expect(h.startsWith('scrypt$')).toBe(true);
    expect(h).not.toContain('correct');
    expect(await verifyPassword('correct horse 电池', h)).toBe(true);
    expect(await verifyPassword('correct horse', h)).toBe(false);
    expect(await verifyPassword('x', null)).toBe(false);
  });
});
