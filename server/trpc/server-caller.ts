// Calls tRPC procedures from server components as the signed-in user, through the same procedures the browser uses.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { dehydrate, QueryClient } from '@tanstack/react-query';
import { TRPCError } from '@trpc/server';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { currentUserId } from '@/server/auth/next-auth';
import { appRouter } from '@/server/trpc/root';
import { createCallerFactory } from '@/server/trpc/init';

const createCaller = createCallerFactory(appRouter);

/** The signed-in user's caller and profile, or null when nobody is signed in (or the account is gone). */
export async function currentSignedIn() {
  // Sessions exist only at request time: never prerender a page that asks who is signed in.
  await connection();
  const userId = await currentUserId();
  if (!userId) return null;
  const caller = createCaller({ userId, requestedOrganizationId: null, requestId: randomUUID(), ip: null });
  const me = await caller.account.me().catch((e: unknown) => {
    if (e instanceof TRPCError && (e.code === 'UNAUTHORIZED' || e.code === 'NOT_FOUND')) return null;
    throw e;
  });
  return me ? { caller, me, userId } : null;
}

/**
 * The signed-in user's caller and profile; sends anyone signed out (or whose account is gone) to /login, to come back
 * to the page they asked for: the whole path and query the proxy recorded, when it lies under `callbackUrl` (the
 * section this check guards), else `callbackUrl` itself. Only a path on this site is ever passed on.
 */
export async function requireSignedIn(callbackUrl: string) {
  const signedIn = await currentSignedIn();
  if (!signedIn) {
    const asked = (await headers()).get('x-pitchcraft-path');
    const within = asked && asked.startsWith('/') && !asked.startsWith('//') && !asked.startsWith('/\\') && (asked === callbackUrl || asked.startsWith(`${callbackUrl}/`) || asked.startsWith(`${callbackUrl}?`));
    const back = within ? asked : callbackUrl;
    redirect(back === '/' ? '/login' : `/login?callbackUrl=${encodeURIComponent(back)}`);
  }
  return signedIn;
}

/**
 * What the app shell and dashboard ask for first, fetched here through the same procedures and handed to the browser's
 * cache, so an organization's pages open with their data instead of skeletons.
 */
export async function prefetchOrganizationShell(opts: { userId: string; organizationId: string }) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } });
  const trpc = createTRPCOptionsProxy({
    router: appRouter,
    queryClient,
    ctx: () => ({ userId: opts.userId, requestedOrganizationId: opts.organizationId, requestId: randomUUID(), ip: null }),
  });
  // A failed prefetch is not an error page: the client shows its own error state and retries.
  // `me` is asked again in this organization: its active organization and manager flag depend on it.
  await Promise.allSettled([
    queryClient.prefetchQuery(trpc.account.me.queryOptions()),
    queryClient.prefetchQuery(trpc.account.organizations.queryOptions()),
    queryClient.prefetchQuery(trpc.organization.get.queryOptions()),
    queryClient.prefetchQuery(trpc.statistics.get.queryOptions()),
    // The dashboard's first card and the settings page's table; every role may read them. Lists with dates are left
    // to the browser, which formats them in the viewer's time zone.
    queryClient.prefetchQuery(trpc.organization.members.queryOptions()),
  ]);
  return dehydrate(queryClient);
}
