// The request layer's body rules: JSON only as UTF-8, storable text, and a refused body drained or the connection closed.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors';
import { discardBody, DRAIN_MAX_BYTES, readBody, RequestBody } from './request-body';

const schema = z.object({ name: z.string() }).strict();
const json = (text: string, contentType: string | null) => new RequestBody(new TextEncoder().encode(text), contentType);
const thrown = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('did not throw');
};

/** A request whose body arrives in `chunks` pieces of `size` bytes, counting how many were read. */
function streamed(chunks: number, size: number, headers: Record<string, string> = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(size));
    },
  });
  const req = new Request('http://x/upload', { method: 'PUT', body, headers, duplex: 'half' } as RequestInit);
  return { req, pulled: () => pulled };
}

describe('RequestBody.json', () => {
  it('accepts application/json and +json types, with or without charset=utf-8', () => {
    for (const type of ['application/json', 'Application/JSON', 'application/json; charset=utf-8', 'application/json;charset="UTF-8"', 'application/merge-patch+json', null]) {
      expect(json('{"name":"x"}', type).json(schema)).toEqual({ name: 'x' });
    }
  });

  it('answers 415 for a declared charset other than UTF-8 instead of reading the bytes as UTF-8', () => {
    const e = thrown(() => json('{"name":"x"}', 'application/json; charset=utf-16').json(schema));
    expect(e).toMatchObject({ code: 'unsupported_media_type', message: 'JSON must be sent as UTF-8, not utf-16' });
    expect(thrown(() => json('{}', 'application/json; charset=iso-8859-1').json(schema)).code).toBe('unsupported_media_type');
  });

  it('answers 415 for other media types and an unparseable Content-Type', () => {
    for (const type of ['text/plain', 'application/json-seq', 'application/jsonx', 'multipart/form-data; boundary=x', 'json', ';;']) {
      expect(thrown(() => json('{"name":"x"}', type).json(schema)).code, type).toBe('unsupported_media_type');
    }
  });

  it('answers 422 naming the field for a NUL, an escaped lone surrogate or absurd nesting', () => {
    expect(thrown(() => json('{"name":"a\\u0000b"}', 'application/json').json(schema))).toMatchObject({ code: 'validation_failed', errors: [{ path: 'name' }] });
    expect(thrown(() => json('{"name":"\\ud800"}', 'application/json').json(schema))).toMatchObject({ code: 'validation_failed', errors: [{ path: 'name' }] });
    expect(thrown(() => json(`${'['.repeat(10_000)}${']'.repeat(10_000)}`, 'application/json').json(schema)).code).toBe('validation_failed');
  });

  it('answers 400 for bytes that are not UTF-8 JSON', () => {
    expect(thrown(() => new RequestBody(new Uint8Array([0x7b, 0x22, 0xc3, 0x28]), 'application/json').json(schema)).code).toBe('bad_request');
  });
});

describe('readBody', () => {
  it('drains a body somewhat over the limit, so the connection can serve the next request', async () => {
    const { req, pulled } = streamed(20, 64 * 1024);
    const e = await readBody(req, 256 * 1024).then(() => null, (err: AppError) => err);
    expect(e?.code).toBe('payload_too_large');
    expect(e?.headers?.Connection).toBeUndefined();
    expect(pulled()).toBe(20);
  });

  it(`stops past ${DRAIN_MAX_BYTES / 1024 / 1024} MB more and answers with Connection: close, leaving the rest unread`, async () => {
    const chunks = DRAIN_MAX_BYTES / (64 * 1024) + 40;
    const { req, pulled } = streamed(chunks, 64 * 1024);
    const e = await readBody(req, 256 * 1024).then(() => null, (err: AppError) => err);
    expect(e?.headers).toEqual({ Connection: 'close' });
    expect(pulled()).toBeLessThan(chunks);
  });

  it('does not start reading a body declared larger than it would drain', async () => {
    const { req, pulled } = streamed(3, 1024, { 'content-length': String(DRAIN_MAX_BYTES + 1) });
    const e = await readBody(req, 1024).then(() => null, (err: AppError) => err);
    expect(e).toMatchObject({ code: 'payload_too_large', headers: { Connection: 'close' } });
    expect(pulled()).toBeLessThanOrEqual(1);
  });
});

describe('discardBody', () => {
  it('gives up on a body that stops arriving instead of waiting for it', async () => {
    const stalled = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined) });
    const started = Date.now();
    expect(await discardBody(stalled.getReader())).toBe(false);
    expect(Date.now() - started).toBeLessThan(8_000);
  }, 10_000);
});
