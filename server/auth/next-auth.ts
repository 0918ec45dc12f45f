// Browser sign-in: next-auth with email-or-username credentials, stateless JWT sessions signed with APP_SECRET.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getServerSession } from 'next-auth';
import { verifyCredentials } from '../domain/identity/authenticate';
import { env } from '../env';
import { clientIp } from '../client-ip';
import { AppError } from '../errors';
import { db } from '../db';
import { issuedAfterCredentialChange } from '../domain/identity/end-sessions';

export const authOptions: NextAuthOptions = {
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
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        // When this sign-in happened (ms): a password change or reset after it ends the session.
        token.authAt = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, authAt: token.authAt };
    },
  },
};

/**
 * The browser session's claims as signed: who and when they signed in (ms; 0 for sessions from before it was kept).
 * Not yet checked against the account — currentUserId does that, and tRPC's resolveUserContext with `issuedAt`.
 */
export async function sessionClaims(): Promise<{ userId: string; authAt: number } | null> {
  const session = (await getServerSession(authOptions)) as { userId?: string; authAt?: number } | null;
  return session?.userId ? { userId: session.userId, authAt: session.authAt ?? 0 } : null;
}

/**
 * The signed-in user's id in a server component or route handler; null when signed out, when the account is gone, or
 * when the password changed after this session began (sessions are stateless JWTs: this check ends them).
 */
export async function currentUserId(): Promise<string | null> {
  const claims = await sessionClaims();
  if (!claims) return null;
  const user = await db.user.findUnique({ where: { id: claims.userId }, select: { credentialsChangedAt: true } });
  if (!user || !issuedAfterCredentialChange(claims.authAt, user.credentialsChangedAt)) return null;
  return claims.userId;
}
