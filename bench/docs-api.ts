// `npm run bench:docs`: how fast the API reference shows its first operation in Chromium (cold cache), against the
// page it replaced — stock Swagger UI with its files sent raw — fed the same OpenAPI document, in the same run. The
// browser console (/docs/api/console, Swagger UI in our frame) is measured too. Needs a production build
// (npx next build) and Debian's Chromium.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import { prepareTestDatabase, stopTestDatabase } from '../scripts/db/test-database';
import { OPEN_BUDGETS, startAppServer } from '../e2e/fixtures/app-server';
import { benchPort } from './ports';

const APP_PORT = benchPort(0);
const STOCK_PORT = benchPort(1);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

// The page /docs/api served before it got the product's frame: stock Swagger UI, files sent raw.
const STOCK_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Pitchcraft API reference</title><link rel="stylesheet" href="/assets/swagger-ui.css" /><style>body{margin:0} .topbar{display:none}</style></head>
<body><div id="swagger-ui"></div><script src="/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true, tryItOutEnabled: false });</script></body></html>`;

async function startStockServer(openapi: string) {
  const files: Record<string, [string, Buffer]> = {
    '/assets/swagger-ui.css': ['text/css', await readFile(path.join(getAbsoluteFSPath(), 'swagger-ui.css'))],
    '/assets/swagger-ui-bundle.js': ['text/javascript', await readFile(path.join(getAbsoluteFSPath(), 'swagger-ui-bundle.js'))],
    '/openapi.json': ['application/json', Buffer.from(openapi)],
    '/': ['text/html; charset=utf-8', Buffer.from(STOCK_HTML)],
  };
  const server = http.createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[0], 'cache-control': 'public, max-age=86400' }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(STOCK_PORT, '127.0.0.1', resolve));
  return server;
}

type Sample = { ms: number; kb: number };

/** One cold load (fresh context, empty cache): navigation start until the first operation is drawn. */
async function coldLoad(browser: Browser, url: string, firstOperation: string): Promise<Sample> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  page.on('response', async (r) => {
    const size = (await r.request().sizes().catch(() => null))?.responseBodySize ?? 0;
    bytes += size;
  });
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator(firstOperation).first().waitFor({ state: 'visible', timeout: 30_000 });
  const ms = performance.now() - started;
  await context.close();
  return { ms, kb: bytes / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const databaseUrl = await prepareTestDatabase('pitchcraft_bench');
const app = await startAppServer({ port: APP_PORT, databaseUrl, quiet: true, env: OPEN_BUDGETS });
const stock = await startStockServer(await (await fetch(`${app.url}/api/v1/openapi.json`)).text());
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const targets = [
    { name: 'Pitchcraft /docs/api (reference)', url: `${app.url}/docs/api`, firstOperation: '.operation' },
    { name: 'Pitchcraft /docs/api/console', url: `${app.url}/docs/api/console`, firstOperation: '.opblock' },
    { name: 'stock Swagger UI, raw files (baseline)', url: `http://127.0.0.1:${STOCK_PORT}/`, firstOperation: '.opblock' },
  ];
  for (const t of targets) await coldLoad(browser, t.url, t.firstOperation); // warm the servers and the browser
  const results = targets.map(() => [] as Sample[]);
  // Interleaved, so a busy moment on the machine hits all alike.
  for (let i = 0; i < RUNS; i++) for (const [j, t] of targets.entries()) results[j]!.push(await coldLoad(browser, t.url, t.firstOperation));

  console.log(`\nCold load of the API reference until the first operation is drawn, median of ${RUNS}\n`);
  console.log(`${'page'.padEnd(40)} ${'ms'.padStart(8)} ${'KB sent'.padStart(9)}`);
  targets.forEach((t, j) => console.log(`${t.name.padEnd(40)} ${median(results[j]!.map((s) => s.ms)).toFixed(0).padStart(8)} ${median(results[j]!.map((s) => s.kb)).toFixed(0).padStart(9)}`));
  const [reference, consolePage, base] = results.map((r) => median(r.map((s) => s.ms))) as [number, number, number];
  console.log(`\nratio (reference / baseline): time ${(reference / base).toFixed(2)}×`);
  console.log(`ratio (console / baseline): time ${(consolePage / base).toFixed(2)}×`);
} finally {
  await browser.close();
  await app.stop();
  stock.close();
  await stopTestDatabase();
}
