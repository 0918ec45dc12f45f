// An organization's logo as an uploaded picture: an image the caller streamed into the media store becomes the logo
// (replacing a web address or an earlier upload, whose file goes with it), or the logo is removed.
import { db, type Tx } from '../../db';
import { requireUser, type Ctx } from '../../context';
import { attachMedia, deleteMedia } from '../../media/save-media';
import { organizationAccess } from './organization-access';
import { toOrganizationDto } from './organization.dto';
import type { OrganizationDto } from './organization.schema';

/** Drops the current logo in the caller's transaction: the uploaded file is deleted with it. */
export async function clearLogo(tx: Tx, organizationId: string) {
  const current = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { imageId: true } });
  await tx.organization.update({ where: { id: organizationId }, data: { image: null, imageId: null } });
  if (current.imageId) await deleteMedia(tx, current.imageId);
}

export async function useUploadAsOrganizationLogo(opts: { ctx: Ctx; id: string; uploadId: string }): Promise<OrganizationDto> {
  const access = await organizationAccess(opts.ctx, opts.id, 'organization:update');
  // SECURITY: only the caller's own pending image upload can become the logo (attachMedia checks), and it is public:
  // a logo shows to everyone in the organization through /media/{id}.
  const userId = requireUser(opts.ctx);
  const org = await db.$transaction(async (tx) => {
    await attachMedia(tx, { mediaId: opts.uploadId, kind: 'image', uploadedBy: userId, public: true });
    await clearLogo(tx, access.organizationId);
    return tx.organization.update({ where: { id: access.organizationId }, data: { imageId: opts.uploadId } });
  });
  return toOrganizationDto(org, access.role, access.permissions, access.customRole);
}

export async function removeOrganizationLogo(opts: { ctx: Ctx; id: string }): Promise<OrganizationDto> {
  const access = await organizationAccess(opts.ctx, opts.id, 'organization:update');
  const org = await db.$transaction(async (tx) => {
    await clearLogo(tx, access.organizationId);
    return tx.organization.findUniqueOrThrow({ where: { id: access.organizationId } });
  });
  return toOrganizationDto(org, access.role, access.permissions, access.customRole);
}
