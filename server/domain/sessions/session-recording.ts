// A session's recording: read from the media store into samples for the engine, and served back with Range.
import { AudioDecodeError, decodeWav, type DecodedAudio } from '../../analysis';
import type { Ctx } from '../../context';
import { requirePermission } from '../../context';
import { db } from '../../db';
import { AppError, notFound } from '../../errors';
import { backendFor } from '../../media/backends';
import { findMedia, mediaResponse } from '../../media/read-media';
import type { ApiResponse } from '../../http/api-response';
import { findVisibleSession } from './read-sessions';

type Stored = { id: string; storage: string; chunkSize: number; size: number };

/** The whole file in memory: the engine needs every sample (a 50 MB upload at most). */
export async function readMediaBytes(media: Stored): Promise<Uint8Array> {
  const bytes = new Uint8Array(media.size);
  let at = 0;
  if (media.size > 0) {
    for await (const piece of backendFor(media.storage).read(media, 0, media.size - 1)) {
      bytes.set(piece, at);
      at += piece.byteLength;
    }
  }
  return bytes.subarray(0, at);
}

/** WAV bytes as samples; a RIFF file in an encoding the engine cannot read is refused like any other non-WAV (415). */
export function decodeRecording(bytes: Uint8Array): DecodedAudio {
  try {
    return decodeWav(bytes);
  } catch (e) {
    if (e instanceof AudioDecodeError) throw new AppError('unsupported_media_type', { message: `The recording could not be read: ${e.message}` });
    throw e;
  }
}

/** A finished upload of the caller's that is not attached yet (the browser's upload step, or a multipart part). */
export async function readPendingRecording(uploadId: string, uploadedBy: string): Promise<{ bytes: Uint8Array; audio: DecodedAudio }> {
  const media = /^[0-9a-f-]{36}$/i.test(uploadId)
    ? await db.media.findFirst({ where: { id: uploadId, kind: 'audio', createdById: uploadedBy, status: 'pending', completedAt: { not: null } }, select: { id: true, storage: true, chunkSize: true, size: true } })
    : null;
  if (!media) throw new AppError('validation_failed', { message: 'audioUploadId: upload not found (uploads are kept for an hour); send the recording again', errors: [{ path: 'audioUploadId', message: 'upload not found' }] });
  const bytes = await readMediaBytes(media);
  return { bytes, audio: decodeRecording(bytes) };
}

/** The recording of a stored session (ready media), as bytes and samples. */
export async function readSessionRecording(mediaId: string): Promise<{ bytes: Uint8Array; audio: DecodedAudio }> {
  const media = await findMedia(mediaId);
  const bytes = await readMediaBytes(media);
  return { bytes, audio: decodeRecording(bytes) };
}

/** GET /sessions/{id}/audio: the recording, whole or by byte range, for whoever may see the session. */
export async function openSessionAudio(opts: { ctx: Ctx; id: string; req: Request }): Promise<ApiResponse> {
  const ctx = requirePermission(opts.ctx, 'sessions:read');
  const session = await findVisibleSession(ctx, opts.id);
  if (!session.audioMediaId) throw notFound('Recording');
  const media = await findMedia(session.audioMediaId);
  // Private to those who may see the session: browsers may keep it, shared caches may not.
  return mediaResponse(opts.req, media, { 'Cache-Control': 'private, max-age=3600', 'Content-Disposition': `inline; filename="session-${session.id}.wav"` });
}
