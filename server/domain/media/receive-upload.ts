// A browser upload (profile photo, logo, recording) streamed into the media store as a pending file the uploader can
// then attach to what it is for, in that operation's own transaction.
import { requireUser, type Ctx } from '../../context';
import { AppError } from '../../errors';
import { MEDIA_KINDS, type MediaKind } from '../../media/media-kinds';
import { saveMedia } from '../../media/save-media';
import type { StreamedFile } from '../../media/upload-parts';

export function parseMediaKind(value: string): MediaKind {
  if (!(MEDIA_KINDS as readonly string[]).includes(value)) throw new AppError('not_found', { message: `No upload kind "${value}"` });
  return value as MediaKind;
}

export async function receiveUpload(opts: { ctx: Ctx; kind: MediaKind; file: StreamedFile }) {
  const userId = requireUser(opts.ctx);
  const saved = await saveMedia({ organizationId: opts.ctx.organizationId, createdById: userId, kind: opts.kind, declaredType: opts.file.contentType, body: opts.file.stream });
  return { uploadId: saved.id, contentType: saved.contentType, size: saved.size };
}
