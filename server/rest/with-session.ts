// Wraps the few browser routes that are not tRPC (streamed downloads such as CSV exports): the signed-in user acting
// in the organization of the URL, with a permission required, and errors as problem+json.
import { randomUUID } from 'node:crypto';
import { currentUserId } from '../auth/next-auth';
import type { Permission } from '../auth/permissions';
import { resolveUserContext } from '../auth/resolve-context';
import { clientIp } from '../client-ip';
import { requirePermission, type OrgCtx } from '../context';
import { AppError, toProblem } from '../errors';
import type { ApiResponse } from './respond';

type Params = { org: string };

export function withSession(permission: Permission, handler: (args: { ctx: OrgCtx; url: URL }) => Promise<ApiResponse>) {
  return async (req: Request, route: { params: Promise<Params> }): Promise<Response> => {
    const requestId = randomUUID();
    try {
      const userId = await currentUserId(req);
      if (!userId) throw new AppError('unauthenticated', { message: 'Sign in first' });
      const { org } = await route.params;
      const ctx = requirePermission(await resolveUserContext({ userId, requestedOrganizationId: org, requestId, ip: clientIp(req.headers) }), permission);
      const result = await handler({ ctx, url: new URL(req.url) });
      const headers = new Headers({ 'Cache-Control': 'no-store', 'X-Request-Id': requestId, ...result.headers });
      if (result.raw !== undefined) {
        headers.set('Content-Type', result.contentType ?? 'application/octet-stream');
        return new Response(result.raw, { status: result.status, headers });
      }
      headers.set('Content-Type', 'application/json');
      return new Response(JSON.stringify(result.body), { status: result.status, headers });
    } catch (err) {
      const problem = toProblem(err, requestId);
      return new Response(JSON.stringify(problem.body), { status: problem.status, headers: { 'Content-Type': 'application/problem+json', 'X-Request-Id': requestId, ...problem.headers } });
    }
  };
}
