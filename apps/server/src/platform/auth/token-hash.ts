import { createHash } from 'node:crypto';

/** Tokens and app secrets are high-entropy, so a plain SHA-256 is enough to store them safely (no salt or stretching needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
