// Replaces or removes the caller's profile image (JPEG, PNG or BMP): streamed into the media store, attached in the
// same transaction that drops the previous one.
import { db } from '../../db';
import { requireUser, type Ctx } from '../../context';
import { attachMedia, deleteMedia, discard, saveMedia } from '../../media/save-media';
import type { StreamedFile } from '../../media/upload-parts';
import { mediaUrl } from './user.dto';

/** An image already uploaded by the caller (the browser's upload endpoint) becomes their photo. */
export async function useUploadAsMyImage(opts: { ctx: Ctx; uploadId: string }) {
  const userId = requireUser(opts.ctx);
  await db.$transaction(async (tx) => {
    await attachMedia(tx, { mediaId: opts.uploadId, kind: 'image', uploadedBy: userId, public: true });
    const previous = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { imageId: true } });
    await tx.user.update({ where: { id: userId }, data: { imageId: opts.uploadId } });
    if (previous.imageId) await deleteMedia(tx, previous.imageId);
  });
  return { image: mediaUrl(opts.uploadId)! };
}

/** PUT /me/image: the body is the image. */
export async function setMyImage(opts: { ctx: Ctx; file: Pick<StreamedFile, 'contentType' | 'stream'> }) {
  const userId = requireUser(opts.ctx);
  const saved = await saveMedia({ organizationId: null, createdById: userId, kind: 'image', declaredType: opts.file.contentType, body: opts.file.stream });
  try {
    return await useUploadAsMyImage({ ctx: opts.ctx, uploadId: saved.id });
  } catch (error) {
    await discard(saved.id);
    throw error;
  }
}

export async function removeMyImage(opts: { ctx: Ctx }) {
  const userId = requireUser(opts.ctx);
  await db.$transaction(async (tx) => {
    const previous = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { imageId: true } });
    if (!previous.imageId) return;
    await tx.user.update({ where: { id: userId }, data: { imageId: null } });
    await deleteMedia(tx, previous.imageId);
  });
  return { image: null };
}
