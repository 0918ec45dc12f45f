// Sends one request to the real route handler in-process (as Next would route it) and reads a bounded answer, so a
// streamed response (SSE, a large download) cannot hang the fuzzer.
import { routeTable } from '../route-table';
import type { Answer } from './invariants';

const table = routeTable();
const modules = new Map<string, Promise<Record<string, unknown>>>();

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // Next answers a malformed escape itself; here the handler sees it raw, which is harsher
  }
};

export async function callRoute(req: { method: string; path: string; headers: Record<string, string>; body?: Uint8Array }, limits = { bytes: 256 * 1024, ms: 10_000 }): Promise<Answer> {
  const url = new URL(`http://pitchcraft.test/api/v1${req.path}`);
  const local = url.pathname.replace(/^\/api\/v1/, '');
  const route = table.find((r) => r.pattern.test(local));
  if (!route) throw new Error(`No route file for ${url.pathname}`);
  const match = local.match(route.pattern)!;
  const params = Object.fromEntries(route.params.map((p, i) => [p, decode(match[i + 1]!)]));
  if (!modules.has(route.file)) modules.set(route.file, import(route.file));
  const handler = (await modules.get(route.file)!)[req.method] as Handler | undefined;
  if (!handler) throw new Error(`${route.file} does not answer ${req.method}`);
  const body = req.body && !['GET', 'HEAD'].includes(req.method) ? (req.body as BodyInit) : undefined;
  const res = await withTimeout(handler(new Request(url, { method: req.method, headers: req.headers, body }), { params: Promise.resolve(params) }), limits.ms, `${req.method} ${req.path}`);
  return { status: res.status, headers: res.headers, text: await readBounded(res, limits) };
}

async function readBounded(res: Response, limits: { bytes: number; ms: number }): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const deadline = Date.now() + (res.headers.get('content-type')?.startsWith('text/event-stream') ? 200 : limits.ms);
  try {
    while (size < limits.bytes) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      const next = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(r, left, null))]);
      if (!next || next.done) break;
      chunks.push(next.value);
      size += next.value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
