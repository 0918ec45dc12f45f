// Which address counts as the caller's: the socket peer our server stamps, a trusted proxy's entry, never the client's say.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientIp, PEER_HEADER } from './client-ip';

afterEach(() => vi.unstubAllEnvs());

describe('clientIp', () => {
  it('uses the peer address our server recorded and ignores a forged X-Forwarded-For', () => {
    expect(clientIp(new Headers({ [PEER_HEADER]: '127.0.0.1', 'x-forwarded-for': '6.6.6.6' }))).toBe('127.0.0.1');
    expect(clientIp({ [PEER_HEADER]: '::1' })).toBe('::1');
    expect(clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6' }))).toBeNull();
  });

  it('behind a trusted proxy takes the last X-Forwarded-For entry, the one the proxy appended', () => {
    vi.stubEnv('TRUST_PROXY', 'true');
    expect(clientIp(new Headers({ [PEER_HEADER]: '10.0.0.2', 'x-forwarded-for': '6.6.6.6, 203.0.113.9' }))).toBe('203.0.113.9');
    expect(clientIp(new Headers({ [PEER_HEADER]: '10.0.0.2' }))).toBe('10.0.0.2');
  });
});
