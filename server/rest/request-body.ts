// Reads a request body once, within a size limit, and parses it as strict JSON against a zod schema.
import type { z } from 'zod';
import { AppError } from '../errors';

export type UploadedFile = { bytes: Uint8Array; contentType: string | null };

export class RequestBody {
  constructor(readonly bytes: Uint8Array, readonly contentType: string | null) {}

  get isEmpty() {
    return this.bytes.length === 0;
  }

  /** JSON body validated by the schema: 415 for another media type, 400 for malformed JSON, 422 for the rest. */
  json<S extends z.ZodType>(schema: S): z.output<S> {
    if (this.contentType && !/^application\/(.+\+)?json\b/i.test(this.contentType)) {
      throw new AppError('unsupported_media_type', { message: `Expected application/json, got ${this.contentType}` });
    }
    let value: unknown;
    try {
      value = this.isEmpty ? {} : JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(this.bytes));
    } catch {
      throw new AppError('bad_request', { message: 'The request body is not valid JSON' });
    }
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

export async function readBody(req: Request, maxBytes: number): Promise<RequestBody> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  const tooLarge = () => new AppError('payload_too_large', { message: `The request body exceeds ${Math.round(maxBytes / 1024)} KB` });
  if (declared > maxBytes) throw tooLarge();
  if (!req.body) return new RequestBody(new Uint8Array(), req.headers.get('content-type'));
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return new RequestBody(bytes, req.headers.get('content-type'));
}
