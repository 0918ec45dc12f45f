// The browser session read from a request's cookie alone (tRPC, the upload routes, the direct dispatcher): the token's
// name, chunks, signature and expiry as next-auth reads them; the account is the caller's to check (resolveUserContext).
import { encode } from 'next-auth/jwt';
import { describe, expect, it, vi } from 'vitest';
import { sessionOf } from './next-auth';
import { hasSessionCookie, sessionTokenOf } from './session-cookie';

const secret = process.env.APP_SECRET!;
const request = (cookie?: string) => new Request('http://localhost/api/trpc/account.me', { headers: cookie ? { cookie } : {} });

describe('sessionTokenOf', () => {
  it('reads the plain cookie, or its chunks joined in order, and nothing else', () => {
    expect(sessionTokenOf('a=1; next-auth.session-token=abc.def; b=2')).toBe('abc.def');
    expect(sessionTokenOf('next-auth.session-token.1=DEF; x=1; next-auth.session-token.0=abc')).toBe('abcDEF');
    expect(sessionTokenOf('next-auth.session-token.10=c; next-auth.session-token.2=b; next-auth.session-token.0=a')).toBe('abc');
    expect(sessionTokenOf('next-auth.session-tokenX=abc')).toBeNull();
    expect(sessionTokenOf('next-auth.session-token.x=abc')).toBeNull();
    expect(sessionTokenOf('other=next-auth.session-token')).toBeNull();
    expect(sessionTokenOf('next-auth.session-token=%E0%A4%A')).toBeNull();
    expect(sessionTokenOf(undefined)).toBeNull();
    expect(hasSessionCookie('theme=dark')).toBe(false);
  });

  it('reads the __Secure- cookie when NEXTAUTH_URL is https, as next-auth names it', () => {
    const before = process.env.NEXTAUTH_URL;
    process.env.NEXTAUTH_URL = 'https://app.example.com';
    try {
      expect(sessionTokenOf('__Secure-next-auth.session-token=sec; next-auth.session-token=plain')).toBe('sec');
      expect(sessionTokenOf('next-auth.session-token=plain')).toBeNull();
    } finally {
      if (before === undefined) delete process.env.NEXTAUTH_URL;
      else process.env.NEXTAUTH_URL = before;
    }
  });
});

describe('sessionOf', () => {
  it('answers who signed in and when, for a token next-auth issued with our secret', async () => {
    const token = await encode({ token: { sub: 'user-1', authAt: 1_700_000_000_000 }, secret });
    expect(await sessionOf(request(`next-auth.session-token=${token}`))).toEqual({ userId: 'user-1', authAt: 1_700_000_000_000 });
    // Split in chunks as next-auth does past 4 KB.
    const half = Math.floor(token.length / 2);
    expect(await sessionOf(request(`next-auth.session-token.0=${token.slice(0, half)}; next-auth.session-token.1=${token.slice(half)}`))).toEqual({ userId: 'user-1', authAt: 1_700_000_000_000 });
  });

  it('reads as signed out: no cookie, another secret, a tampered or expired token, no sign-in time', async () => {
    expect(await sessionOf(request())).toBeNull();
    const foreign = await encode({ token: { sub: 'user-1', authAt: 1 }, secret: 'another-secret-0123456789abcdef' });
    expect(await sessionOf(request(`next-auth.session-token=${foreign}`))).toBeNull();
    const token = await encode({ token: { sub: 'user-1', authAt: 1 }, secret });
    const tampered = `${token.slice(0, -6)}${token.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`;
    expect(await sessionOf(request(`next-auth.session-token=${tampered}`))).toBeNull();
    const expired = await encode({ token: { sub: 'user-1', authAt: 1 }, secret, maxAge: -60 });
    expect(await sessionOf(request(`next-auth.session-token=${expired}`))).toBeNull();
    const noAuthAt = await encode({ token: { sub: 'user-1' }, secret });
    expect(await sessionOf(request(`next-auth.session-token=${noAuthAt}`))).toBeNull();
  });

  it('reads a token again from memory only until it expires, as decoding it would', async () => {
    const token = await encode({ token: { sub: 'user-2', authAt: 5 }, secret, maxAge: 30 });
    const cookie = `next-auth.session-token=${token}`;
    expect(await sessionOf(request(cookie))).toEqual({ userId: 'user-2', authAt: 5 });
    const now = Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(now + 40_000); // past exp, inside decode's 15 s of tolerance
      expect(await sessionOf(request(cookie))).toEqual({ userId: 'user-2', authAt: 5 });
      vi.setSystemTime(now + 50_000);
      expect(await sessionOf(request(cookie))).toBeNull();
    } finally {
      vi.useRealTimers();
    }
    // A tampered copy of a remembered token is decoded (and refused), not looked up.
    const tampered = `${token.slice(0, -6)}${token.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`;
    expect(await sessionOf(request(`next-auth.session-token=${tampered}`))).toBeNull();
  });
});
