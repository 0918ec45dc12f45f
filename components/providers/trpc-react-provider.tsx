'use client';
// A query cache and tRPC client bound to one organization: every request carries its id in x-organization-id.
// Each organization gets its own cache (the provider is keyed by it), so data of one tenant never shows in another.
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, TRPCClientError } from '@trpc/client';
import { useState, type ReactNode } from 'react';
import superjson from 'superjson';
import type { AppRouter } from '@/server/trpc/root';
import { isSigningOut } from '@/components/auth/sign-out';
import { TRPCProvider } from './trpc';

const NO_RETRY = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST', 'UNPROCESSABLE_CONTENT', 'CONFLICT']);

// A session that ended elsewhere (signed out in another tab, account removed) sends the user back to sign in.
// A guest whose link's access ended goes back to its chat page, which says so. A tab signing out goes to /login on its
// own: a query refused in the meantime must not send it to /login?callbackUrl=… instead (the last navigation wins).
const onUnauthorized = (guest: boolean) => (error: unknown) => {
  if (typeof window === 'undefined' || isSigningOut()) return;
  if (error instanceof TRPCClientError && error.data?.code === 'UNAUTHORIZED') {
    window.location.assign(guest ? '/chat' : `/login?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
  }
};

function makeQueryClient(guest: boolean) {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onUnauthorized(guest) }),
    mutationCache: new MutationCache({ onError: onUnauthorized(guest) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => !(error instanceof TRPCClientError && NO_RETRY.has(error.data?.code)) && failures < 2,
      },
      // Offline, a save fails at once with a clear message (see readServerError) instead of waiting, paused,
      // behind a spinner until the connection returns.
      mutations: { networkMode: 'always' },
    },
  });
}

/**
 * `guest`: the client of an external user who arrived by an access link (/chat). Its requests say so (a header, or a
 * connection param for the event stream), and the server then reads the guest cookie only, for chat procedures only.
 */
export function TRPCReactProvider({ organizationId, guest = false, children }: { organizationId: string | null; guest?: boolean; children: ReactNode }) {
  const [queryClient] = useState(() => makeQueryClient(guest));
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === 'subscription',
          // Live events over SSE; EventSource sends no headers, so the organization travels as a connection param.
          true: httpSubscriptionLink({ url: '/api/trpc', transformer: superjson, connectionParams: () => (guest ? { guest: '1' } : organizationId ? { organizationId } : {}) }),
          false: httpBatchLink({
            url: '/api/trpc',
            transformer: superjson,
            headers: () => (guest ? { 'x-pitchcraft-guest': '1' } : organizationId ? { 'x-organization-id': organizationId } : {}),
          }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
