// What the library's files share: the upload they arrive as, who uploaded it, and which media kind a file is.
import type { OrgCtx } from '../../context';
import { AppError } from '../../errors';

export type LibraryUpload = { contentType: string | null; filename: string | null; stream: AsyncIterable<Uint8Array> };

export const uploaderOf = (ctx: OrgCtx) => (ctx.actor.kind === 'user' ? ctx.actor.id : null);

/** A template's attachment: a PDF (20 MB) or a JPEG/PNG/BMP image (5 MB); anything else is 415. */
export function attachmentKindOf(contentType: string | null): 'pdf' | 'image' {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/pdf') return 'pdf';
  if (type.startsWith('image/')) return 'image';
  throw new AppError('unsupported_media_type', { message: 'Attach a PDF document (application/pdf) or an image (image/jpeg, image/png)' });
}

/** Seconds of a PCM WAV from its header (byte rate, data size), or null when the header does not say. */
export function wavDuration(head: Uint8Array, size: number): number | null {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const tag = (at: number) => String.fromCharCode(...head.subarray(at, at + 4));
  if (head.byteLength < 44 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return null;
  let byteRate = 0;
  for (let at = 12; at + 8 <= head.byteLength; ) {
    const id = tag(at);
    const length = view.getUint32(at + 4, true);
    if (id === 'fmt ' && at + 16 <= head.byteLength) byteRate = view.getUint32(at + 8 + 8, true);
    if (id === 'data') {
      const bytes = Math.min(length, size - at - 8);
      return byteRate > 0 ? Math.round((bytes / byteRate) * 100) / 100 : null;
    }
    at += 8 + length + (length % 2);
  }
  return null;
}
