// Reads a request body once, within a size limit, and parses it as strict JSON against a zod schema.
import { parse as parseContentType } from 'content-type';
import type { z } from 'zod';
import { AppError } from '../errors';
import { assertStorableInput } from '../storable-input';

export type UploadedFile = { bytes: Uint8Array; contentType: string | null };

export class RequestBody {
  constructor(readonly bytes: Uint8Array, readonly contentType: string | null) {}

  get isEmpty() {
    return this.bytes.length === 0;
  }

  /**
   * JSON body validated by the schema: 415 for another media type or a charset other than UTF-8 (RFC 8259 §8.1), 400
   * for malformed JSON, 422 for NUL characters, invalid Unicode, absurd nesting and whatever the schema refuses.
   */
  json<S extends z.ZodType>(schema: S): z.output<S> {
    if (this.contentType) assertJsonMediaType(this.contentType);
    let value: unknown;
    try {
      value = this.isEmpty ? {} : JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(this.bytes));
    } catch {
      throw new AppError('bad_request', { message: 'The request body is not valid JSON (UTF-8)' });
    }
    assertStorableInput(value);
    return schema.parse(value);
  }

  /** An upload: the raw body with its content type, or the one `file` part of a multipart/form-data body. */
  async file(): Promise<UploadedFile> {
    if (!this.contentType || !/^multipart\/form-data\b/i.test(this.contentType)) return { bytes: this.bytes, contentType: this.contentType };
    let form: FormData;
    try {
      form = await new Response(this.bytes as BodyInit, { headers: { 'content-type': this.contentType } }).formData();
    } catch {
      throw new AppError('bad_request', { message: 'The multipart/form-data body could not be read' });
    }
    const files = [...form.values()].filter((v): v is File => typeof v !== 'string');
    const file = form.get('file');
    if (files.length !== 1 || !(file instanceof File)) {
      throw new AppError('validation_failed', { message: 'Send exactly one file, in a part named "file"', errors: [{ path: 'file', message: 'exactly one file is required' }] });
    }
    return { bytes: new Uint8Array(await file.arrayBuffer()), contentType: file.type || null };
  }
}

function assertJsonMediaType(header: string): void {
  let type: string;
  let charset: string | undefined;
  try {
    const parsed = parseContentType(header);
    type = parsed.type;
    charset = parsed.parameters.charset;
  } catch {
    throw new AppError('unsupported_media_type', { message: 'The Content-Type header could not be parsed; send application/json' });
  }
  if (type !== 'application/json' && !/^application\/[^/]+\+json$/.test(type)) {
    throw new AppError('unsupported_media_type', { message: `Expected application/json, got ${type}` });
  }
  if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
    throw new AppError('unsupported_media_type', { message: `JSON must be sent as UTF-8, not ${charset}` });
  }
}

export async function readBody(req: Request, maxBytes: number): Promise<RequestBody> {
  const contentType = req.headers.get('content-type');
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (!req.body) return new RequestBody(new Uint8Array(), contentType);
  const reader = req.body.getReader();
  const tooLarge = async (rest: number) =>
    new AppError('payload_too_large', {
      message: `The request body exceeds ${Math.round(maxBytes / 1024)} KB`,
      headers: (await discardBody(reader, rest)) ? undefined : { Connection: 'close' },
    });
  if (declared > maxBytes) throw await tooLarge(declared);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) throw await tooLarge(0);
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return new RequestBody(bytes, contentType);
}

// A refused body that is left unread stalls or resets a keep-alive connection: the client's next request on it would
// be parsed out of the rest of this body. Reading a bounded amount more and throwing it away keeps the connection
// usable for the common case (a file somewhat over its limit); past the bound the answer says `Connection: close`.
export const DRAIN_MAX_BYTES = 8 * 1024 * 1024;
const DRAIN_MAX_MS = 5_000;

/**
 * Reads and discards the rest of a body. True when it ended within the bounds; false when it is (or is declared to
 * be, by `declaredBytes`) larger, or too slow: then it is left unread, never cancelled, so the response still goes out
 * and the caller must answer `Connection: close`.
 */
export async function discardBody(reader: ReadableStreamDefaultReader<Uint8Array>, declaredBytes = 0): Promise<boolean> {
  if (declaredBytes > DRAIN_MAX_BYTES) return false;
  const deadline = Date.now() + DRAIN_MAX_MS;
  let discarded = 0;
  for (;;) {
    const read = reader.read();
    // A read still pending when we give up settles (or fails, when the connection closes) unobserved.
    read.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now()), 'late')));
    const result = await Promise.race([read, late]).catch(() => 'failed' as const).finally(() => clearTimeout(timer));
    if (result === 'late' || result === 'failed') return false;
    if (result.done) return true;
    discarded += result.value.byteLength;
    if (discarded > DRAIN_MAX_BYTES) return false;
  }
}

/** Discards a body the request layer refused before reading it (no credentials, rate limited, ...). */
export async function discardUnreadBody(req: Request): Promise<boolean> {
  if (!req.body || req.bodyUsed || req.body.locked) return true;
  return discardBody(req.body.getReader(), Number(req.headers.get('content-length') ?? '0'));
}
