// The typed tRPC hooks for client components: useTRPC() gives queryOptions/mutationOptions for every procedure.
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@/server/trpc/root';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
