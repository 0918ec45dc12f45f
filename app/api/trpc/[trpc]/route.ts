import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/trpc/root';
import { createTrpcContext, responseHeadersFor } from '@/server/trpc/init';
import { otherMethods } from '@/server/rest/other-methods';

// GET/POST /api/trpc/* – the browser's tRPC endpoint (session cookie + x-organization-id header)
const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: ({ info }) => createTrpcContext({ req, info }),
    responseMeta: ({ errors }) => ({ headers: responseHeadersFor(errors) }),
  });
export { handler as GET, handler as POST };

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET: handler, POST: handler });
