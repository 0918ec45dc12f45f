// Serves the app through our own node:http server in front of Next's request handler, so every request carries the
// TCP peer address in a header no client can set (route handlers cannot see the socket; per-IP limits need it).
// Usage: tsx scripts/serve.ts [--dev] [--port 3000] [--hostname 0.0.0.0]
import http from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { PEER_HEADER } from '../server/client-ip';
import { runShutdownHooks } from '../server/jobs/shutdown';
import { warmVinDecoder } from '../server/domain/vehicles/vin-decoder-worker';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const dev = args.includes('--dev');
const port = Number(option('port') ?? process.env.PORT ?? 3000);
const hostname = option('hostname');

// How long after listening the VIN decoder starts loading.
const VIN_WARMUP_DELAY_MS = 2000;

const server = http.createServer();
const app = next({ dev, dir: root, hostname: hostname ?? 'localhost', port, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();
const upgrade = app.getUpgradeHandler();
server.on('request', (req, res) => {
  // SECURITY: replaces anything a client sent under this name with the address it actually connected from.
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? '';
  closeIfBodyUnread(req, res);
  void handle(req, res);
});

/**
 * A response that starts while the request body is still arriving means the app refused the rest of it unread (too
 * large, not allowed, ...). The rest would otherwise be read as the client's next request on this keep-alive
 * connection, which then stalls or is reset; `Connection: close` tells the client to use a new one. (withApi drains
 * refused bodies up to a bound first, so for ordinary sizes the body is complete here and the connection stays open.)
 */
function closeIfBodyUnread(req: http.IncomingMessage, res: http.ServerResponse) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: http.ServerResponse, ...args: Parameters<typeof writeHead>) {
    if (!req.complete && !this.headersSent) {
      this.setHeader('Connection', 'close');
      closeLingering(req.socket);
    }
    return writeHead.apply(this, args);
  } as typeof writeHead;
}

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
// Dev mode's hot reload talks over a websocket.
server.on('upgrade', (req, socket, head) => void upgrade(req, socket, head));
server.listen(port, hostname, () => {
  console.log(`[serve] ${dev ? 'development' : 'production'} server on http://${hostname ?? 'localhost'}:${port}`);
  // The VIN decoder loads NHTSA's database (~4 s of one core) in a worker thread. Started a moment after the server
  // is up, so start-up does not wait for it (nor compete with it), and the first customer's VIN does not either. The
  // worker's state lives on globalThis: Next's bundles of the domain use this same thread.
  setTimeout(() => {
    warmVinDecoder().then(
      (ms) => console.log(`[vin] VIN decoder ready (loaded in ${(ms / 1000).toFixed(1)} s, in a worker thread)`),
      (error: unknown) => console.error('[vin] The VIN decoder could not load:', error instanceof Error ? error.message : error),
    );
  }, VIN_WARMUP_DELAY_MS).unref();
});

// Stop taking requests, let in-flight jobs drain (bounded by WORKER_DRAIN_SECONDS), then go.
const drainSeconds = Number(process.env.WORKER_DRAIN_SECONDS) || 20;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    void runShutdownHooks(drainSeconds * 1000 + 2000)
      .then(() => app.close())
      .finally(() => process.exit(0));
  });
}
