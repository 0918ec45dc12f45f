// The browser door: tRPC procedures resolve the same context as REST and map domain errors to tRPC codes.
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { saveMedia } from '../media/save-media';
import { newTenant, registerAndLogin } from '../test/factories';
import { ONE_PIXEL_PNG } from '../test/images';
import { appRouter } from './root';

const caller = (userId: string | null, organizationId: string | null = null) =>
  appRouter.createCaller({ userId, requestedOrganizationId: organizationId, requestId: '00000000-0000-4000-8000-000000000000' as const, ip: null });

describe('tRPC', () => {
  it('refuses signed-out callers and members without the permission', async () => {
    await expect(caller(null).account.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const t = await newTenant('trpc');
    const member = await registerAndLogin('trpc-member');
    await db.membership.create({ data: { userId: member.userId, organizationId: t.organizationId, role: 'member' } });
    await expect(caller(member.userId, t.organizationId).organization.update({ name: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller(member.userId, t.organizationId).apiKeys.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await caller(member.userId, t.organizationId).organization.get()).name).toBe('Org trpc');
  });

  it('acts in the organization of the x-organization-id header, 404 for a foreign one', async () => {
    const t = await newTenant('trpc-org');
    const other = await newTenant('trpc-other');
    await expect(caller(other.owner.userId, t.organizationId).statistics.get()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const updated = await caller(t.owner.userId, t.organizationId).organization.update({ currencies: ['JPY'] });
    expect(updated.currencies).toEqual(['USD', 'JPY']);
  });

  it('reports validation errors with field paths, and domain conflicts as CONFLICT', async () => {
    const t = await newTenant('trpc-errors');
    const err = await caller(t.owner.userId, t.organizationId).apiKeys.create({ name: '', scopes: [] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    const members = await caller(t.owner.userId, t.organizationId).organization.members();
    const conflict = await caller(t.owner.userId, t.organizationId).organization.changeMemberRole({ membershipId: members[0]!.id, role: 'member' }).catch((e: unknown) => e);
    expect(conflict).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/at least one owner/) });
    const key = await caller(t.owner.userId, t.organizationId).apiKeys.create({ name: 'ui key', scopes: ['statistics:read'] });
    expect(key.key).toMatch(/^pk_/);
    await caller(t.owner.userId, t.organizationId).apiKeys.revoke({ id: key.id });
    expect((await caller(t.owner.userId, t.organizationId).apiKeys.list({})).results.map((k) => k.id)).not.toContain(key.id);
  });

  it('a plain member leaves through removeMember; the security log needs audit:read', async () => {
    const t = await newTenant('trpc-leave');
    const member = await registerAndLogin('trpc-leaver');
    const m = await db.membership.create({ data: { userId: member.userId, organizationId: t.organizationId, role: 'member' } });
    await expect(caller(member.userId, t.organizationId).audit.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const owner = caller(t.owner.userId, t.organizationId);
    const ownerMembership = (await owner.organization.members()).find((x) => x.userId === t.owner.userId)!;
    await expect(caller(member.userId, t.organizationId).organization.removeMember({ membershipId: ownerMembership.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await caller(member.userId, t.organizationId).organization.removeMember({ membershipId: m.id })).toEqual({ left: true });
    await expect(caller(member.userId, t.organizationId).organization.get()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(owner.organization.removeMember({ membershipId: ownerMembership.id })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/last owner/) });

    const log = await owner.audit.list({ types: ['member.removed'] });
    expect(log.count).toBe(1);
    expect(log.results[0]).toMatchObject({ type: 'member.removed', actor: { kind: 'user', id: member.userId }, detail: { left: true } });
    await expect(owner.audit.list({ limit: 201 })).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    await expect(owner.audit.list({ types: ['nope' as 'login.succeeded'] })).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
  });
});

describe('profile photo through tRPC', () => {
  it('attaches the caller\'s own upload, replaces and removes it; an upload belongs to its uploader', async () => {
    const u = await registerAndLogin('photo');
    const other = await registerAndLogin('photo-thief');
    const upload = () => saveMedia({ organizationId: null, createdById: u.userId, kind: 'image', declaredType: 'image/png', body: ONE_PIXEL_PNG });
    const firstUpload = await upload();
    await expect(caller(other.userId).account.setImage({ uploadId: firstUpload.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const first = await caller(u.userId).account.setImage({ uploadId: firstUpload.id });
    expect(first.image).toBe(`/media/${firstUpload.id}`);
    // Attached once: the same upload cannot be used again.
    await expect(caller(u.userId).account.setImage({ uploadId: firstUpload.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const second = await caller(u.userId).account.setImage({ uploadId: (await upload()).id });
    expect(await db.media.findUnique({ where: { id: firstUpload.id } })).toBeNull();
    await expect(saveMedia({ organizationId: null, createdById: u.userId, kind: 'image', declaredType: 'image/png', body: new TextEncoder().encode('GIF89a') })).rejects.toMatchObject({ code: 'unsupported_media_type' });
    await expect(caller(u.userId).account.setImage({ uploadId: 'not-a-uuid' })).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    expect((await caller(u.userId).account.me()).image).toBe(second.image);
    await caller(u.userId).account.removeImage();
    expect((await caller(u.userId).account.me()).image).toBeNull();
    expect(await db.media.findUnique({ where: { id: second.image!.split('/').pop()! } })).toBeNull();
  });
});
