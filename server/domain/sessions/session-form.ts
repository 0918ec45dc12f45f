// Reads a multipart recording request: its text fields, and the `audio` file streamed into the media store as it
// arrives (kept in memory on the way too: the engine needs every sample anyway). Whatever fails while the request is
// used — a refused field, a non-WAV file, a later check — the upload is discarded: a refused request keeps nothing.
import type { OrgCtx } from '../../context';
import { AppError } from '../../errors';
import { discard, saveMedia } from '../../media/save-media';
import type { Part } from '../../media/upload-parts';

export type RecordingForm = { fields: Record<string, string>; uploadId?: string; bytes?: Uint8Array };

export async function withRecordingForm<T>(
  opts: { ctx: OrgCtx; userId: string; parts: AsyncIterable<Part>; fieldNames: ReadonlySet<string> },
  use: (form: RecordingForm) => Promise<T>,
): Promise<T> {
  const fields: Record<string, string> = {};
  let uploadId: string | undefined;
  const received: Uint8Array[] = [];
  const keep = async function* (source: AsyncIterable<Uint8Array>) {
    for await (const piece of source) {
      received.push(piece);
      yield piece;
    }
  };
  try {
    for await (const part of opts.parts) {
      if (part.kind === 'file') {
        if (part.name !== 'audio') throw new AppError('validation_failed', { message: `Unexpected file "${part.name}": send the recording in a part named "audio"`, errors: [{ path: part.name, message: 'unexpected file' }] });
        if (uploadId) throw new AppError('validation_failed', { message: 'Send one recording per request', errors: [{ path: 'audio', message: 'more than one file' }] });
        const saved = await saveMedia({ organizationId: opts.ctx.organizationId, createdById: opts.userId, kind: 'audio', declaredType: part.contentType, body: keep(part.stream) });
        uploadId = saved.id;
      } else if (!opts.fieldNames.has(part.name)) {
        throw new AppError('validation_failed', { message: `${part.name}: Unknown field`, errors: [{ path: part.name, message: 'Unknown field' }] });
      } else {
        fields[part.name] = part.value;
      }
    }
    return await use({ fields, uploadId, bytes: uploadId ? Buffer.concat(received) : undefined });
  } catch (error) {
    if (uploadId) await discard(uploadId);
    throw error;
  }
}
