// Issue 15, defect 10: a browser session ends with a password change at next-auth's own endpoint too. The session
// route of next-auth (GET /api/auth/session, through its AuthHandler with our options) answers a session begun before
// the change as signed out and clears its cookie — not only the app's pages and tRPC.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NextAuthOptions } from 'next-auth';
import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { endAllSessions } from '../domain/identity/end-sessions';
import { registerAndLogin } from '../test/factories';
import { authOptions } from './next-auth';

process.env.NEXTAUTH_URL ??= 'http://localhost:3000';
const COOKIE = 'next-auth.session-token';
// The handler behind next-auth's route (its package does not export it by name): the very code GET /api/auth/session runs.
type Handled = { body?: unknown; cookies?: Array<{ name: string; value: string }> };
const { AuthHandler } = createRequire(import.meta.url)(path.resolve('node_modules/next-auth/core/index.js')) as {
  AuthHandler: (params: { req: Request; options: NextAuthOptions }) => Promise<Handled>;
};

async function sessionEndpoint(cookie: string) {
  const req = new Request('http://localhost:3000/api/auth/session', { headers: { cookie: `${COOKIE}=${cookie}`, host: 'localhost:3000' } });
  const res = await AuthHandler({ req, options: authOptions });
  return { body: res.body as Record<string, unknown> | undefined, cookies: res.cookies ?? [] };
}

describe('GET /api/auth/session after a password change (defect 10)', () => {
  it('returns the user before; nothing, with the cookie cleared, after', async () => {
    const user = await registerAndLogin('na-session');
    const cookie = await encode({ token: { sub: user.userId, authAt: Date.now() - 1000 }, secret: authOptions.secret! });
    const before = await sessionEndpoint(cookie);
    expect(before.body).toMatchObject({ userId: user.userId });

    await db.$transaction((tx) => endAllSessions(tx, user.userId));
    const after = await sessionEndpoint(cookie);
    expect(after.body ?? {}).toEqual({});
    expect(after.cookies.find((c) => c.name === COOKIE)).toMatchObject({ value: '' });

    // A sign-in after the change is a session again.
    const fresh = await encode({ token: { sub: user.userId, authAt: Date.now() + 1000 }, secret: authOptions.secret! });
    expect((await sessionEndpoint(fresh)).body).toMatchObject({ userId: user.userId });
  });
});
