import { describe, expect, it } from 'vitest';
import { open, seal } from './sealed-secrets';

describe('sealed secrets', () => {
  it('open what was sealed for the same purpose, and nothing else', () => {
    const sealed = seal('inv_abc123', 'invite-link');
    expect(sealed).not.toContain('inv_abc123');
    expect(open(sealed, 'invite-link')).toBe('inv_abc123');
    // Every seal is different (a fresh IV), and a flipped byte or a stranger's value opens to null.
    expect(seal('inv_abc123', 'invite-link')).not.toBe(sealed);
    const [v, iv, tag, data] = sealed.split('.');
    const flipped = Buffer.from(data!, 'base64url');
    flipped[0]! ^= 1;
    expect(open([v, iv, tag, flipped.toString('base64url')].join('.'), 'invite-link')).toBeNull();
    for (const bad of [null, '', 'v1', 'v2.a.b.c', 'not-sealed']) expect(open(bad, 'invite-link')).toBeNull();
  });
});
