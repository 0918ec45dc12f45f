// Local HTTP servers speaking the gateway protocols, for tests and benches: Twilio's REST API (Messages.json,
// Calls.json, Basic auth, form bodies), the generic HTTP gateway (signed JSON) and Kannel's sendsms. Each keeps what it
// received and can be told to fail: answer 500, ask to wait (429 with Retry-After), or hang past the client's timeout.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTP_SIGNATURE_HEADER, HTTP_TIMESTAMP_HEADER, verifyHttpSignature } from '../providers/outbound/webhook-signatures';

/** `slow`: answers as `ok` does, `ms` later (a message still with the gateway while the test acts). */
export type PeerMode = { kind: 'ok' } | { kind: 'slow'; ms: number } | { kind: 'error'; status: number } | { kind: 'throttle'; retryAfter: string; times?: number } | { kind: 'hang' } | { kind: 'redirect'; location: string };

export type Received = { method: string; path: string; query: URLSearchParams; headers: http.IncomingHttpHeaders; body: string; form: URLSearchParams; at: number };

type Protocol = 'twilio' | 'http' | 'kannel';

export type TwilioMessage = { sid: string; account_sid: string; to: string; from: string; body: string | null; status: string; date_created: string };

export class GatewayPeer {
  readonly received: Received[] = [];
  /** Messages the Twilio protocol created, as its list-messages API returns them. */
  readonly messages: TwilioMessage[] = [];
  mode: PeerMode = { kind: 'ok' };
  private server: http.Server | null = null;
  private hung: http.ServerResponse[] = [];
  port = 0;

  constructor(
    readonly protocol: Protocol,
    readonly credentials: { username: string; password: string } = { username: `AC${randomBytes(16).toString('hex')}`, password: randomBytes(16).toString('hex') },
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks)));
    });
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const res of this.hung) res.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
  }

  async waitFor(count: number, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`${this.protocol} peer: ${this.received.length} of ${count} requests within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer) {
    const url = new URL(req.url!, 'http://peer');
    const body = raw.toString('utf8');
    const got: Received = { method: req.method!, path: url.pathname, query: url.searchParams, headers: req.headers, body, form: new URLSearchParams(/form-urlencoded/.test(req.headers['content-type'] ?? '') ? body : ''), at: Date.now() };
    this.received.push(got);
    const mode = this.mode;
    if (mode.kind === 'hang') return void this.hung.push(res);
    if (mode.kind === 'redirect') return void res.writeHead(302, { location: mode.location }).end();
    if (mode.kind === 'throttle') {
      if (mode.times !== undefined && --mode.times <= 0) this.mode = { kind: 'ok' };
      return void this.answer(res, 429, { code: 20429, message: 'Too Many Requests' }, { 'retry-after': mode.retryAfter });
    }
    if (mode.kind === 'error') return void this.answer(res, mode.status, { code: 20500, message: 'Internal Server Error' });
    if (mode.kind === 'slow') return void setTimeout(() => this.accept(req, res, got, raw), mode.ms);
    this.accept(req, res, got, raw);
  }

  private accept(req: http.IncomingMessage, res: http.ServerResponse, got: Received, raw: Buffer) {
    if (this.protocol === 'twilio') return this.twilio(req, res, got);
    if (this.protocol === 'http') return this.http(req, res, got, raw);
    return this.kannel(res, got);
  }

  private answer(res: http.ServerResponse, status: number, json: unknown, headers: Record<string, string> = {}) {
    if (this.protocol === 'kannel') return void res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(status === 503 ? '3: Temporal failure, try again later.' : `${status}`);
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(json));
  }

  private twilio(req: http.IncomingMessage, res: http.ServerResponse, got: Received) {
    const m = got.path.match(/^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)\.json$/);
    if (req.method === 'GET' && m && m[2] === 'Messages') return this.twilioList(req, res, got, m[1]!);
    if (req.method !== 'POST' || !m) return this.answer(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    const auth = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
    if (auth !== `${this.credentials.username}:${this.credentials.password}` || m[1] !== this.credentials.username) return this.answer(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
    const to = got.form.get('To');
    const from = got.form.get('From');
    if (!to || !from) return this.answer(res, 400, { code: 21604, message: "A 'To' phone number is required.", status: 400 });
    if (m[2] === 'Messages' && !got.form.get('Body')) return this.answer(res, 400, { code: 21602, message: 'Message body is required.', status: 400 });
    if (m[2] === 'Calls' && !got.form.get('Twiml') && !got.form.get('Url')) return this.answer(res, 400, { code: 21205, message: 'Url or Twiml is required.', status: 400 });
    const sid = `${m[2] === 'Messages' ? 'SM' : 'CA'}${randomBytes(16).toString('hex')}`;
    const message: TwilioMessage = { sid, account_sid: m[1]!, to, from, body: got.form.get('Body'), status: 'queued', date_created: new Date().toUTCString() };
    if (m[2] === 'Messages') this.messages.push(message);
    this.answer(res, 201, { ...message, num_segments: '1' });
  }

  /** GET …/Messages.json: Twilio's list, filtered by To, From and DateSent> (a day, YYYY-MM-DD, inclusive). */
  private twilioList(req: http.IncomingMessage, res: http.ServerResponse, got: Received, account: string) {
    const auth = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
    if (auth !== `${this.credentials.username}:${this.credentials.password}` || account !== this.credentials.username) return this.answer(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
    const q = got.query;
    const after = q.get('DateSent>');
    const list = this.messages.filter((msg) => (!q.get('To') || msg.to === q.get('To')) && (!q.get('From') || msg.from === q.get('From')) && (!after || new Date(msg.date_created).toISOString().slice(0, 10) >= after));
    const size = Number(q.get('PageSize') ?? 50);
    this.answer(res, 200, { messages: list.slice().reverse().slice(0, size), page: 0, page_size: size, next_page_uri: null });
  }

  private http(req: http.IncomingMessage, res: http.ServerResponse, got: Received, raw: Buffer) {
    const headers = new Headers({ [HTTP_TIMESTAMP_HEADER]: String(req.headers[HTTP_TIMESTAMP_HEADER] ?? ''), [HTTP_SIGNATURE_HEADER]: String(req.headers[HTTP_SIGNATURE_HEADER] ?? '') });
    if (!verifyHttpSignature(this.credentials.password, headers, raw)) return this.answer(res, 401, { error: 'bad signature' });
    this.answer(res, 202, { id: `msg-${randomBytes(8).toString('hex')}`, status: 'accepted' });
  }

  private kannel(res: http.ServerResponse, got: Received) {
    const q = got.query;
    if (got.path !== '/cgi-bin/sendsms') return void res.writeHead(404).end('Unknown service');
    if (q.get('username') !== this.credentials.username || q.get('password') !== this.credentials.password) return void res.writeHead(403, { 'content-type': 'text/plain' }).end('Authorization failed for sendsms');
    if (!q.get('to')) return void res.writeHead(400, { 'content-type': 'text/plain' }).end('Missing receiver number');
    res.writeHead(202, { 'content-type': 'text/plain' }).end('0: Accepted for delivery');
  }
}
