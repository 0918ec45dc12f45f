// A lighter dispatcher for `/api/v1` and `/api/trpc` in production (scripts/serve.ts, REST_DISPATCH=direct, the
// default; `next` turns it off): a request is matched against the built app routes and handed straight to the compiled
// route file's handler, skipping Next's router, its render server and its per-request async storage. The route files stay the one source: the handlers are
// the very functions Next would call (the compiled module, loaded with Next's own require so its instances — database
// pool, caches — are shared), and route matching, method resolution (HEAD from GET, 405), config headers, compression
// and the way a Response is written back all reuse Next's code. Those handlers read everything from the Request they
// are given (the browser's session too: sessionOf in server/auth/next-auth.ts); a lint rule keeps what needs Next's
// request scope (next/headers, after) out of them. Anything not matched plainly still goes through Next.
import type http from 'node:http';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

type Params = Record<string, string | string[]>;
type Handler = (req: Request, context: { params: Promise<Params> }) => Response | Promise<Response>;
type RouteModule = { ensureUserland(): Promise<void>; resolveHandler(method: string): Handler };
type Route = { page: string; match: (pathname: string) => Params | false; load: () => Promise<RouteModule> };
type ConfigHeaders = { regex: RegExp; headers: Array<{ key: string; value: string }> };
type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

const PREFIXES = ['/api/v1/', '/api/trpc/'];
const served = (path: string) => PREFIXES.some((prefix) => path.startsWith(prefix));
const METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH']);
const RSC_VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch';

/**
 * Returns a request listener that answers what it can and returns true, or returns false for Next to answer.
 * `hostname` and `port` are the ones given to next(): Next builds route handlers' request URLs from them.
 */
export function createDirectDispatch(root: string, hostname: string, port: number): (req: http.IncomingMessage, res: http.ServerResponse) => boolean {
  const distDir = path.join(root, '.next');
  // Next's own modules, through the require Next itself uses (the one of its package), so nothing is loaded twice.
  const nextRequire = createRequire(path.join(root, 'node_modules/next/package.json'));
  const { requirePage } = nextRequire('./dist/server/require.js') as { requirePage(page: string, distDir: string, isAppPath: boolean): Promise<unknown> };
  const { getSortedRoutes } = nextRequire('./dist/shared/lib/router/utils/sorted-routes.js') as { getSortedRoutes(routes: string[]): string[] };
  const { getRouteRegex } = nextRequire('./dist/shared/lib/router/utils/route-regex.js') as { getRouteRegex(route: string): unknown };
  const { getRouteMatcher } = nextRequire('./dist/shared/lib/router/utils/route-matcher.js') as { getRouteMatcher(regex: unknown): (pathname: string) => Params | false };
  const { fromNodeOutgoingHttpHeaders } = nextRequire('./dist/server/web/utils.js') as { fromNodeOutgoingHttpHeaders(h: http.IncomingHttpHeaders): Headers };
  const { NextRequest } = nextRequire('./dist/server/web/spec-extension/request.js') as { NextRequest: typeof Request };
  const { signalFromNodeResponse } = nextRequire('./dist/server/web/spec-extension/adapters/next-request.js') as { signalFromNodeResponse(res: http.ServerResponse): AbortSignal };
  const { sendResponse } = nextRequire('./dist/server/send-response.js') as { sendResponse(req: unknown, res: unknown, response: Response): Promise<void> };
  const { NodeNextRequest, NodeNextResponse } = nextRequire('./dist/server/base-http/node.js') as {
    NodeNextRequest: new (req: http.IncomingMessage) => unknown;
    NodeNextResponse: new (res: http.ServerResponse) => unknown;
  };
  const { formatHostname } = nextRequire('./dist/server/lib/format-hostname.js') as { formatHostname(hostname: string): string };
  const host = `${formatHostname(hostname)}:${port}`;
  const compression = (nextRequire('./dist/compiled/compression') as () => Middleware)();
  const { releaseCompressionStream } = nextRequire('./dist/server/lib/release-compression-stream.js') as { releaseCompressionStream(res: http.ServerResponse): void };

  // The built app routes under /api/v1 and /api/trpc ("/api/v1/organizations/[id]/route" → "/api/v1/organizations/[id]"), most
  // specific first, as Next sorts them.
  const appPaths = JSON.parse(readFileSync(path.join(distDir, 'server/app-paths-manifest.json'), 'utf8')) as Record<string, string>;
  // A route Next prerendered (a static GET, revalidate) is served from its cache by Next, not run: it stays Next's.
  const prerender = JSON.parse(readFileSync(path.join(distDir, 'prerender-manifest.json'), 'utf8')) as { routes: object; dynamicRoutes: object };
  const prerendered = new Set([...Object.keys(prerender.routes), ...Object.keys(prerender.dynamicRoutes)]);
  const pages = Object.keys(appPaths).filter((p) => served(p) && p.endsWith('/route') && !prerendered.has(p.slice(0, -'/route'.length)));
  const byRoute = new Map(pages.map((p) => [p.slice(0, -'/route'.length), p]));
  const routes: Route[] = getSortedRoutes([...byRoute.keys()]).map((route) => {
    const page = byRoute.get(route)!;
    const dynamic = route.includes('[');
    const matcher = dynamic ? getRouteMatcher(getRouteRegex(route)) : null;
    let loaded: Promise<RouteModule> | null = null;
    return {
      page,
      match: (pathname) => (matcher ? matcher(pathname) : pathname === route ? {} : false),
      load: () =>
        (loaded ??= (async () => {
          const mod = (await requirePage(page, distDir, true)) as { routeModule: RouteModule };
          await mod.routeModule.ensureUserland();
          return mod.routeModule;
        })()),
    };
  });
  // next.config.js headers(), as Next applies them (those with has/missing conditions are left to Next).
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'routes-manifest.json'), 'utf8')) as {
    headers: Array<{ regex: string; headers: Array<{ key: string; value: string }>; has?: unknown; missing?: unknown }>;
  };
  const conditional = manifest.headers.filter((h) => h.has || h.missing).map((h) => new RegExp(h.regex));
  const configHeaders: ConfigHeaders[] = manifest.headers.filter((h) => !h.has && !h.missing).map((h) => ({ regex: new RegExp(h.regex), headers: h.headers }));

  const find = (pathname: string): { route: Route; params: Params } | null => {
    for (const route of routes) {
      let params: Params | false;
      try {
        params = route.match(pathname);
      } catch {
        return null; // a parameter Next cannot decode: Next answers it
      }
      if (params) return { route, params };
    }
    return null;
  };

  return (req, res) => {
    const url = req.url!;
    const q = url.indexOf('?');
    const pathname = q < 0 ? url : url.slice(0, q);
    if (!served(pathname) || !METHODS.has(req.method!)) return false;
    // Paths Next would normalize or redirect (trailing slash, empty or dot segments) stay with Next.
    if (pathname.endsWith('/') || pathname.includes('//') || /\/\.\.?(?:\/|$)/.test(pathname)) return false;
    if (conditional.some((re) => re.test(pathname))) return false;
    const found = find(pathname);
    if (!found) return false;
    void serve(req, res, pathname, found.route, found.params);
    return true;
  };

  async function serve(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, route: Route, params: Params) {
    compression(req, res, () => undefined);
    res.once('close', () => {
      if (!res.writableFinished) releaseCompressionStream(res);
    });
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    for (const { regex, headers } of configHeaders) if (regex.test(pathname)) for (const { key, value } of headers) res.setHeader(key, value);
    // What Next's server adds to every app path's response (base-server setVaryHeader).
    res.appendHeader('vary', RSC_VARY);
    try {
      const routeModule = await route.load();
      const handler = routeModule.resolveHandler(req.method!);
      // As Next's initURL (next-server attachRequestMeta): the protocol a proxy says, the host and port Next was given;
      // and, as Next's NextRequestAdapter does, a NextRequest (whose URL names any loopback host "localhost").
      const protocol = String(req.headers['x-forwarded-proto'] ?? '').includes('https') ? 'https' : 'http';
      const signal = signalFromNodeResponse(res);
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && !signal.aborted;
      const request = new NextRequest(`${protocol}://${host}${req.url}`, {
        method: req.method,
        headers: fromNodeOutgoingHttpHeaders(req.headers),
        // undici reads the Node stream as an async iterable of chunks, as it does for Next's own requests.
        ...(hasBody && { body: req as unknown as ReadableStream }),
        duplex: 'half',
        signal,
      } as RequestInit);
      const response = await handler(request, { params: Promise.resolve(params) });
      await sendResponse(new NodeNextRequest(req), new NodeNextResponse(res), response);
    } catch (error) {
      // As Next does for a route handler that throws: logged, and an empty 500.
      console.error(`[rest] ${req.method} ${route.page}:`, error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      } else res.destroy();
    }
  }
}
