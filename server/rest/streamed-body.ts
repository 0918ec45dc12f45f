// A request body read as it arrives (uploads): the raw bytes, or the parts of a multipart/form-data body streamed
// through busboy, so a 50 MB recording is never held whole in memory. Whatever is refused part-way is left unread,
// never cancelled: withApi then drains it (within bounds) or answers `Connection: close` — cancelling the body would
// destroy the request and with it the connection the answer has to go out on.
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import type { z } from 'zod';
import { AppError } from '../errors';
import type { Part, StreamedFile } from '../media/upload-parts';
import { RequestBody } from './request-body';

const cutOff = () => new AppError('bad_request', { message: 'The multipart/form-data body ended before its closing boundary: the upload was cut off' });

const FIELD_LIMIT = 8 * 1024 * 1024;

export class StreamedBody {
  /** True once the whole body has been read: a response to a body refused part-way must close the connection. */
  finished = false;

  constructor(private readonly req: Request) {}

  get contentType(): string | null {
    return this.req.headers.get('content-type');
  }

  get isMultipart(): boolean {
    return /^multipart\/form-data\b/i.test(this.contentType ?? '');
  }

  /** The raw body as it arrives. A reader that stops early leaves the rest unread (released, not cancelled). */
  raw(): AsyncIterable<Uint8Array> {
    const body = this.req.body;
    const done = () => (this.finished = true);
    return (async function* () {
      if (!body) return done();
      const reader = body.getReader();
      try {
        for (;;) {
          const { done: ended, value } = await reader.read();
          if (ended) break;
          yield value;
        }
        done();
      } finally {
        reader.releaseLock();
      }
    })();
  }

  /**
   * A JSON body on a route that also takes streamed uploads: read within `maxBytes` (413 past it) and parsed like
   * RequestBody.json (415 for another type, 400 for malformed JSON, 422 from the schema).
   */
  async json<S extends z.ZodType>(schema: S, maxBytes: number): Promise<z.output<S>> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const piece of this.raw()) {
      size += piece.byteLength;
      if (size > maxBytes) throw new AppError('payload_too_large', { message: `The request body exceeds ${Math.round(maxBytes / 1024)} KB` });
      chunks.push(piece);
    }
    return new RequestBody(Buffer.concat(chunks), this.contentType).json(schema);
  }

  /** An upload: the raw body with its content type, or the one file part named `file` of a multipart body. */
  async file(): Promise<StreamedFile> {
    if (!this.isMultipart) return { name: 'file', filename: null, contentType: this.contentType, stream: this.raw() };
    // Read by hand: leaving a for-await loop would close the generator, and the file must go on streaming.
    const parts = this.parts();
    for (let r = await parts.next(); !r.done; r = await parts.next()) {
      const part = r.value;
      if (part.kind === 'file' && part.name === 'file') return part;
      if (part.kind === 'file') throw new AppError('validation_failed', { message: `Unexpected file part "${part.name}": send the file in a part named "file"`, errors: [{ path: part.name, message: 'unexpected file' }] });
    }
    throw new AppError('validation_failed', { message: 'Send exactly one file, in a part named "file"', errors: [{ path: 'file', message: 'is required' }] });
  }

  /**
   * The parts of a multipart/form-data body in the order sent. Each file's stream must be read (or abandoned by
   * ending the loop) before the next part arrives.
   */
  async *parts(limits: { files?: number; fields?: number } = {}): AsyncGenerator<Part> {
    if (!this.isMultipart || !this.req.body) throw new AppError('unsupported_media_type', { message: 'Send multipart/form-data' });
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': this.contentType! }, limits: { files: limits.files ?? 1, fields: limits.fields ?? 20, fieldSize: FIELD_LIMIT, parts: 64 } });
    } catch {
      throw new AppError('bad_request', { message: 'The multipart/form-data body has no valid boundary' });
    }
    const queue: Array<Part | { kind: 'end' } | { kind: 'error'; error: AppError }> = [];
    let wake: (() => void) | null = null;
    const push = (item: (typeof queue)[number]) => {
      queue.push(item);
      wake?.();
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) push({ kind: 'error', error: new AppError('payload_too_large', { message: `The field "${name}" is larger than ${FIELD_LIMIT / 1024 / 1024} MB` }) });
      // Bytes that are not UTF-8 (or not text in the charset the part declared) come out of the decoder as U+FFFD:
      // refused, rather than stored as "a\uFFFD\uFFFD".
      else if (value.includes('\uFFFD')) push({ kind: 'error', error: new AppError('validation_failed', { message: `${name}: is not valid UTF-8 text`, errors: [{ path: name, message: 'is not valid UTF-8 text' }] }) });
      else push({ kind: 'field', name, value });
    });
    parser.on('file', (name, stream, info) => push({ kind: 'file', name, filename: info.filename ?? null, contentType: info.mimeType || null, stream: fileBytes(stream) }));
    parser.on('filesLimit', () => push({ kind: 'error', error: new AppError('validation_failed', { message: 'Too many files in the form', errors: [{ path: '(body)', message: 'too many files' }] }) }));
    parser.on('fieldsLimit', () => push({ kind: 'error', error: new AppError('validation_failed', { message: 'Too many fields in the form', errors: [{ path: '(body)', message: 'too many fields' }] }) }));
    parser.on('error', (error: Error) =>
      push({ kind: 'error', error: /unexpected end/i.test(error.message) ? cutOff() : new AppError('bad_request', { message: 'The multipart/form-data body could not be read' }) }),
    );
    parser.on('close', () => {
      this.finished = true;
      push({ kind: 'end' });
    });
    const source = Readable.fromWeb(this.req.body as unknown as NodeReadableStream<Uint8Array>);
    source.on('error', () => push({ kind: 'error', error: new AppError('bad_request', { message: 'The upload was interrupted' }) }));
    source.pipe(parser);
    for (;;) {
      const item = queue.shift();
      if (!item) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      if (item.kind === 'end') return;
      if (item.kind === 'error') throw item.error;
      yield item;
      // A file part the caller did not read must still be drained, or busboy never reaches the next part.
      if (item.kind === 'file') (item.stream as FileBytes).source.resume();
    }
  }
}

type FileBytes = AsyncIterable<Uint8Array> & { source: Readable };

/** A file part's bytes; a body cut off inside the file (busboy's "Unexpected end of form") is a 400, not a 500. */
function fileBytes(source: Readable): FileBytes {
  // A reader that stopped early (a refused upload) no longer listens when busboy later destroys the part with "Unexpected
  // end of form": without a listener of its own that error would be uncaught and end the process. The parser's own
  // 'error' (and the iteration below, while it runs) already report it.
  source.on('error', () => undefined);
  const iterate = async function* () {
    try {
      for await (const piece of source) yield piece as Uint8Array;
    } catch {
      throw cutOff();
    }
  };
  return { source, [Symbol.asyncIterator]: () => iterate() };
}
