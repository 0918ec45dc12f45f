// Opaque secrets (API keys, refresh, invite and access-link tokens): random, shown once, stored only as SHA-256.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newSecret(prefix: string, bytes = 24): { secret: string; hash: string; visiblePrefix: string } {
  const secret = `${prefix}_${randomBytes(bytes).toString('base64url')}`;
  return { secret, hash: sha256(secret), visiblePrefix: secret.slice(0, prefix.length + 7) };
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

// SECURITY: constant-time comparison of two hex digests, so a timing oracle cannot reveal a hash byte by byte.
export function sameDigest(a: string, b: string): boolean {
  const ab = Buffer.from(a, 'hex');
  const bb = Buffer.from(b, 'hex');
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
