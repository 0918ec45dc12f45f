// Replaces or removes the caller's profile image (JPEG, PNG or BMP); the previous file is deleted with it.
import { db } from '../../db';
import { requireUser, type Ctx } from '../../context';
import { assertImage } from '../media/media-type';
import { storeMedia } from '../media/media-store';
import { mediaUrl } from './user.dto';

export async function setMyImage(opts: { ctx: Ctx; bytes: Uint8Array; contentType: string | null }) {
  const userId = requireUser(opts.ctx);
  const contentType = assertImage(opts.bytes, opts.contentType);
  const imageId = await db.$transaction(async (tx) => {
    const previous = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { imageId: true } });
    const id = await storeMedia({ organizationId: null, contentType, bytes: opts.bytes }, tx);
    await tx.user.update({ where: { id: userId }, data: { imageId: id } });
    if (previous.imageId) await tx.media.deleteMany({ where: { id: previous.imageId } });
    return id;
  });
  return { image: mediaUrl(imageId)! };
}

export async function removeMyImage(opts: { ctx: Ctx }) {
  const userId = requireUser(opts.ctx);
  await db.$transaction(async (tx) => {
    const previous = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { imageId: true } });
    if (!previous.imageId) return;
    await tx.user.update({ where: { id: userId }, data: { imageId: null } });
    await tx.media.deleteMany({ where: { id: previous.imageId } });
  });
  return { image: null };
}
