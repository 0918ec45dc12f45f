// tRPC for the browser: the context comes from the same resolver as REST, and every procedure must name its access.
import { randomUUID } from 'node:crypto';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { currentUserId } from '../auth/next-auth';
import { clientIp } from '../client-ip';
import type { Permission } from '../auth/permissions';
import { resolveUserContext } from '../auth/resolve-context';
import { requirePermission, type Ctx, type OrgCtx } from '../context';
import { normalizeError, toTRPCError, zodToFieldErrors } from '../errors';

export async function createTrpcContext(opts: { req: Request; info?: { connectionParams: Record<string, string | undefined> | null } }) {
  return {
    userId: await currentUserId(),
    // Subscriptions arrive over EventSource, which cannot send headers: the organization comes as a connection param.
    requestedOrganizationId: opts.req.headers.get('x-organization-id') ?? opts.info?.connectionParams?.organizationId ?? null,
    requestId: randomUUID(),
    ip: clientIp(opts.req.headers),
  };
}

type TrpcContext = Awaited<ReturnType<typeof createTrpcContext>>;

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  // Subscriptions (SSE): pings keep idle connections open through proxies; the client reconnects (resuming from its
  // last tracked id) when it hears nothing for longer.
  sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 40_000 } },
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const fieldErrors = cause instanceof ZodError ? zodToFieldErrors(cause) : (normalizeError(cause ?? error).errors ?? null);
    return { ...shape, data: { ...shape.data, fieldErrors, appCode: cause ? normalizeError(cause).code : null } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

// Domain errors (AppError, ZodError, Prisma) become TRPCErrors with the matching code, in one place.
const errorMapping = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && !(result.error.cause instanceof TRPCError) && result.error.code === 'INTERNAL_SERVER_ERROR') {
    return { ...result, error: toTRPCError(result.error.cause ?? result.error) };
  }
  if (!result.ok && result.error.cause instanceof ZodError) {
    return { ...result, error: new TRPCError({ code: 'UNPROCESSABLE_CONTENT', message: 'Some fields need attention', cause: result.error.cause }) };
  }
  return result;
});

const base = t.procedure.use(errorMapping);

/** No sign-in needed (registration). Named loudly so it is never used by accident. */
export const publicProcedure = base;

const signedIn = base.use(async ({ ctx, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Your session has ended. Sign in again to continue.' });
  const appCtx: Ctx = await resolveUserContext({ userId: ctx.userId, requestedOrganizationId: ctx.requestedOrganizationId, requestId: ctx.requestId, ip: ctx.ip }).catch((e: unknown) => {
    throw toTRPCError(e);
  });
  return next({ ctx: { ...ctx, app: appCtx } });
});

/** Any signed-in user, with or without an organization. */
export const userProcedure = signedIn;

/** A signed-in user holding `permission` in the organization named by the x-organization-id header. */
export function orgProcedure(permission: Permission) {
  return signedIn.use(async ({ ctx, next }) => {
    let app: OrgCtx;
    try {
      app = requirePermission(ctx.app, permission);
    } catch (e) {
      throw toTRPCError(e);
    }
    return next({ ctx: { ...ctx, app } });
  });
}
