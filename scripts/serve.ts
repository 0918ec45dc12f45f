// Serves the app through our own node:http server in front of Next's request handler, so every request carries the
// TCP peer address in a header no client can set (route handlers cannot see the socket; per-IP limits need it), and
// what Next never sees (a malformed URL or request head, a response to an unread body) is handled at the edge
// (server/http/edge.ts).
// Usage: tsx scripts/serve.ts [--dev] [--port 3000] [--hostname 0.0.0.0]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { createEdgeServer, prepareRequest, refuseMalformedUrl } from '../server/http/edge';
import { runShutdownHooks } from '../server/jobs/shutdown';
import { warmVinDecoder } from '../server/domain/vehicles/vin-decoder-worker';
import { createDirectDispatch } from '../server/http/direct-dispatch';

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

// Request heads up to MAX_HEADER_BYTES reach the app, so a long URL is answered by it (414) rather than by Node (bare 431).
const server = createEdgeServer();
const app = next({ dev, dir: root, hostname: hostname ?? 'localhost', port, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();
const upgrade = app.getUpgradeHandler();
// REST_DISPATCH (production only): `direct`, the default, answers /api/v1 and /api/trpc requests with their compiled
// route handlers straight away (server/http/direct-dispatch.ts); `next` sends them through Next's router like pages.
const dispatch = process.env.REST_DISPATCH || 'direct';
if (dispatch !== 'direct' && dispatch !== 'next') {
  console.error(`[serve] REST_DISPATCH must be "direct" or "next", not ${JSON.stringify(dispatch)}`);
  process.exit(1);
}
const direct = !dev && dispatch === 'direct' ? createDirectDispatch(root, hostname ?? 'localhost', port) : null;
if (direct) console.log('[serve] /api/v1 and /api/trpc are answered by their route handlers directly (REST_DISPATCH=direct)');
server.on('request', (req, res) => {
  prepareRequest(req, res);
  // A URL Next cannot decode (an invalid percent-escape) or too long is answered here, as problem+json.
  if (refuseMalformedUrl(req, res)) return;
  if (direct?.(req, res)) return;
  void handle(req, res);
});
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
