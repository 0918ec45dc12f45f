// tRPC for the browser: the context comes from the same resolver as REST, and every procedure must name its access.
import { randomUUID } from 'node:crypto';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { sessionOf } from '../auth/next-auth';
import { clientIp } from '../client-ip';
import type { Permission } from '../auth/permissions';
import { resolveUserContext } from '../auth/resolve-context';
import { guestTokenOf, resolveGuestContext } from '../auth/guest-session';
import { requirePermission, type Ctx, type OrgCtx } from '../context';
import { AppError, normalizeError, toTRPCError, zodToFieldErrors } from '../errors';
import { callerKey, enforceRateLimit, resolvePolicy, type RateLimitPolicy, type RateLimitTier } from '../rate-limit';
import { assertStorableInput } from '../storable-input';
import { transformer } from './transformer';

/**
 * `guestToken`: set only for the guest's own client (the x-pitchcraft-guest header, a custom header no cross-site form
 * can send, or the subscription's connection param): the redeemed access link's token from its httpOnly cookie. Such a
 * request sees no member session at all.
 */
export type TrpcContext = { userId: string | null; issuedAt?: number; requestedOrganizationId: string | null; requestId: string; ip: string | null; guestToken?: string | null };

export async function createTrpcContext(opts: { req: Request; info?: { connectionParams: Record<string, string | undefined> | null } }): Promise<TrpcContext> {
  const guest = opts.req.headers.get('x-pitchcraft-guest') === '1' || opts.info?.connectionParams?.guest === '1';
  if (guest) return { userId: null, requestedOrganizationId: null, requestId: randomUUID(), ip: clientIp(opts.req.headers), guestToken: guestTokenOf(opts.req.headers.get('cookie')) ?? '' };
  // The account is checked by resolveUserContext (issuedAt) in every procedure that acts as the user.
  const session = await sessionOf(opts.req);
  return {
    userId: session?.userId ?? null,
    // When the browser signed in: a context resolved again later (an open subscription) ends after a password change.
    issuedAt: session?.authAt,
    // Subscriptions arrive over EventSource, which cannot send headers: the organization comes as a connection param.
    requestedOrganizationId: opts.req.headers.get('x-organization-id') ?? opts.info?.connectionParams?.organizationId ?? null,
    requestId: randomUUID(),
    ip: clientIp(opts.req.headers),
  };
}


/** Per-procedure settings: `rateLimit` names the same tier a REST route gives withApi ('auth' for sign-up, passwords). */
export type ProcedureMeta = { rateLimit?: RateLimitTier | RateLimitPolicy };

const t = initTRPC.context<TrpcContext>().meta<ProcedureMeta>().create({
  transformer,
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

// The same limiter, keys and policies as REST's withApi: a user's budget and an address's budget are one budget,
// whichever door spends it.
const rateLimited = t.middleware(async ({ ctx, meta, next }) => {
  const caller = ctx.userId ? { kind: 'user', id: ctx.userId } : null;
  await enforceRateLimit(callerKey(caller, ctx.ip), resolvePolicy(meta?.rateLimit, caller !== null));
  return next();
});

// What REST refuses in every body (NUL characters, invalid Unicode, absurd nesting) is refused here for every input.
const storableInput = t.middleware(async ({ getRawInput, next }) => {
  assertStorableInput(await getRawInput());
  return next();
});

const base = t.procedure.use(errorMapping).use(rateLimited).use(storableInput);

/** No sign-in needed (registration). Named loudly so it is never used by accident. */
export const publicProcedure = base;

const signedIn = base.use(async ({ ctx, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Your session has ended. Sign in again to continue.' });
  const appCtx: Ctx = await resolveUserContext({ userId: ctx.userId, issuedAt: ctx.issuedAt, requestedOrganizationId: ctx.requestedOrganizationId, requestId: ctx.requestId, ip: ctx.ip }).catch((e: unknown) => {
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

/**
 * Chat: a member holding `permission`, or — from the guest's own client — the external user of a redeemed access link
 * (its permissions hold conversations:chat only, and the conversations domain shows it its own conversations only).
 */
export function chatProcedure(permission: Permission) {
  return base.use(async ({ ctx, next }) => {
    let app: OrgCtx;
    try {
      if (typeof ctx.guestToken === 'string') {
        app = requirePermission(await resolveGuestContext(ctx.guestToken || null, ctx.requestId, ctx.ip), 'conversations:chat');
      } else {
        if (!ctx.userId) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Your session has ended. Sign in again to continue.' });
        app = requirePermission(await resolveUserContext({ userId: ctx.userId, issuedAt: ctx.issuedAt, requestedOrganizationId: ctx.requestedOrganizationId, requestId: ctx.requestId, ip: ctx.ip }), permission);
      }
    } catch (e) {
      throw e instanceof TRPCError ? e : toTRPCError(e);
    }
    return next({ ctx: { ...ctx, app } });
  });
}

/** Headers a failed call carries over HTTP, as REST's: Retry-After (and RateLimit-*) on a 429. */
export function responseHeadersFor(errors: readonly TRPCError[]): Headers {
  const headers = new Headers();
  for (const error of errors) {
    const fromCause = error.cause instanceof AppError ? error.cause.headers : undefined;
    if (error.code === 'TOO_MANY_REQUESTS' && fromCause) for (const [name, value] of Object.entries(fromCause)) headers.set(name, value);
  }
  return headers;
}
