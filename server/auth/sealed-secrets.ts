// Secrets the server must read back later (an invite's link, for a manager to copy again), sealed with AES-256-GCM
// under a key derived from APP_SECRET for one purpose each. SECURITY: a sealed value opens only with the same
// APP_SECRET and purpose; a changed secret, a tampered or a foreign value opens to null, never to garbage.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { env } from '../env';

export type SealPurpose = 'invite-link' | 'provider-secret' | 'access-link';

// Derived once per secret and purpose: opening a provider's password runs for every message a worker delivers.
const keys = new Map<string, Buffer>();
function keyFor(purpose: SealPurpose): Buffer {
  const secret = env().APP_SECRET;
  const id = `${purpose}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'pitchcraft-sealed-secrets', purpose, 32));
    keys.set(id, key);
  }
  return key;
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url. */
export function seal(plaintext: string, purpose: SealPurpose): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(purpose), iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function open(sealed: string | null | undefined, purpose: SealPurpose): string | null {
  const [version, iv, tag, data] = (sealed ?? '').split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(purpose), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
