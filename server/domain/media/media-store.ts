// Stores uploaded files in PostgreSQL and serves them back by their unguessable id.
import { db, type Tx } from '../../db';
import { AppError } from '../../errors';

export async function storeMedia(opts: { organizationId: string | null; contentType: string; bytes: Uint8Array }, tx: Tx = db) {
  const media = await tx.media.create({
    data: { organizationId: opts.organizationId, contentType: opts.contentType, size: opts.bytes.length, bytes: Buffer.from(opts.bytes) },
    select: { id: true },
  });
  return media.id;
}

export async function readMedia(id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('not_found', { message: 'Media not found' });
  const media = await db.media.findUnique({ where: { id } });
  if (!media) throw new AppError('not_found', { message: 'Media not found' });
  return { contentType: media.contentType, bytes: new Uint8Array(media.bytes) };
}
