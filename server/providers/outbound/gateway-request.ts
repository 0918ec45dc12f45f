// One HTTP request to a gateway: connected only to an address the SSRF guard allows (checked on the resolved address,
// at connect time), bounded in time and size, redirects never followed (a redirect to a private address would
// otherwise walk around the guard).
import http from 'node:http';
import https from 'node:https';
import { guardedLookup, resolveAllowed } from './target-guard';
import { ProviderError, retryAfterMs } from './provider-adapter';

export type GatewayResponse = { status: number; headers: http.IncomingHttpHeaders; body: string; connectedAt: Date };

const MAX_ANSWER = 256 * 1024;
// Keep-alive to each gateway: a sender posting message after message reuses its connections.
const agents = { 'http:': new http.Agent({ keepAlive: true, maxSockets: 64, lookup: guardedLookup as never }), 'https:': new https.Agent({ keepAlive: true, maxSockets: 64, lookup: guardedLookup as never }) };

export async function gatewayRequest(opts: { url: URL; method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; timeoutMs: number; signal?: AbortSignal; what: string }): Promise<GatewayResponse> {
  const { url } = opts;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ProviderError(`${opts.what}: only http and https are supported`, 'failed');
  // Checked before every request (an IP literal is never looked up, and a kept-alive socket is not reconnected),
  // and again by guardedLookup on the address a new connection resolves to.
  try {
    await resolveAllowed(url.hostname);
  } catch (error) {
    throw describe(Object.assign(error as Error, { code: 'EPROVIDERTARGET' }), opts.what, false, opts.timeoutMs);
  }
  // One controller for the caller's signal and the time limit (AbortSignal.any and .timeout cost ~0.3 ms a request
  // in bench:transmissions' profile, on the path of every message).
  const controller = new AbortController();
  const timeout = { aborted: false };
  const timer = setTimeout(() => {
    timeout.aborted = true;
    controller.abort();
  }, opts.timeoutMs);
  const onAbort = () => controller.abort();
  if (opts.signal?.aborted) controller.abort();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });
  const signal = controller.signal;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<GatewayResponse>((resolve, reject) => {
    let connectedAt: Date | null = null;
    const req = client.request(
      url,
      {
        method: opts.method,
        agent: agents[url.protocol as 'http:' | 'https:'],
        headers: { 'user-agent': 'Pitchcraft', ...opts.headers, ...(opts.body !== undefined && { 'content-length': String(Buffer.byteLength(opts.body)) }) },
        signal,
      },
      (res) => {
        connectedAt ??= new Date();
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER) return void req.destroy(new ProviderError(`${opts.what} answered with more than ${MAX_ANSWER / 1024} KB`, 'failed'));
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), connectedAt: connectedAt! }));
        res.on('error', (e) => reject(describe(e, opts.what, timeout.aborted, opts.timeoutMs)));
      },
    );
    req.on('socket', (socket) => {
      if (!socket.connecting) connectedAt = new Date();
      else socket.once('connect', () => (connectedAt = new Date()));
    });
    req.on('error', (e) => reject(describe(e, opts.what, timeout.aborted, opts.timeoutMs)));
    req.end(opts.body);
  }).finally(() => {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  });
}

function describe(error: Error, what: string, timedOut: boolean, timeoutMs: number): ProviderError {
  if (error instanceof ProviderError) return error;
  if (timedOut) return new ProviderError(`${what} did not answer within ${Math.round(timeoutMs / 1000)} s`, 'failed');
  if ((error as NodeJS.ErrnoException).code === 'EPROVIDERTARGET') return new ProviderError(`${what} may not be reached: ${error.message}`, 'failed');
  return new ProviderError(`${what} could not be reached (${(error as NodeJS.ErrnoException).code ?? error.message})`, 'failed');
}

/**
 * The common reading of a gateway's HTTP status: 2xx is the caller's; 429 (or a 503 with Retry-After) asks to wait;
 * 3xx is a redirect we do not follow; anything else failed.
 */
export function refusalOf(res: GatewayResponse, what: string, detail: string): ProviderError | null {
  if (res.status >= 200 && res.status < 300) return null;
  const wait = retryAfterMs(headerOf(res, 'retry-after'));
  if (res.status === 429 || (res.status === 503 && wait !== null)) {
    return new ProviderError(`${what} asked to wait (${res.status}${wait !== null ? `, Retry-After ${Math.ceil(wait / 1000)} s` : ''})${detail ? `: ${detail}` : ''}`, 'throttled', { status: res.status, retryAfterMs: wait ?? 30_000 });
  }
  if (res.status >= 300 && res.status < 400) return new ProviderError(`${what} answered with a redirect (${res.status}), which is not followed`, 'failed', { status: res.status });
  return new ProviderError(`${what} answered ${res.status}${detail ? `: ${detail}` : ''}`, 'failed', { status: res.status });
}

export const headerOf = (res: GatewayResponse, name: string) => {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
};
