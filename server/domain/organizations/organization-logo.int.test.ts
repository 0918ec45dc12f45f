// An organization's logo through the media store: an owner's upload becomes the public logo, a web address or a new
// upload replaces it (the old file is deleted), and nobody can attach someone else's upload or act without the right.
import { describe, expect, it } from 'vitest';
import { resolveUserContext } from '../../auth/resolve-context';
import { db } from '../../db';
import { saveMedia } from '../../media/save-media';
import { newTenant, registerAndLogin } from '../../test/factories';
import { deleteOrganization, getOrganization, updateOrganization } from './manage-organizations';
import { removeOrganizationLogo, useUploadAsOrganizationLogo } from './organization-logo';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const ctxOf = (userId: string, organizationId: string) => resolveUserContext({ userId, requestedOrganizationId: organizationId, requestId: 'logo-test' });
const upload = (organizationId: string, userId: string) => saveMedia({ organizationId, createdById: userId, kind: 'image', declaredType: 'image/png', body: PNG });
const mediaOf = (id: string) => db.media.findUnique({ where: { id }, select: { status: true, public: true } });

describe('organization logo', () => {
  it('an upload becomes the public logo; a new upload or a web address replaces it and its file', async () => {
    const t = await newTenant('logo-up');
    const ctx = await ctxOf(t.owner.userId, t.organizationId);
    const first = await upload(t.organizationId, t.owner.userId);
    const org = await useUploadAsOrganizationLogo({ ctx, id: t.organizationId, uploadId: first.id });
    expect(org.image).toBe(`/media/${first.id}`);
    expect(await mediaOf(first.id)).toEqual({ status: 'ready', public: true });

    const second = await upload(t.organizationId, t.owner.userId);
    await useUploadAsOrganizationLogo({ ctx, id: t.organizationId, uploadId: second.id });
    expect(await mediaOf(first.id)).toBeNull();
    expect((await getOrganization({ ctx, id: t.organizationId })).image).toBe(`/media/${second.id}`);

    // Saving other details leaves the logo alone; a web address replaces the upload.
    await updateOrganization({ ctx, id: t.organizationId, input: { name: 'Renamed' } });
    expect((await getOrganization({ ctx, id: t.organizationId })).image).toBe(`/media/${second.id}`);
    const withUrl = await updateOrganization({ ctx, id: t.organizationId, input: { image: 'https://cdn.example.com/logo.png' } });
    expect(withUrl.image).toBe('https://cdn.example.com/logo.png');
    expect(await mediaOf(second.id)).toBeNull();

    const third = await upload(t.organizationId, t.owner.userId);
    await useUploadAsOrganizationLogo({ ctx, id: t.organizationId, uploadId: third.id });
    expect((await removeOrganizationLogo({ ctx, id: t.organizationId })).image).toBeNull();
    expect(await mediaOf(third.id)).toBeNull();
  });

  it("refuses someone else's upload, a used one, and members without organization:update; deleting the organization deletes the file", async () => {
    const t = await newTenant('logo-guard');
    const ctx = await ctxOf(t.owner.userId, t.organizationId);
    const stranger = await registerAndLogin('logo-stranger');
    const theirs = await upload(t.organizationId, stranger.userId);
    await expect(useUploadAsOrganizationLogo({ ctx, id: t.organizationId, uploadId: theirs.id })).rejects.toMatchObject({ code: 'not_found' });

    const member = await registerAndLogin('logo-member');
    await db.membership.create({ data: { userId: member.userId, organizationId: t.organizationId, role: 'member' } });
    const memberUpload = await upload(t.organizationId, member.userId);
    await expect(useUploadAsOrganizationLogo({ ctx: await ctxOf(member.userId, t.organizationId), id: t.organizationId, uploadId: memberUpload.id })).rejects.toMatchObject({ code: 'forbidden' });

    const mine = await upload(t.organizationId, t.owner.userId);
    await useUploadAsOrganizationLogo({ ctx, id: t.organizationId, uploadId: mine.id });
    // Already attached: it cannot be attached a second time (to another organization, say).
    const other = await newTenant('logo-other');
    await db.membership.create({ data: { userId: t.owner.userId, organizationId: other.organizationId, role: 'owner' } });
    await expect(useUploadAsOrganizationLogo({ ctx: await ctxOf(t.owner.userId, other.organizationId), id: other.organizationId, uploadId: mine.id })).rejects.toMatchObject({ code: 'not_found' });

    await deleteOrganization({ ctx, id: t.organizationId });
    expect(await mediaOf(mine.id)).toBeNull();
  });
});
