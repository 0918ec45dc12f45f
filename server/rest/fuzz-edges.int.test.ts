// The fuzz guard's edges, over real HTTP (issue 15): what the in-process fuzzer cannot send, tried on every operation
// of the OpenAPI document — today's and every one added later — through the edge of scripts/serve.ts in front of the
// real route handlers (server/test/http-app.ts): invalid percent-escapes and over-long URLs in its path, bodies just
// over and far over each limit (an answer must arrive within seconds), multipart bodies cut off before their closing
// boundary, and files whose headers lie (a WAV declaring 1 Hz, a PNG declaring 50 000 × 50 000 pixels). Every answer
// is problem+json of a known code, never a 5xx; a lying file is never accepted.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openApiDocument } from './openapi/document';
import { createProductWithModule } from '../test/coaching';
import { newTenant } from '../test/factories';
import { lyingPng } from '../test/images';
import { brokenPromises } from '../test/fuzz/invariants';
import { operationsOf } from '../test/fuzz/rest-requests';
import { resolverFor } from '../test/fuzz/schema-arbitrary';
import { startHttpApp } from '../test/http-app';
import { rawRequest, type RawAnswer } from '../test/raw-request';
import { makeWav } from '../test/wav';

const doc = JSON.parse(JSON.stringify(openApiDocument()));
const operations = operationsOf(doc, resolverFor(doc)).filter((op) => !process.env.FUZZ_TARGET || `${op.method} ${op.template}`.includes(process.env.FUZZ_TARGET));
const MB = 1024 * 1024;
// Each limit of the request layer and the media kinds, just over; and far past what is worth draining (8 MB).
const JUST_OVER = [1 * MB + 1, 4 * MB + 1, 5 * MB + 1];
const FAR_OVER = 12 * MB;

let app: Awaited<ReturnType<typeof startHttpApp>>;
let auth: string;
let moduleId: string;

beforeAll(async () => {
  vi.stubEnv('RATE_LIMIT_PER_MINUTE', '100000000');
  vi.stubEnv('RATE_LIMIT_PUBLIC_PER_MINUTE', '100000000');
  vi.stubEnv('RATE_LIMIT_AUTH_PER_MINUTE', '100000000');
  app = await startHttpApp();
  const t = await newTenant('fuzz-edges');
  auth = `Authorization: Bearer ${t.owner.access}\r\nX-Organization-Id: ${t.organizationId}\r\n`;
  ({ moduleId } = await createProductWithModule(t.orgHeaders));
}, 60_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await app?.close();
});

const head = (method: string, path: string, extra = '', length = 0) =>
  `${method} /api/v1${path} HTTP/1.1\r\nHost: pitchcraft.test\r\n${auth}${extra}Content-Length: ${length}\r\n\r\n`;

function kept(answer: RawAnswer, what: string) {
  const broken = brokenPromises({ status: answer.status, headers: new Headers(answer.headers), text: answer.text });
  if (broken.length) throw new Error(`${what}: ${broken.join('; ')} — ${answer.status} ${answer.text.slice(0, 300)}`);
}

/** A WAV whose header declares 1 sample a second over one second of 16 kHz audio. */
function lyingWav(): Buffer {
  const wav = Buffer.from(makeWav({ seconds: 1 }));
  wav.writeUInt32LE(1, 24);
  wav.writeUInt32LE(2, 28);
  return wav;
}

const form = (parts: Array<{ name: string; filename?: string; type?: string; data: Buffer | string }>, close = true) =>
  Buffer.concat([
    ...parts.map((p) =>
      Buffer.concat([
        Buffer.from(`--edge\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`),
        Buffer.from(p.data),
        Buffer.from('\r\n'),
      ]),
    ),
    Buffer.from(close ? '--edge--\r\n' : ''),
  ]);

async function send(method: string, path: string, type: string | null, body: Buffer, timeoutMs = 5_000) {
  return rawRequest({ port: app.port, head: head(method, path, type ? `Content-Type: ${type}\r\n` : '', body.length), bodyBytes: body.length, first: body, timeoutMs });
}

describe('REST edges over HTTP: every operation answers, as problem+json, within seconds', () => {
  it('covers every operation of the document', () => expect(operations.length).toBeGreaterThan(0));

  it('a request head past the limit is a 431 problem+json, not a bare status', async () => {
    const answer = await rawRequest({ port: app.port, head: `GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(70 * 1024)}\r\n\r\n` });
    expect(answer.status).toBe(431);
    kept(answer, 'oversized head');
  });

  for (const op of operations) {
    const name = `${op.method} ${op.template}`;
    const filled = op.template.replace(/\{[^}]+\}/g, () => crypto.randomUUID());
    it(name, async () => {
      // Invalid percent-escapes in each path parameter, and in a segment of its own.
      const paths = [...op.template.matchAll(/\{[^}]+\}/g)].flatMap((m) => ['%ff', '%ff%fe', '%zz', '%'].map((bad) => op.template.replace(m[0], bad).replace(/\{[^}]+\}/g, () => crypto.randomUUID())));
      paths.push(`${filled}/%ff`.replace('//', '/'));
      for (const path of paths) {
        const answer = await rawRequest({ port: app.port, head: head(op.method, path) });
        kept(answer, `${op.method} ${path}`);
      }
      // An over-long URL.
      const long = await rawRequest({ port: app.port, head: head(op.method, `${filled}?q=${'a'.repeat(20_000)}`) });
      expect(long.status, `${name} with a 20 KB URL`).toBe(414);
      kept(long, `${name} with a 20 KB URL`);
      if (op.method === 'GET' || op.method === 'DELETE') return;

      // Bodies just over each limit and far over, of every type the operation takes.
      for (const type of [...new Set([...Object.keys(op.bodyTypes), 'application/json'])]) {
        for (const size of [...JUST_OVER, FAR_OVER]) {
          const what = `${name} with ${size} bytes of ${type}`;
          const answer = await rawRequest({ port: app.port, head: head(op.method, filled, `Content-Type: ${type === 'multipart/form-data' ? 'multipart/form-data; boundary=edge' : type}\r\n`, size), bodyBytes: size, timeoutMs: 8_000 }).catch((e: Error) => {
            throw new Error(`${what}: ${e.message}`);
          });
          kept(answer, what);
        }
      }
      // A multipart body cut off before its closing boundary, and files whose headers lie.
      if (op.bodyTypes['multipart/form-data']) {
        const cut = form([{ name: 'moduleId', data: moduleId }, { name: 'audio', filename: 'a.wav', type: 'audio/wav', data: Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ') }], false);
        kept(await send(op.method, filled, 'multipart/form-data; boundary=edge', cut), `${name} with a cut-off multipart body`);
        for (const part of ['audio', 'file']) {
          const lying = await send(op.method, filled, 'multipart/form-data; boundary=edge', form([{ name: 'moduleId', data: moduleId }, { name: 'transcript', data: 'hello there' }, { name: part, filename: 'a.wav', type: 'audio/wav', data: lyingWav() }]));
          expect(lying.status, `${name}: a WAV declaring 1 Hz as "${part}"`).toBeGreaterThanOrEqual(400);
          kept(lying, `${name} with a lying WAV`);
        }
      }
      for (const type of Object.keys(op.bodyTypes).filter((t) => t.startsWith('image/'))) {
        for (const image of [Buffer.from(lyingPng(50_000, 50_000)), Buffer.from(lyingPng(64, 64))]) {
          const lying = await send(op.method, filled, type, image);
          expect(lying.status, `${name}: a ${type} whose header lies`).toBeGreaterThanOrEqual(400);
          kept(lying, `${name} with a lying image`);
        }
      }
    }, 120_000);
  }
});
