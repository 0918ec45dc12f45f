// One limiter for both doors: tRPC procedures draw from the same budgets, by the same keys and policies, as REST
// routes, and the browser's sign-in draws from the same per-address budget as POST /auth/token.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { api } from '../test/api-client';
import { PASSWORD, randomIp, registerAndLogin, uniqueEmail } from '../test/factories';
import { createCallerFactory, responseHeadersFor } from './init';
import { appRouter } from './root';

const caller = (ip: string, userId: string | null = null) => createCallerFactory(appRouter)({ userId, requestedOrganizationId: null, requestId: randomUUID(), ip });
const signUp = () => ({ email: uniqueEmail('limit'), password: PASSWORD, firstName: 'Rate', lastName: 'Limit' });
const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as TRPCError);

beforeAll(() => {
  // Read at request time by env(), before anything in this file has asked for it.
  vi.stubEnv('RATE_LIMIT_AUTH_PER_MINUTE', '3');
  vi.stubEnv('RATE_LIMIT_PER_MINUTE', '5');
  return () => vi.unstubAllEnvs();
});

describe('sign-up (the auth tier, per address)', () => {
  it('a budget spent on POST /auth/register refuses account.register from the same address', async () => {
    const ip = randomIp();
    for (let i = 0; i < 3; i++) expect((await api('POST', '/auth/register', { json: signUp(), headers: { 'x-pitchcraft-peer': ip } })).status).toBe(201);
    const refused = await refusal(caller(ip).account.register(signUp()));
    expect(refused).toBeInstanceOf(TRPCError);
    expect(refused?.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(responseHeadersFor([refused!]).get('retry-after'))).toBeGreaterThan(0);
    // Another address is not affected.
    expect(await caller(randomIp()).account.register(signUp())).toMatchObject({ email: expect.any(String) });
  });

  it('a budget spent on account.register refuses POST /auth/register', async () => {
    const ip = randomIp();
    for (let i = 0; i < 3; i++) await caller(ip).account.register(signUp());
    expect(await refusal(caller(ip).account.register(signUp()))).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    const rest = await api('POST', '/auth/register', { json: signUp(), headers: { 'x-pitchcraft-peer': ip } });
    expect(rest.status).toBe(429);
    expect(rest.body.code).toBe('rate_limited');
  });
});

describe('signed-in procedures (per user)', () => {
  it('account.changePassword shares the auth tier with POST /auth/change-password', async () => {
    const u = await registerAndLogin('pw-limit');
    for (let i = 0; i < 3; i++) expect((await api('POST', '/auth/change-password', { json: { password: 'wrong password', newPassword: 'another long one' }, headers: u.bearer })).status).toBe(422);
    expect(await refusal(caller(randomIp(), u.userId).account.changePassword({ password: PASSWORD, newPassword: 'another long one' }))).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it('every procedure draws from the user’s default budget, shared with REST', async () => {
    const u = await registerAndLogin('default-limit');
    for (let i = 0; i < 5; i++) expect((await api('GET', '/me', { headers: u.bearer })).status).toBe(200);
    expect(await refusal(caller(randomIp(), u.userId).account.me())).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});

describe("next-auth's credentials callback (per address)", () => {
  const signIn = (ip: string) =>
    import('../../app/api/auth/[...nextauth]/route').then(({ POST }) =>
      POST(new Request('http://pitchcraft.test/api/auth/callback/credentials', { method: 'POST', headers: { 'x-pitchcraft-peer': ip, 'content-type': 'application/x-www-form-urlencoded' }, body: 'login=a&password=b' }), {
        params: Promise.resolve({ nextauth: ['callback', 'credentials'] }),
      }),
    );

  it('past the budget answers 429 problem+json, with the url next-auth’s client shows the message from', async () => {
    const { refuseSignInOverBudget } = await import('../auth/sign-in-limit');
    const ip = randomIp();
    const attempt = () => refuseSignInOverBudget(new Request('http://pitchcraft.test/api/auth/callback/credentials', { method: 'POST', headers: { 'x-pitchcraft-peer': ip } }));
    for (let i = 0; i < 3; i++) expect(await attempt()).toBeNull();
    const res = await signIn(ip);
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = await res.json();
    expect(body).toMatchObject({ code: 'rate_limited', detail: expect.stringMatching(/^Too many sign-in attempts from this address; try again in \d+ s$/) });
    expect(new URL(body.url).searchParams.get('error')).toBe(body.detail);
  });

  it('shares the address’s budget with POST /auth/token', async () => {
    const { refuseSignInOverBudget } = await import('../auth/sign-in-limit');
    const ip = randomIp();
    for (let i = 0; i < 3; i++) expect((await api('POST', '/auth/token', { json: { email: uniqueEmail('spray'), password: 'guess' }, headers: { 'x-pitchcraft-peer': ip } })).status).toBe(401);
    const refused = await refuseSignInOverBudget(new Request('http://pitchcraft.test/api/auth/callback/credentials', { method: 'POST', headers: { 'x-pitchcraft-peer': ip } }));
    expect(refused?.status).toBe(429);
    // Only the credentials callback is limited this way: reading the session or the CSRF token is not a guess.
    expect(await refuseSignInOverBudget(new Request('http://pitchcraft.test/api/auth/session', { headers: { 'x-pitchcraft-peer': ip } }))).toBeNull();
  });
});
