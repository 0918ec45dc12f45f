// Wraps every REST route: request id, authentication, permission (required: fail closed), rate limit, idempotency,
// body reading and the problem+json rendering of every error.
import { createHash, randomUUID } from 'node:crypto';
import type { Permission } from '../auth/permissions';
import { clientIp } from '../client-ip';
import { API_CONTENT_SECURITY_POLICY } from '../content-security-policy';
import { resolveRestContext, resolveSessionContext } from '../auth/resolve-context';
import { requirePermission, requireUser, type Ctx, type OrgCtx } from '../context';
import { AppError, toProblem } from '../errors';
import { claimIdempotencyKey, completeIdempotencyKey, forReplay, idempotencyScope, type StoredResponse } from './idempotency';
import { callerKey, enforceRateLimit, rateLimitHeaders, resolvePolicy, type RateLimitPolicy, type RateLimitTier, type RateLimitVerdict } from '../rate-limit';
import { discardUnreadBody, readBody, RequestBody } from './request-body';
import { checkPathParams, checkQuery } from './request-address';
import { StreamedBody } from './streamed-body';
import type { ApiResponse } from './respond';

/**
 * Who may call: a permission in the active organization, `'user'` (any signed-in user, no API key),
 * `'authenticated'` (user or API key), `'optional'` (credentials read when sent, else none: the domain decides, e.g.
 * a customer's call token) or `'public'`. There is no default: a route that names none does not compile.
 */
export type Access = Permission | 'user' | 'authenticated' | 'optional' | 'public';

type CtxFor<A extends Access> = A extends 'public' | 'optional' ? Ctx | null : A extends Permission ? OrgCtx : Ctx;

export type HandlerArgs<A extends Access, P> = {
  req: Request;
  url: URL;
  params: P;
  ctx: CtxFor<A>;
  body: RequestBody;
  /** The unread body, for routes declared with `streamBody: true` (uploads); `body` is then empty. */
  upload: StreamedBody;
  requestId: string;
  ip: string | null;
};

export type ApiOptions<A extends Access> = {
  access: A;
  /** Overrides the default per-caller budget: a named tier ('auth' for sign-up and credentials) or an explicit one. */
  rateLimit?: RateLimitTier | RateLimitPolicy;
  /** Largest accepted body in bytes (default 1 MB; for streamed bodies, checked against Content-Length only). */
  maxBodyBytes?: number;
  /** false: the operation takes no body; one that is sent is drained unread (or the connection closed). */
  acceptsBody?: boolean;
  /** A public route that still reads credentials when some are sent (ctx stays null without any; bad ones are 401). */
  identify?: A extends 'public' ? boolean : never;
  /** Hands the body to the handler unread (`upload`), to be streamed to storage instead of buffered. */
  streamBody?: boolean;
  /**
   * `session`: the browser's signed-in session (cookie) instead of a token or API key, for the app's own endpoints
   * outside /api/v1 (uploads). Such requests must carry `x-pitchcraft-csrf: 1`, which no cross-site form can send.
   */
  credentials?: 'token' | 'session';
};

type RouteContext<P> = { params: Promise<P> };

const DEFAULT_MAX_BODY = 1024 * 1024;

export function withApi<A extends Access, P = Record<string, never>>(
  options: ApiOptions<A>,
  handler: (args: HandlerArgs<A, P>) => Promise<ApiResponse>,
): (req: Request, route: RouteContext<P>) => Promise<Response> {
  return async (req, route) => {
    const requestId = req.headers.get('x-request-id')?.match(/^[\w-]{8,64}$/)?.[0] ?? randomUUID();
    const ip = clientIp(req.headers);
    let limit: RateLimitVerdict | null = null;
    let idempotencyId: string | null = null;
    const upload = new StreamedBody(req);
    try {
      let ctx: Ctx | null = null;
      let authError: unknown = null;
      const resolve = options.credentials === 'session' ? resolveSessionContext : resolveRestContext;
      if (options.access !== 'public' || options.identify) ctx = await resolve(req, requestId, ip).catch((e: unknown) => ((authError = e), null));

      // Failed credentials draw from the caller's IP budget, so guessing tokens is rate limited too.
      const rateKey = callerKey(ctx?.actor ?? null, ip);
      limit = await enforceRateLimit(rateKey, resolvePolicy(options.rateLimit, ctx !== null));
      if (authError) throw authError;
      if (options.access !== 'public' && options.access !== 'optional') authorize(options.access, ctx);

      // Malformed ids and query values are refused here, before any handler can hand them to the database.
      const params = ((await route?.params) ?? {}) as P;
      checkPathParams(params as Record<string, unknown>);
      const url = new URL(req.url);
      checkQuery(url);

      const hasBody = options.acceptsBody !== false && !['GET', 'HEAD', 'DELETE'].includes(req.method);
      if (options.streamBody && Number(req.headers.get('content-length') ?? 0) > (options.maxBodyBytes ?? Infinity)) {
        throw new AppError('payload_too_large', { message: `The request body exceeds ${Math.round(options.maxBodyBytes! / 1024 / 1024)} MB` });
      }
      const body = hasBody && !options.streamBody ? await readBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY) : new RequestBody(new Uint8Array(), null);

      const idempotencyKey = req.method === 'POST' ? req.headers.get('idempotency-key') : null;
      if (idempotencyKey) {
        // A streamed body cannot be hashed before it is handled: its declared type (without the multipart boundary,
        // which differs on every retry) and length stand for it.
        const fingerprint = options.streamBody ? `${req.headers.get('content-type')?.split(';')[0] ?? ''} ${req.headers.get('content-length') ?? ''}` : body.bytes;
        const hash = createHash('sha256').update(`${req.method} ${url.pathname}${url.search}\n`).update(fingerprint).digest('hex');
        // SECURITY: scoped to whoever asks (idempotencyScope); the same key from another caller is a new request.
        const claim = await claimIdempotencyKey(idempotencyScope({ ctx, headers: req.headers, requestHash: hash }), idempotencyKey, hash);
        if (claim.kind === 'replay') return render(claim.response, requestId, limit, { 'Idempotent-Replayed': 'true' });
        idempotencyId = claim.id;
      }

      const result = await handler({ req, url, params, ctx: ctx as CtxFor<A>, body, upload, requestId, ip });
      if (result.raw !== undefined) {
        if (idempotencyId) await completeIdempotencyKey(idempotencyId, null);
        return new Response(result.raw, { status: result.status, headers: withCommon({ 'Content-Type': result.contentType ?? 'application/octet-stream', ...result.headers }, requestId, limit) });
      }
      const response: StoredResponse = {
        status: result.status,
        body: result.body === undefined ? '' : JSON.stringify(result.body),
        headers: { ...(result.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...result.headers },
      };
      if (idempotencyId) await completeIdempotencyKey(idempotencyId, forReplay(response, result.body, result.secretFields));
      return render(response, requestId, limit);
    } catch (err) {
      const problem = toProblem(err, requestId);
      // A body refused before or while it was read is still on the wire and would poison the next request on a
      // keep-alive socket: one never started is drained (within bounds); one a streamed handler left part-way, or
      // one too large to drain, closes the connection.
      const leftPartWay = options.streamBody && req.body !== null && req.body.locked && !upload.finished;
      const drained = await discardUnreadBody(req);
      const stored: StoredResponse = {
        status: problem.status,
        body: JSON.stringify(problem.body),
        headers: { 'Content-Type': 'application/problem+json', ...problem.headers, ...((!drained || leftPartWay) && { Connection: 'close' }) },
      };
      if (idempotencyId) await completeIdempotencyKey(idempotencyId, stored).catch(() => undefined);
      return render(stored, requestId, limit);
    }
  };
}

function authorize(access: Exclude<Access, 'public' | 'optional'>, ctx: Ctx | null): void {
  if (!ctx) throw new AppError('unauthenticated', { message: 'Send an access token or an API key', headers: { 'WWW-Authenticate': 'Bearer' } });
  if (access === 'authenticated') return;
  if (access === 'user') {
    requireUser(ctx);
    return;
  }
  requirePermission(ctx, access);
}

function render(stored: StoredResponse, requestId: string, limit: RateLimitVerdict | null, extra: Record<string, string> = {}): Response {
  // 204 and 304 must not carry a body.
  const body = stored.status === 204 ? null : stored.body;
  return new Response(body, { status: stored.status, headers: withCommon({ ...stored.headers, ...extra }, requestId, limit) });
}

function withCommon(headers: Record<string, string>, requestId: string, limit: RateLimitVerdict | null): Headers {
  const h = new Headers(headers);
  h.set('X-Request-Id', requestId);
  h.set('Cache-Control', h.get('Cache-Control') ?? 'no-store');
  h.set('Content-Security-Policy', h.get('Content-Security-Policy') ?? API_CONTENT_SECURITY_POLICY);
  if (limit) for (const [name, value] of Object.entries(rateLimitHeaders(limit))) h.set(name, value);
  return h;
}
