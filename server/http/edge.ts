// The app's edge at the Node HTTP layer (scripts/serve.ts), for what never reaches a route handler: a URL Next cannot
// decode (an invalid percent-escape) or too long to take, a request head Node's parser refuses, and a response sent
// before its request body was read. Each is answered as problem+json (API.md §1), never a bare status or a 500.
import http from 'node:http';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { API_CONTENT_SECURITY_POLICY } from '../content-security-policy';
import { AppError, toProblem } from '../errors';
import { PEER_HEADER } from '../client-ip';

/** The longest URL taken (path and query); longer is a 414. Node reads request heads up to MAX_HEADER_BYTES. */
export const MAX_URL_BYTES = 16 * 1024;
export const MAX_HEADER_BYTES = 64 * 1024;

function problemResponse(error: AppError, extraHeaders: Record<string, string> = {}) {
  const requestId = randomUUID();
  const problem = toProblem(error, requestId);
  const body = JSON.stringify(problem.body);
  return {
    status: problem.status,
    body,
    headers: {
      'Content-Type': 'application/problem+json',
      'Content-Length': String(Buffer.byteLength(body)),
      'Cache-Control': 'no-store',
      'Content-Security-Policy': API_CONTENT_SECURITY_POLICY,
      'X-Request-Id': requestId,
      ...problem.headers,
      ...extraHeaders,
    },
  };
}

/**
 * How long an idle keep-alive connection stays open. Node's 5 s (closed at about 6) races a client that reuses the
 * connection at that moment: its request meets the close and fails with ECONNRESET (a load balancer keeping
 * connections for 60 s meets it as 502s). Longer than the usual idle timeouts of proxies and client pools (60 s), so
 * the client, not the server, is the side that lets an idle connection go.
 */
export const KEEP_ALIVE_MS = 65_000;

/** The app's HTTP server: request heads up to MAX_HEADER_BYTES, long keep-alive, unparsable heads answered as problem+json. */
export function createEdgeServer(): http.Server {
  const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES, headersTimeout: KEEP_ALIVE_MS + 1_000 });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.on('clientError', answerClientError);
  return server;
}

/** The reason a request line cannot be served, or null: too long, or a path Next would fail to decode. */
export function malformedUrl(url: string | undefined): AppError | null {
  if (!url) return new AppError('bad_request', { message: 'The request has no URL' });
  if (Buffer.byteLength(url) > MAX_URL_BYTES) return new AppError('uri_too_long', { message: `The URL is longer than ${MAX_URL_BYTES / 1024} KB; send long input in a request body` });
  const path = url.split('?', 1)[0]!;
  for (const segment of path.split('/')) {
    try {
      decodeURIComponent(segment);
    } catch {
      return new AppError('bad_request', { message: 'The URL path holds an invalid percent-escape (each % must start a UTF-8 escape such as %C3%A9)' });
    }
  }
  return null;
}

/** Answers a request whose URL cannot be served (true), before it reaches Next; false lets it through. */
export function refuseMalformedUrl(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const error = malformedUrl(req.url);
  if (!error) return false;
  const { status, body, headers } = problemResponse(error);
  res.writeHead(status, headers).end(req.method === 'HEAD' ? undefined : body);
  return true;
}

/**
 * A request head Node's parser refuses (header block past MAX_HEADER_BYTES, malformed syntax) is answered as
 * problem+json and the connection closed, instead of Node's bare 431/400.
 */
export function answerClientError(error: NodeJS.ErrnoException & { rawPacket?: unknown }, socket: Socket): void {
  if (!socket.writable || (socket as Socket & { _httpMessage?: unknown })._httpMessage) {
    socket.destroy();
    return;
  }
  const appError =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new AppError('header_fields_too_large', { message: `The request head (URL and headers) is larger than ${MAX_HEADER_BYTES / 1024} KB` })
      : new AppError('bad_request', { message: 'The request could not be parsed as HTTP/1.1' });
  const { status, body, headers } = problemResponse(appError, { Connection: 'close' });
  const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  socket.end(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n${head}\r\n${body}`);
}

/** Prepares every request: the peer address in a header no client can set, and a clean close for unread bodies. */
export function prepareRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
  // SECURITY: replaces anything a client sent under this name with the address it actually connected from.
  req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? '';
  closeIfBodyUnread(req, res);
  applyStatusOverride(res);
}

/**
 * A page cannot choose its status code, and Next drops the status of a proxy rewrite: proxy.ts names the status of a
 * page it rewrote in this response header (an expired access link's page is 410), and it is applied here, once, on a
 * 200 answer only, and never sent to the client.
 */
export const STATUS_OVERRIDE_HEADER = 'x-pitchcraft-status';
const OVERRIDABLE = new Set([404, 410]);

function applyStatusOverride(res: http.ServerResponse) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: http.ServerResponse, ...args: Parameters<typeof writeHead>) {
    const wanted = Number(this.getHeader(STATUS_OVERRIDE_HEADER));
    if (this.hasHeader(STATUS_OVERRIDE_HEADER)) this.removeHeader(STATUS_OVERRIDE_HEADER);
    if (OVERRIDABLE.has(wanted) && args[0] === 200) {
      args[0] = wanted;
      // writeHead(status, message, headers): the message belonged to 200.
      if (typeof args[1] === 'string') args.splice(1, 1);
    }
    return writeHead.apply(this, args);
  } as typeof writeHead;
}

/**
 * A response that starts while the request body is still arriving means the app refused the rest of it unread (too
 * large, not allowed, ...). The rest would otherwise be read as the client's next request on this keep-alive
 * connection, which then stalls or is reset; `Connection: close` tells the client to use a new one. (withApi drains
 * refused bodies up to a bound first, so for ordinary sizes the body is complete here and the connection stays open.)
 */
function closeIfBodyUnread(req: http.IncomingMessage, res: http.ServerResponse) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: http.ServerResponse, ...args: Parameters<typeof writeHead>) {
    if (!req.complete && hasBody(req) && !this.headersSent) {
      this.setHeader('Connection', 'close');
      // The request may already have let go of its socket (a body the app destroyed): the response's is the one.
      const socket = this.socket ?? req.socket;
      if (socket) closeLingering(socket);
    }
    return writeHead.apply(this, args);
  } as typeof writeHead;
}

/** Whether the request comes with a body at all (a GET without one is complete once its head is read). */
const hasBody = (req: http.IncomingMessage) => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

const LINGER_MS = 10_000;
const LINGER_IDLE_MS = 500;
const LINGER_BYTES = 64 * 1024 * 1024;

/**
 * Closing a socket while the client is still sending makes the kernel answer its data with a reset, which can
 * destroy our answer in the client's buffers before it is read. So, once the answer is out, this socket only takes
 * (and drops) what the client still sends, and closes when the client closes its side or goes quiet for
 * LINGER_IDLE_MS — or, at the latest, after LINGER_MS or LINGER_BYTES. (Node would close at once: it calls
 * destroySoon after a `Connection: close` response.)
 */
function closeLingering(socket: Socket) {
  socket.destroySoon = function lingeringClose(this: Socket) {
    this.end();
    this.removeAllListeners('data'); // the HTTP parser's: nothing more on this connection is a request
    let seen = 0;
    const close = () => this.destroy();
    const deadline = setTimeout(close, LINGER_MS);
    let idle = setTimeout(close, LINGER_IDLE_MS);
    this.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > LINGER_BYTES) return close();
      clearTimeout(idle);
      idle = setTimeout(close, LINGER_IDLE_MS);
    });
    this.once('end', close);
    this.once('close', () => (clearTimeout(deadline), clearTimeout(idle)));
    this.resume();
  };
}
