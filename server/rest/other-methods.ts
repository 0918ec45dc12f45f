// Answers the HTTP methods a route file does not implement, so a wrong method is a 405 problem+json with `Allow` and
// the usual headers (Next alone answers an empty 405), and OPTIONS lists what the route does implement.
// Every route file ends with `export const { …the rest… } = otherMethods({ GET, POST });` — server/rest/methods.int.test.ts
// walks the route table and fails for a file that forgets.
import { AppError } from '../errors';
import { withApi } from './with-api';

export const API_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type ApiMethod = (typeof API_METHODS)[number];

type RouteHandler<P> = (req: Request, route: { params: Promise<P> }) => Response | Promise<Response>;

export function otherMethods<M extends ApiMethod, P>(implemented: Record<M, RouteHandler<P>>): Record<Exclude<ApiMethod, M> | 'OPTIONS', RouteHandler<P>> {
  const allowed = API_METHODS.filter((m) => m in implemented);
  const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  // The path's parameters are not looked at: the method is wrong whatever the path names.
  const noParams = { params: Promise.resolve({}) };
  const refuse = withApi({ access: 'public', acceptsBody: false }, async ({ req }) => {
    throw new AppError('method_not_allowed', { message: `${req.method} is not allowed here; this path takes ${allowed.join(', ')}`, headers: { Allow: allow } });
  });
  const options = withApi({ access: 'public', acceptsBody: false }, async () => ({ status: 204, headers: { Allow: allow } }));
  const handlers: Partial<Record<ApiMethod | 'OPTIONS', RouteHandler<P>>> = { OPTIONS: (req) => options(req, noParams) };
  for (const method of API_METHODS) if (!allowed.includes(method)) handlers[method] = (req) => refuse(req, noParams);
  return handlers as Record<Exclude<ApiMethod, M> | 'OPTIONS', RouteHandler<P>>;
}
