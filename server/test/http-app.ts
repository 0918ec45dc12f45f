// The REST API served over real HTTP in-process, for tests of what only happens on a socket: the edge of
// scripts/serve.ts (server/http/edge.ts: malformed URLs and heads, answers to unread bodies, lingering closes) in front
// of the real route handlers, reached the way Next reaches them (the body a web stream over the request, whose cancel
// destroys the request, and each path parameter decoded).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createEdgeServer, prepareRequest, refuseMalformedUrl } from '../http/edge';
import { routeTable } from './route-table';

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const table = routeTable(undefined, { catchAlls: true });
const modules = new Map<string, Promise<Record<string, unknown>>>();

async function dispatch(req: http.IncomingMessage, res: http.ServerResponse) {
  try {
    const url = new URL(req.url!, 'http://pitchcraft.test');
    const local = url.pathname.replace(/^\/api\/v1/, '');
    const route = table.find((r) => r.pattern.test(local));
    const handler = route && ((await (modules.get(route.file) ?? modules.set(route.file, import(route.file)).get(route.file)!))[req.method!] as Handler | undefined);
    if (!route || !handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no route');
      return;
    }
    const match = local.match(route.pattern)!;
    // As Next does: a parameter that does not decode throws, and Next answers that with a bare 500.
    const params = Object.fromEntries(route.params.map((p, i) => [p, decodeURIComponent(match[i + 1]!)]));
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const body = ['GET', 'HEAD'].includes(req.method!) ? undefined : (Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>);
    const response = await handler(new Request(url, { method: req.method, headers, body, duplex: 'half' } as RequestInit), { params: Promise.resolve(params) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) return void res.end();
    Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>).pipe(res);
  } catch {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('Internal Server Error');
  }
}

export async function startHttpApp(): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const server = createEdgeServer();
  server.on('request', (req, res) => {
    prepareRequest(req, res);
    if (refuseMalformedUrl(req, res)) return;
    void dispatch(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
