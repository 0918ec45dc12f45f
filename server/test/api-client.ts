// Calls the real route handlers in-process with real Requests, as Next would, for integration tests.
import { routeTable } from './route-table';

const table = routeTable();
const modules = new Map<string, Promise<Record<string, unknown>>>();

export type ApiResult<T = any> = { status: number; headers: Headers; body: T; text: string; stream?: ReadableStream<Uint8Array> | null }; // eslint-disable-line @typescript-eslint/no-explicit-any

export type CallOptions = {
  headers?: Record<string, string>;
  json?: unknown;
  body?: BodyInit;
  contentType?: string;
  /** Leave a successful response's body unread (SSE, downloads): it comes back as `stream`. */
  stream?: boolean;
  signal?: AbortSignal;
};

export async function api<T = any>(method: string, pathAndQuery: string, opts: CallOptions = {}): Promise<ApiResult<T>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const url = new URL(`http://pitchcraft.test/api/v1${pathAndQuery}`);
  const route = table.find((r) => r.pattern.test(url.pathname.replace(/^\/api\/v1/, '')));
  if (!route) throw new Error(`No route for ${url.pathname}`);
  const match = url.pathname.replace(/^\/api\/v1/, '').match(route.pattern)!;
  const params = Object.fromEntries(route.params.map((p, i) => [p, decodeURIComponent(match[i + 1]!)]));
  if (!modules.has(route.file)) modules.set(route.file, import(route.file));
  const mod = await modules.get(route.file)!;
  const handler = mod[method] as ((req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) | undefined;
  if (!handler) return { status: 405, headers: new Headers(), body: null as T, text: '' };
  const headers = new Headers(opts.headers);
  let body = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers.set('content-type', 'application/json');
  }
  if (opts.contentType) headers.set('content-type', opts.contentType);
  const res = await handler(new Request(url, { method, headers, body, signal: opts.signal, ...(body instanceof ReadableStream && { duplex: 'half' }) } as RequestInit), { params: Promise.resolve(params) });
  if (opts.stream && res.ok) return { status: res.status, headers: res.headers, body: null as T, text: '', stream: res.body };
  const text = await res.text();
  let parsed: unknown = null;
  if (text && /json/.test(res.headers.get('content-type') ?? '')) parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}
