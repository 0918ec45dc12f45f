// Replaces the caller's profile image with an uploaded JPEG, PNG or BMP.
import { db } from '../../db';
import { requireUser, type Ctx } from '../../context';
import { assertImage } from '../media/media-type';
import { storeMedia } from '../media/media-store';
import { mediaUrl } from './user.dto';

export async function setMyImage(opts: { ctx: Ctx; bytes: Uint8Array; contentType: string | null }) {
  const userId = requireUser(opts.ctx);
  const contentType = assertImage(opts.bytes, opts.contentType);
  const previous = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { imageId: true } });
  const imageId = await db.$transaction(async (tx) => {
    const id = await storeMedia({ organizationId: null, contentType, bytes: opts.bytes }, tx);
    await tx.user.update({ where: { id: userId }, data: { imageId: id } });
    if (previous.imageId) await tx.media.deleteMany({ where: { id: previous.imageId } });
    return id;
  });
  return { image: mediaUrl(imageId)! };
}
