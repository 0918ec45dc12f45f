'use client';
// A query cache and tRPC client bound to one organization: every request carries its id in x-organization-id.
// Each organization gets its own cache (the provider is keyed by it), so data of one tenant never shows in another.
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, TRPCClientError } from '@trpc/client';
import { useState, type ReactNode } from 'react';
import superjson from 'superjson';
import type { AppRouter } from '@/server/trpc/root';
import { TRPCProvider } from './trpc';

const NO_RETRY = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST', 'UNPROCESSABLE_CONTENT', 'CONFLICT']);

// A session that ended elsewhere (signed out in another tab, account removed) sends the user back to sign in.
function onUnauthorized(error: unknown) {
  if (typeof window === 'undefined') return;
  if (error instanceof TRPCClientError && error.data?.code === 'UNAUTHORIZED') {
    window.location.assign(`/login?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
  }
}

function makeQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onUnauthorized }),
    mutationCache: new MutationCache({ onError: onUnauthorized }),
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

export function TRPCReactProvider({ organizationId, children }: { organizationId: string | null; children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === 'subscription',
          // Live events over SSE; EventSource sends no headers, so the organization travels as a connection param.
          true: httpSubscriptionLink({ url: '/api/trpc', transformer: superjson, connectionParams: () => (organizationId ? { organizationId } : {}) }),
          false: httpBatchLink({
            url: '/api/trpc',
            transformer: superjson,
            headers: () => (organizationId ? { 'x-organization-id': organizationId } : {}),
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
