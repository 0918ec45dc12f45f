// The baseline: a bare node:http + pg server answering GET /organizations for an API key with the same queries
// the app runs (key lookup by hash, the organization, the count) and the same envelope, without any framework.
import { createHash } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';

export function startBareServer(databaseUrl: string, port: number): Promise<{ close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // The database is stopped at the end of the run; an idle connection's error then is expected, not a crash.
  pool.on('error', () => undefined);
  const server = http.createServer(async (req, res) => {
    try {
      const key = req.headers['x-api-key'];
      if (typeof key !== 'string') return send(res, 401, { code: 'unauthenticated' });
      const hash = createHash('sha256').update(key).digest('hex');
      const k = await pool.query('SELECT id, "organizationId", "revokedAt", "expiresAt" FROM "ApiKey" WHERE hash = $1', [hash]);
      const row = k.rows[0];
      if (!row || row.revokedAt) return send(res, 401, { code: 'unauthenticated' });
      const [count, orgs] = await Promise.all([
        pool.query('SELECT count(*)::int AS n FROM "Organization" WHERE id = $1', [row.organizationId]),
        pool.query('SELECT id, name, location, image, "baseCurrency", currencies, "createdAt", "updatedAt" FROM "Organization" WHERE id = $1 ORDER BY name, id LIMIT 50', [row.organizationId]),
      ]);
      send(res, 200, { count: count.rows[0].n, next: null, previous: null, results: orgs.rows });
    } catch {
      send(res, 500, { code: 'internal' });
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () =>
      resolve({
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => pool.end().then(() => r()));
          }),
      }),
    );
  });
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

// Run on its own (`tsx bench/bare-organizations-server.ts <database url> <port>`), so a bench can count its CPU apart
// from the load generator's.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [databaseUrl, port] = process.argv.slice(2);
  const server = await startBareServer(databaseUrl!, Number(port));
  console.log('listening');
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
}
