// Serves the app through our own node:http server in front of Next's request handler, so every request carries the
// TCP peer address in a header no client can set (route handlers cannot see the socket; per-IP limits need it).
// Usage: tsx scripts/serve.ts [--dev] [--port 3000] [--hostname 0.0.0.0]
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { PEER_HEADER } from '../server/client-ip';
import { runShutdownHooks } from '../server/jobs/shutdown';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const dev = args.includes('--dev');
const port = Number(option('port') ?? process.env.PORT ?? 3000);
const hostname = option('hostname');

const server = http.createServer();
const app = next({ dev, dir: root, hostname: hostname ?? 'localhost', port, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();
const upgrade = app.getUpgradeHandler();
server.on('request', (req, res) => {
  // SECURITY: replaces anything a client sent under this name with the address it actually connected from.
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? '';
  void handle(req, res);
});
// Dev mode's hot reload talks over a websocket.
server.on('upgrade', (req, socket, head) => void upgrade(req, socket, head));
server.listen(port, hostname, () => console.log(`[serve] ${dev ? 'development' : 'production'} server on http://${hostname ?? 'localhost'}:${port}`));

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
