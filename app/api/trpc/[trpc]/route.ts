import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/trpc/root';
import { createTrpcContext } from '@/server/trpc/init';

// GET/POST /api/trpc/* – the browser's tRPC endpoint (session cookie + x-organization-id header)
const handler = (req: Request) => fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter, createContext: ({ info }) => createTrpcContext({ req, info }) });
export { handler as GET, handler as POST };
