// Calls tRPC procedures from server components as the signed-in user, through the same procedures the browser uses.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { currentUserId } from '@/server/auth/next-auth';
import { appRouter } from '@/server/trpc/root';
import { createCallerFactory } from '@/server/trpc/init';

const createCaller = createCallerFactory(appRouter);

/** The signed-in user's caller and profile; sends anyone signed out (or whose account is gone) to /login. */
export async function requireSignedIn(callbackUrl: string) {
  const toLogin = callbackUrl === '/' ? '/login' : `/login?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  // Sessions exist only at request time: never prerender a page that asks who is signed in.
  await connection();
  const userId = await currentUserId();
  if (!userId) redirect(toLogin);
  const caller = createCaller({ userId, requestedOrganizationId: null, requestId: randomUUID(), ip: null });
  const me = await caller.account.me().catch((e: unknown) => {
    if (e instanceof TRPCError && e.code === 'UNAUTHORIZED') return null;
    throw e;
  });
  if (!me) redirect(toLogin);
  return { caller, me };
}
