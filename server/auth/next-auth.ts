// Browser sign-in: next-auth with email-or-username credentials, stateless JWT sessions signed with APP_SECRET.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getServerSession } from 'next-auth';
import { decode } from 'next-auth/jwt';
import { verifyCredentials } from '../domain/identity/authenticate';
import { env } from '../env';
import { clientIp } from '../client-ip';
import { AppError } from '../errors';
import { db } from '../db';
import { issuedAfterCredentialChange } from '../domain/identity/end-sessions';
import { hasSessionCookie, sessionTokenOf } from './session-cookie';

/** Thrown by the jwt callback for a session that ended; next-auth then answers "signed out" and clears the cookie. */
class SessionEnded extends Error {
  constructor() {
    super('The session ended: the password changed since it began');
  }
}

export const authOptions: NextAuthOptions = {
  // next-auth logs a session the jwt callback ends as an error; an ended session is expected, not an error.
  logger: {
    error(code, metadata) {
      const cause = (metadata as { error?: unknown } | undefined)?.error ?? metadata;
      if (code === 'JWT_SESSION_ERROR' && cause instanceof SessionEnded) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
  // A getter, so `next build` can load this module without the runtime secret.
  get secret() {
    return env().APP_SECRET;
  },
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { login: { label: 'Email or username', type: 'text' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        if (!credentials?.login || !credentials.password) return null;
        try {
          const user = await verifyCredentials({ login: credentials.login, password: credentials.password, ip: clientIp(req?.headers ?? {}) });
          return user ? { id: user.id, email: user.email, name: `${user.firstName} ${user.lastName}` } : null;
        } catch (error) {
          // next-auth hands a thrown message to the sign-in form: only ours may reach it.
          throw new Error(error instanceof AppError && error.code === 'rate_limited' ? error.message : 'Signing in failed; try again in a moment');
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        // When this sign-in happened (ms): a password change or reset after it ends the session.
        token.authAt = Date.now();
        return token;
      }
      // SECURITY: every read of the session — the app's pages and tRPC, and next-auth's own GET /api/auth/session —
      // passes here. A session begun before the password last changed (or whose account is gone) ends: next-auth
      // answers it as signed out and clears the cookie.
      const user_ = token.sub ? await db.user.findUnique({ where: { id: token.sub }, select: { credentialsChangedAt: true } }) : null;
      if (!user_ || !issuedAfterCredentialChange(token.authAt as number | undefined, user_.credentialsChangedAt)) throw new SessionEnded();
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, authAt: token.authAt };
    },
  },
};

/**
 * The signed-in user and when they signed in (ms), in a server component, route handler or tRPC context; null when
 * signed out, when the account is gone, or when the password changed after this session began (sessions are stateless
 * JWTs: the jwt callback's check ends them). Needs Next's request scope (getServerSession reads next/headers): for
 * pages, server components and the (app) routes Next serves — never under /api/v1 or /api/trpc, which the direct
 * dispatcher serves outside it (they use sessionOf). `req`, where there is one: a request without a session cookie is
 * signed out, known without next-auth's session round.
 */
export async function currentSession(req?: Request): Promise<{ userId: string; authAt: number | undefined } | null> {
  if (req && !hasSessionCookie(req.headers.get('cookie'))) return null;
  const session = (await getServerSession(authOptions)) as { userId?: string; authAt?: number } | null;
  if (!session?.userId) return null;
  return { userId: session.userId, authAt: session.authAt };
}

/**
 * Who a request's session cookie names and when they signed in, from the cookie alone: the token's signature and
 * expiry are checked, the account is NOT — for callers that check it next, as resolveUserContext does with `issuedAt`
 * (a deleted account, or a password changed after `authAt`, is refused there). The browser's doors (tRPC, the app's
 * upload routes) read sessions this way: one account read a request instead of two, and no need of Next's request
 * scope, so the direct dispatcher can serve them. A token without `authAt` (none is issued) reads as signed out.
 */
export async function sessionOf(req: Request): Promise<{ userId: string; authAt: number } | null> {
  const token = sessionTokenOf(req.headers.get('cookie'));
  if (!token) return null;
  const known = decodedTokens.get(token);
  if (known && Date.now() < known.validUntil) return { userId: known.userId, authAt: known.authAt };
  const payload = await decode({ token, secret: authOptions.secret as string }).catch(() => null);
  if (typeof payload?.sub !== 'string' || typeof payload.authAt !== 'number') return null;
  if (typeof payload.exp === 'number') {
    if (decodedTokens.size >= DECODED_TOKENS_KEPT) decodedTokens.delete(decodedTokens.keys().next().value!);
    // As long as decode itself would accept it: until `exp`, with its 15 seconds of clock tolerance.
    decodedTokens.set(token, { userId: payload.sub, authAt: payload.authAt, validUntil: (payload.exp + 15) * 1000 });
  }
  return { userId: payload.sub, authAt: payload.authAt };
}

/**
 * Tokens this process has decoded, by their exact text: a browser sends the same token with every request, and
 * decoding it (key derivation and AES-GCM, ~0.3 ms of CPU) told us nothing new the second time. Only a token that
 * decoded is kept, and only until it expires; the account is still checked on every request (resolveUserContext),
 * so a deleted account or a changed password is refused as before. Oldest first out past DECODED_TOKENS_KEPT.
 */
const decodedTokens = new Map<string, { userId: string; authAt: number; validUntil: number }>();
const DECODED_TOKENS_KEPT = 5_000;

/** The signed-in user's id (see currentSession); null when signed out. */
export async function currentUserId(req?: Request): Promise<string | null> {
  return (await currentSession(req))?.userId ?? null;
}
