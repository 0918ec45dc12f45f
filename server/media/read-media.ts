// Streams stored media back, whole or by byte range (RFC 9110 Range: players seek without downloading everything).
import { db } from '../db';
import { AppError } from '../errors';
import type { ApiResponse } from '../http/api-response';
import { backendFor } from './backends';

export type MediaInfo = { id: string; contentType: string; size: number; storage: string; chunkSize: number; sha256: string | null };

/** A ready media file by id, or 404 (also for ids that are not UUIDs, and for private media when `publicOnly`). */
export async function findMedia(id: string, opts: { publicOnly?: boolean } = {}): Promise<MediaInfo> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new AppError('not_found', { message: 'Media not found' });
  const media = await db.media.findFirst({
    where: { id, status: 'ready', ...(opts.publicOnly && { public: true }) },
    select: { id: true, contentType: true, size: true, storage: true, chunkSize: true, sha256: true },
  });
  if (!media) throw new AppError('not_found', { message: 'Media not found' });
  return media;
}

type ByteRange = { start: number; end: number };

/** The single range asked for, null for the whole file; 416 when it cannot be satisfied. */
export function parseRange(header: string | null, size: number): ByteRange | null {
  if (!header) return null;
  const m = header.trim().match(/^bytes=(\d*)-(\d*)$/);
  // Several ranges or another unit: serving the whole file is a valid answer (RFC 9110 §14.2).
  if (!m || (!m[1] && !m[2])) return null;
  let start: number;
  let end: number;
  if (!m[1]) {
    const suffix = Number(m[2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
    if (suffix === 0) throw unsatisfiable(size);
  } else {
    start = Number(m[1]);
    end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
  }
  if (start >= size || start > end) throw unsatisfiable(size);
  return { start, end };
}

const unsatisfiable = (size: number) =>
  new AppError('range_not_satisfiable', { message: `The range is outside the file (${size} bytes)`, headers: { 'Content-Range': `bytes */${size}` } });

/** The REST answer for a media file: 200 whole or 206 partial, streamed, with the headers players rely on. */
export function mediaResponse(req: Request, media: MediaInfo, headers: Record<string, string> = {}): ApiResponse {
  const range = parseRange(req.headers.get('range'), media.size);
  const start = range?.start ?? 0;
  const end = range?.end ?? media.size - 1;
  const common = {
    'Accept-Ranges': 'bytes',
    'Content-Length': String(media.size === 0 ? 0 : end - start + 1),
    ...(media.sha256 && { ETag: `"${media.sha256}"` }),
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  };
  const body = media.size === 0 ? new Uint8Array() : toStream(backendFor(media.storage).read(media, start, end));
  if (!range) return { status: 200, raw: body, contentType: media.contentType, headers: common };
  return { status: 206, raw: body, contentType: media.contentType, headers: { ...common, 'Content-Range': `bytes ${start}-${end}/${media.size}` } };
}

function toStream(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const r = await it.next();
      if (r.done) controller.close();
      else controller.enqueue(r.value);
    },
    async cancel() {
      await it.return?.();
    },
  });
}
